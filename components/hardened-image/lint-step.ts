import { Finding, isBlocking } from "../../rules/finding";
import { lintDockerfile } from "../../rules/dockerfile/lint";
import { HardenedImageLintError } from "./errors";

/** What the pinned Dockerfile is linted with. */
export interface LintStepOptions {
  /** The component, for the error. */
  readonly owner: string;
  /** The Dockerfile's name in findings. */
  readonly file: string;
  /** The stage that is built. @default the last stage */
  readonly target?: string;
  /** The context's `.dockerignore` text, when it has one. */
  readonly dockerignore?: string;
  /** Registries images may come from; empty allows all. */
  readonly allowedRegistries: readonly string[];
}

/**
 * Lints the pinned Dockerfile with every Dockerfile rule of the hardened profile. Throws
 * `HardenedImageLintError` listing every blocking finding (an error no pragma covers); otherwise
 * returns all findings (warnings, notes and exempted errors) for the caller to log.
 */
export function lintStep(text: string, options: LintStepOptions): Finding[] {
  const findings = lintDockerfile(text, {
    file: options.file,
    allowedRegistries: options.allowedRegistries,
    ...(options.target !== undefined ? { target: options.target } : {}),
    ...(options.dockerignore !== undefined ? { dockerignore: options.dockerignore } : {}),
  });
  const blocking = findings.filter(isBlocking);
  if (blocking.length > 0) {
    throw new HardenedImageLintError(options.owner, options.file, blocking);
  }
  return findings;
}
