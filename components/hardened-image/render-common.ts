import { UNNEEDED_FILE_NAMES } from "../../rules/image/checks/contents";
import { SECRET_ENV } from "./build-secrets";
import { PresetHealthcheck } from "./preset-args";

/** A preset with every default filled in; produced by `resolvePreset`. */
export interface ResolvedPresetCommon {
  /** The user's numeric id. */
  readonly uid: number;
  /** The group's numeric id. */
  readonly gid: number;
  /** The port the program listens on. */
  readonly port: number;
  /** The health check's command (exec form). */
  readonly healthcheckCommand: readonly string[];
  /** The health check's `--interval`, `--timeout`, `--start-period` and `--retries`. */
  readonly healthcheckTiming: Required<
    Pick<PresetHealthcheck, "interval" | "timeout" | "startPeriod" | "retries">
  >;
  /**
   * The ids of the build secrets mounted on the step that installs dependencies.
   * @default [] (no secrets)
   */
  readonly secrets?: readonly string[];
  /**
   * True when the image is built with BuildKit: the install step then keeps the package
   * manager's cache in a cache mount instead of deleting it.
   * @default false (the rendering builds with the classic builder)
   */
  readonly buildKit?: boolean;
}

/**
 * The flags, each followed by a space, of a preset's dependency-install `RUN`: with BuildKit a
 * cache mount of each of `caches`, then a secret mount of each build secret; empty otherwise.
 */
export function installMounts(preset: ResolvedPresetCommon, caches: readonly string[]): string {
  return [
    ...(preset.buildKit === true
      ? caches.map((target) => `--mount=type=cache,target=${target} `)
      : []),
    ...(preset.secrets ?? []).map((id) => `--mount=type=secret,id=${id} `),
  ].join("");
}

/**
 * The `NAME=/run/secrets/<id> ` assignments, each followed by a space, that point the package
 * manager at the well-known secrets among a preset's (`SECRET_ENV`); empty without them.
 */
export function secretEnv(preset: ResolvedPresetCommon): string {
  return (preset.secrets ?? [])
    .filter((id) => SECRET_ENV[id] !== undefined)
    .map((id) => `${SECRET_ENV[id]}=/run/secrets/${id} `)
    .join("");
}

/** An exec-form (JSON array) argument list. */
export function execForm(words: readonly string[]): string {
  return JSON.stringify(words);
}

/** The instructions every preset's final stage ends with: user, port, health check. */
export function runtimeTail(preset: ResolvedPresetCommon): string[] {
  const t = preset.healthcheckTiming;
  return [
    `USER ${preset.uid}:${preset.gid}`,
    `EXPOSE ${preset.port}`,
    `HEALTHCHECK --interval=${t.interval} --timeout=${t.timeout} --start-period=${t.startPeriod} --retries=${t.retries} CMD ${execForm(preset.healthcheckCommand)}`,
  ];
}

/**
 * The start of a `RUN` (with `flags`, e.g. secret mounts) that removes from `dir` the build
 * leftovers the image rule `image-unneeded-files` warns about, continued on the next line.
 */
export function removeBuildLeftovers(dir: string, flags = ""): string {
  return `RUN ${flags}rm -rf ${UNNEEDED_FILE_NAMES.map((name) => `${dir}/${name}`).join(" ")} \\`;
}

/** The header comment of a rendered Dockerfile: classic-builder compatible unless built with BuildKit. */
export function header(preset: ResolvedPresetCommon & { readonly kind: string }): string {
  return `# Rendered by pulumi-hardened (HardenedImage preset "${preset.kind}"). ${preset.buildKit === true ? "Needs BuildKit (RUN --mount)." : "Classic-builder compatible."}`;
}
