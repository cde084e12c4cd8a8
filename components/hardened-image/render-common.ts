import { UNNEEDED_FILE_NAMES } from "../../rules/image/checks/contents";
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
 * The start of a `RUN` that removes from `dir` the build leftovers the image rule
 * `image-unneeded-files` warns about, continued on the next line.
 */
export function removeBuildLeftovers(dir: string): string {
  return `RUN rm -rf ${UNNEEDED_FILE_NAMES.map((name) => `${dir}/${name}`).join(" ")} \\`;
}

/** The header comment of a rendered Dockerfile. */
export function header(kind: string): string {
  return `# Rendered by pulumi-hardened (HardenedImage preset "${kind}"). Classic-builder compatible.`;
}
