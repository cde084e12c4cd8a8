import { Flag } from "dockerfile-ast";
import { DockerfileSyntaxError } from "../syntax-error";

/** The flags each instruction accepts (Dockerfile frontend 1.x). */
const ALLOWED_FLAGS: Readonly<Record<string, readonly string[]>> = {
  FROM: ["platform"],
  RUN: ["mount", "network", "security"],
  COPY: ["from", "chown", "chmod", "link", "parents", "exclude"],
  ADD: ["chown", "chmod", "checksum", "keep-git-dir", "link", "exclude", "unpack"],
  HEALTHCHECK: ["interval", "timeout", "start-period", "start-interval", "retries"],
};

/** Flags that may be given without a value. */
const BOOLEAN_FLAGS: ReadonlySet<string> = new Set(["link", "parents", "keep-git-dir", "unpack"]);

/**
 * Throws a `DockerfileSyntaxError` for a flag the instruction does not accept, or a flag that
 * needs a value and has none.
 */
export function checkFlags(
  keyword: string,
  flags: readonly Flag[],
  file: string,
  line: number,
): void {
  const allowed = ALLOWED_FLAGS[keyword] ?? [];
  for (const flag of flags) {
    const name = flag.getName();
    if (!allowed.includes(name)) {
      throw new DockerfileSyntaxError(
        file,
        line,
        `${keyword} does not accept --${name}; ${allowed.length === 0 ? "it takes no flags" : `allowed flags: ${allowed.map((f) => `--${f}`).join(", ")}`}`,
      );
    }
    const value = flag.getValue();
    if (!BOOLEAN_FLAGS.has(name) && (value === null || value === "")) {
      throw new DockerfileSyntaxError(
        file,
        line,
        `${keyword} --${name} needs a value: --${name}=<value>`,
      );
    }
  }
}
