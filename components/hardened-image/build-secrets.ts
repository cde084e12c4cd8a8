import { statSync } from "fs";
import { relative, resolve } from "path";
import { DockerfileModel } from "../../rules/dockerfile/model";
import { HardenedImageArgsError } from "./errors";

/** A build secret: its id in the Dockerfile and the file on the build machine it is read from. */
export interface BuildSecret {
  /** The id `RUN --mount=type=secret,id=<id>` names; mounted at `/run/secrets/<id>`. */
  readonly id: string;
  /** The file's absolute path. */
  readonly source: string;
}

const SECRET_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * The environment variable through which each well-known secret id points a preset's package
 * manager at its mounted file: pip's configuration, npm's user `.npmrc`, Go's `.netrc`.
 */
export const SECRET_ENV: Readonly<Record<string, string>> = {
  "pip.conf": "PIP_CONFIG_FILE",
  npmrc: "NPM_CONFIG_USERCONFIG",
  netrc: "NETRC",
};

/**
 * Checks `args.secrets` (id → file): each id is a plain name, each file exists and lies outside
 * the build context (where `COPY .` would put it in a layer). Returns them sorted by id.
 * @throws HardenedImageArgsError naming `args.secrets.<id>`
 */
export function resolveBuildSecrets(
  owner: string,
  secrets: Readonly<Record<string, string>> | undefined,
  contextDir: string,
): BuildSecret[] {
  return Object.entries(secrets ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, file]) => {
      const arg = `args.secrets.${id}`;
      if (!SECRET_ID.test(id)) {
        throw new HardenedImageArgsError(
          owner,
          arg,
          `${JSON.stringify(id)} is not a secret id: use letters, digits, ".", "_" and "-" (up to 128), starting with a letter or digit`,
        );
      }
      const source = resolve(file);
      let isFile = false;
      try {
        isFile = statSync(source).isFile();
      } catch {
        isFile = false;
      }
      if (!isFile) {
        throw new HardenedImageArgsError(owner, arg, `${source} is not a file`);
      }
      if (/[,"]/.test(source)) {
        throw new HardenedImageArgsError(
          owner,
          arg,
          `${source} has a comma or a quote, which docker build --secret cannot take in a path`,
        );
      }
      const inside = relative(resolve(contextDir), source);
      if (!inside.startsWith("..") && !inside.startsWith("/")) {
        throw new HardenedImageArgsError(
          owner,
          arg,
          `${source} is inside the build context ${resolve(contextDir)}, where COPY . would put it in a layer; keep build secrets outside the context`,
        );
      }
      return { id, source };
    });
}

/** The ids of the secrets a Dockerfile mounts (`RUN --mount=type=secret`), with their line. */
export function mountedSecretIds(model: DockerfileModel): { id: string; line: number }[] {
  return model.stages
    .flatMap((s) => s.instructions)
    .flatMap((instruction) =>
      instruction.flags
        .filter((f) => f.name === "mount")
        .filter((f) => f.options.some((o) => o.name === "type" && o.value === "secret"))
        .map((f) => {
          const option = (name: string) => f.options.find((o) => o.name === name)?.value;
          const target = option("target") ?? option("dst") ?? option("destination");
          const id = option("id") ?? target?.slice(target.lastIndexOf("/") + 1) ?? "";
          return { id, line: instruction.line };
        }),
    );
}

/**
 * Checks that every secret a Dockerfile mounts is given: BuildKit would otherwise run the step
 * with the file silently missing.
 * @throws HardenedImageArgsError naming `args.secrets`
 */
export function checkMountedSecrets(
  owner: string,
  file: string,
  model: DockerfileModel,
  secrets: readonly BuildSecret[],
): void {
  const given = new Set(secrets.map((s) => s.id));
  const missing = mountedSecretIds(model).find((m) => !given.has(m.id));
  if (missing !== undefined) {
    throw new HardenedImageArgsError(
      owner,
      "args.secrets",
      `${file}:${missing.line} mounts the secret ${JSON.stringify(missing.id)}, which args.secrets does not give (it has ${given.size === 0 ? "none" : [...given].map((id) => JSON.stringify(id)).join(", ")})`,
    );
  }
}

/** The `docker build` flags that pass the secrets: `--secret id=<id>,src=<file>` each. */
export function secretBuildFlags(secrets: readonly BuildSecret[]): string[] {
  return secrets.flatMap((s) => ["--secret", `id=${s.id},src=${s.source}`]);
}
