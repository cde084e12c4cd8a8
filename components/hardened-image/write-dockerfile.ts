import { createHash } from "crypto";
import { mkdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

/** The directory rendered Dockerfiles are written to. */
export function renderedDockerfileDir(): string {
  return join(tmpdir(), "pulumi-hardened");
}

/**
 * Writes a rendered Dockerfile (`PreparedBuild.dockerfile`) for a `docker build --file` of your
 * own to a content-addressed file,
 * `<tmpdir>/pulumi-hardened/<first 32 hex digits of its sha256>.Dockerfile`, and returns its path.
 * The path changes exactly when the text does, the user's build context is not touched (so
 * `COPY .` never picks the file up).
 */
export function writeRenderedDockerfile(text: string): string {
  const dir = renderedDockerfileDir();
  mkdirSync(dir, { recursive: true });
  const file = join(
    dir,
    `${createHash("sha256").update(text).digest("hex").slice(0, 32)}.Dockerfile`,
  );
  writeFileSync(file, text);
  return file;
}
