import { spawn } from "child_process";
import { createHash } from "crypto";
import { HardenedImageArgs } from "../../components/hardened-image/args";
import { PreparedBuild, prepareBuild } from "../../components/hardened-image/prepare";
import { loadSource } from "../../components/hardened-image/source";
import { writeRenderedDockerfile } from "../../components/hardened-image/write-dockerfile";
import { DockerCommandError } from "../../image/runtime/docker-cli";
import { RegistryClient } from "../../oci/client";

/**
 * Real builds with the Docker engine, the way `HardenedImage` builds (classic builder, pinned and
 * linted Dockerfile), shared by the examples' tests and the demo.
 */

/** Receives one progress line (a build step, a push) to show the user. */
export type Progress = (line: string) => void;

/** Progress that shows nothing. */
export const QUIET: Progress = () => undefined;

/** How to run one docker command. */
export interface DockerRunOptions {
  /**
   * Where the lines `showLine` selects go.
   * @default QUIET
   */
  readonly progress?: Progress;
  /**
   * Selects the output lines worth showing.
   * @default none
   */
  readonly showLine?: (line: string) => boolean;
  /**
   * Standard input (a Dockerfile for `docker build -`).
   * @default nothing
   */
  readonly input?: string;
}

/**
 * Runs `docker <args>` with the classic builder (`DOCKER_BUILDKIT=0`); passes each output line
 * that `showLine` selects to `progress`, and resolves to the standard output. Rejects with
 * `DockerCommandError` when docker exits non-zero.
 */
export function runDocker(
  args: readonly string[],
  options: DockerRunOptions = {},
): Promise<string> {
  const progress = options.progress ?? QUIET;
  const showLine = options.showLine ?? (() => false);
  return new Promise((resolve, reject) => {
    const child = spawn("docker", args, {
      stdio: ["pipe", "pipe", "pipe"],
      env: { ...process.env, DOCKER_BUILDKIT: "0" },
    });
    child.stdin.end(options.input ?? "");
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let partial = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out.push(chunk);
      const lines = (partial + chunk.toString("utf8")).split("\n");
      partial = lines.pop() ?? "";
      lines.filter(showLine).forEach((line) => progress(line));
    });
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const result = {
        code: code ?? 128,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      };
      if (result.code === 0) {
        resolve(result.stdout);
      } else {
        reject(new DockerCommandError(args, result));
      }
    });
  });
}

/** What to build and where to push it. */
export interface BuildRequest {
  /** Where to push: `registry/repository:tag`. */
  readonly tag: string;
  /** The build context directory. */
  readonly context: string;
  /** The Dockerfile's path. */
  readonly dockerfile: string;
  /**
   * Build arguments (`--build-arg`).
   * @default {}
   */
  readonly buildArgs?: Readonly<Record<string, string>>;
  /**
   * The stage to build.
   * @default the last stage
   */
  readonly target?: string;
}

function isBuildStep(line: string): boolean {
  return line.startsWith("Step ");
}

/** Pushes `tag`, showing the digest line; resolves to docker's output. */
function push(tag: string, progress: Progress): Promise<string> {
  progress(`pushing ${tag}`);
  return runDocker(["push", tag], { progress, showLine: (l) => l.includes("digest: sha256:") });
}

/** The repository of a `registry/repository:tag` reference, without the tag. */
export function repositoryOf(tag: string): string {
  return tag.replace(/:[^:/]+$/, "");
}

/**
 * Builds with the classic builder, pushes, and returns the pushed image by digest
 * (`repository@sha256:…`), showing each build step and the push's digest line as progress.
 */
export async function buildAndPush(request: BuildRequest, progress: Progress): Promise<string> {
  const buildArgs = Object.entries(request.buildArgs ?? {}).flatMap(([k, v]) => [
    "--build-arg",
    `${k}=${v}`,
  ]);
  const target = request.target === undefined ? [] : ["--target", request.target];
  progress(`building ${request.tag}`);
  await runDocker(
    [
      "build",
      "-f",
      request.dockerfile,
      ...buildArgs,
      ...target,
      "-t",
      request.tag,
      request.context,
    ],
    { progress, showLine: isBuildStep },
  );
  const output = await push(request.tag, progress);
  const digest = /digest: (sha256:[a-f0-9]{64})/.exec(output)?.[1];
  if (digest === undefined) {
    throw new Error(`docker push ${request.tag} printed no digest; its output was: ${output}`);
  }
  return `${repositoryOf(request.tag)}@${digest}`;
}

/** A pushed `HardenedImage` build: its reference by digest and what was built. */
export interface HardenedBuild {
  /** `repository@sha256:…` */
  readonly ref: string;
  /** The rendered, pinned, linted Dockerfile and its user and findings. */
  readonly prepared: PreparedBuild;
}

/**
 * Builds `args` exactly as `HardenedImage "<name>"` does before its build step runs (render
 * the preset, pin through the lock file or the registry, lint, label), then builds and pushes the
 * result to `args.imageName` (a plain string here).
 */
export async function buildHardenedImage(
  name: string,
  args: HardenedImageArgs & { readonly imageName: string },
  progress: Progress,
): Promise<HardenedBuild> {
  const owner = `HardenedImage "${name}"`;
  const source = loadSource(owner, args, { builder: "classic" });
  const client = new RegistryClient({ insecureRegistries: args.insecureRegistries ?? [] });
  progress(`pinning the base images of ${owner} (lock file: ${source.lockFile ?? "none"})`);
  const prepared = await prepareBuild(owner, source, args, (r) => client.resolveDigest(r));
  for (const base of prepared.baseImages) {
    progress(`pinned ${base.name}:${base.tag}@${base.digest}`);
  }
  const ref = await buildAndPush(
    {
      tag: args.imageName,
      context: source.context,
      dockerfile: writeRenderedDockerfile(prepared.dockerfile),
      ...(prepared.target !== undefined ? { target: prepared.target } : {}),
    },
    progress,
  );
  return { ref, prepared };
}

/**
 * Makes sure a stand-in base image built from `dockerfile` is in the registry and returns its tag:
 * `<prefix>/<name>-<first 12 hex of the Dockerfile's sha256>`, so an unchanged Dockerfile is
 * built once and found by tag afterwards, and a changed one gets a new tag.
 */
export async function ensureBaseImage(
  prefix: string,
  name: string,
  dockerfile: string,
  progress: Progress,
): Promise<string> {
  const hash = createHash("sha256").update(dockerfile).digest("hex").slice(0, 12);
  const tag = `${prefix}/${name}-${hash}`;
  try {
    await new RegistryClient().resolveDigest(tag);
    progress(`stand-in ${tag} is already in the registry`);
    return tag;
  } catch {
    progress(`building stand-in ${tag}`);
  }
  await runDocker(["build", "-t", tag, "-"], {
    progress,
    showLine: isBuildStep,
    input: dockerfile,
  });
  await push(tag, progress);
  return tag;
}
