import * as pulumi from "@pulumi/pulumi";
import type { ImageBuildInputs, ImageBuildOutputs } from "./image-build-inputs";

/*
 * The provider runs in the Pulumi engine's dynamic-provider process from its serialized text, so
 * its functions reach nothing outside themselves but Node.js built-ins, required inside.
 */

/**
 * The build step's provider: `create` builds the image with the Docker CLI (`DOCKER_BUILDKIT=1`
 * for BuildKit, `0` for the classic builder, each build secret as `--secret`), pushes it and
 * records the pushed digest. Any change to what is built replaces it (a new build and push); a
 * change of the CLI's path or of the push credentials alone does not. Deleting it leaves the
 * pushed image in the registry, as `docker.Image` does.
 */
export const imageBuildProvider: pulumi.dynamic.ResourceProvider = {
  async diff(_id: string, olds: ImageBuildOutputs, news: ImageBuildInputs) {
    const notBuilt = new Set(["dockerCli", "registry", "ref", "digest", "__provider"]);
    const canonical = (value: unknown): string =>
      JSON.stringify(value, (_key, v: unknown) =>
        v !== null && typeof v === "object" && !Array.isArray(v)
          ? Object.fromEntries(
              Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
            )
          : v,
      ) ?? "undefined";
    const before = olds as unknown as Record<string, unknown>;
    const after = news as unknown as Record<string, unknown>;
    const replaces = [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .filter((key) => !notBuilt.has(key))
      .filter((key) => canonical(before[key]) !== canonical(after[key]))
      .sort();
    return { changes: replaces.length > 0, replaces, deleteBeforeReplace: false };
  },

  async create(inputs: ImageBuildInputs) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { spawn } = require("child_process") as typeof import("child_process");
    const fs = require("fs") as typeof import("fs");
    const os = require("os") as typeof import("os");
    const path = require("path") as typeof import("path");
    /* eslint-enable @typescript-eslint/no-require-imports */
    const image = inputs.tags[0];
    const docker = (args: string[], env: NodeJS.ProcessEnv): Promise<string> =>
      new Promise((resolve, reject) => {
        const child = spawn(inputs.dockerCli, args, { env, stdio: ["ignore", "pipe", "pipe"] });
        let output = "";
        child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.on("error", (error) =>
          reject(new Error(`cannot run ${inputs.dockerCli}: ${error.message}`)),
        );
        child.on("close", (code) => {
          if (code === 0) {
            resolve(output);
            return;
          }
          const tail = output.trimEnd().split("\n").slice(-30).join("\n");
          reject(
            new Error(`${inputs.dockerCli} ${args[0]} ${image} exited with ${code}:\n${tail}`),
          );
        });
      });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hardened-image-build-"));
    try {
      const dockerfile = path.join(dir, "Dockerfile");
      fs.writeFileSync(dockerfile, inputs.dockerfile.inline);
      const args = ["build", "--file", dockerfile, "--tag", image];
      if (inputs.target !== undefined) {
        args.push("--target", inputs.target);
      }
      for (const [name, value] of Object.entries(inputs.buildArgs ?? {})) {
        args.push("--build-arg", `${name}=${value}`);
      }
      for (const platform of inputs.platforms ?? []) {
        args.push("--platform", platform);
      }
      for (const [id, file] of Object.entries(inputs.secretFiles ?? {})) {
        args.push("--secret", `id=${id},src=${file}`);
      }
      args.push(inputs.context.location);
      const buildKit = inputs.builder === "buildkit" ? "1" : "0";
      await docker(args, { ...process.env, DOCKER_BUILDKIT: buildKit });
      const pushEnv = { ...process.env };
      const { registry, ...recorded } = inputs;
      if (registry?.username !== undefined && registry.password !== undefined) {
        const server = registry.server ?? inputs.repository.split("/")[0];
        const auth = Buffer.from(`${registry.username}:${registry.password}`).toString("base64");
        const configDir = path.join(dir, "docker-config");
        fs.mkdirSync(configDir, { mode: 0o700 });
        fs.writeFileSync(
          path.join(configDir, "config.json"),
          JSON.stringify({ auths: { [server]: { auth } } }),
          { mode: 0o600 },
        );
        pushEnv.DOCKER_CONFIG = configDir;
      }
      const pushed = await docker(["push", image], pushEnv);
      const digest = /digest: (sha256:[0-9a-f]{64})/.exec(pushed)?.[1];
      if (digest === undefined) {
        throw new Error(`${inputs.dockerCli} push ${image} reported no digest:\n${pushed}`);
      }
      const ref = `${inputs.repository}@${digest}`;
      const outs: ImageBuildOutputs = { ...recorded, ref, digest };
      return { id: ref, outs };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
