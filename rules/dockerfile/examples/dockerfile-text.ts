import { EXAMPLE_DIGEST } from "../../example";

/** A FROM line of an Alpine base pinned by tag and digest. */
export const FROM_ALPINE = `FROM alpine:3.20@${EXAMPLE_DIGEST}`;

/** A FROM line of a Debian base pinned by tag and digest. */
export const FROM_DEBIAN = `FROM debian:12-slim@${EXAMPLE_DIGEST}`;

/** A FROM line of a distroless base (no shell) pinned by tag and digest. */
export const FROM_DISTROLESS = `FROM gcr.io/distroless/static-debian12:nonroot@${EXAMPLE_DIGEST}`;

/** The lines of a Dockerfile, joined with a final newline. */
export function dockerfile(...lines: string[]): string {
  return `${lines.join("\n")}\n`;
}
