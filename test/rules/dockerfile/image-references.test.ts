import { strict as assert } from "assert";
import { imageReferences } from "../../../rules/dockerfile/image-references";
import { parseDockerfile } from "../../../rules/dockerfile/parse";
import { dockerfile } from "./cases";

describe("imageReferences", () => {
  const text = dockerfile(
    "ARG GO=1.23",
    "FROM --platform=$BUILDPLATFORM golang:${GO}-bookworm AS build",
    "RUN --mount=type=cache,target=/root/.cache \\",
    "    --mount=type=bind,from=ghcr.io/acme/tools:2,source=/bin/tool,target=/usr/bin/tool make",
    "FROM build AS test",
    "FROM scratch",
    "COPY --from=build /out /out",
    "COPY --from=docker.io/library/busybox:1.36 /bin/busybox /busybox",
  );
  const refs = imageReferences(parseDockerfile(text, { file: "Dockerfile" }));

  it("lists FROM, COPY --from and RUN --mount images, not stages or scratch", () => {
    assert.deepEqual(
      refs.map((r) => [r.instruction, r.line, r.stage, r.written, r.reference]),
      [
        ["FROM", 2, "stage[0](build)", "golang:${GO}-bookworm", "golang:1.23-bookworm"],
        ["RUN", 3, "stage[0](build)", "ghcr.io/acme/tools:2", "ghcr.io/acme/tools:2"],
        ["COPY", 8, "stage[2]", "docker.io/library/busybox:1.36", "docker.io/library/busybox:1.36"],
      ],
    );
  });

  it("gives offsets that slice exactly the written text", () => {
    for (const r of refs) {
      assert.equal(text.slice(r.start, r.end), r.written);
    }
  });

  it("keeps offsets exact with CRLF line endings", () => {
    const crlf = text.replace(/\n/g, "\r\n");
    for (const r of imageReferences(parseDockerfile(crlf, { file: "Dockerfile" }))) {
      assert.equal(crlf.slice(r.start, r.end), r.written);
    }
  });
});
