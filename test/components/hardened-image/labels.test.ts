import { strict as assert } from "assert";
import { insertLabels, ociLabels } from "../../../components/hardened-image/labels";
import { parseDockerfile } from "../../../rules/dockerfile/parse";
import { fakeDigest } from "./fixtures";

const PINNED = `FROM golang:1.23 AS build\nRUN true\nFROM gcr.io/distroless/static-debian12:nonroot@${fakeDigest("b")} AS run\nUSER 1:1\nFROM run AS debug\n`;

describe("OCI labels", () => {
  it("labels the root image of the target's chain and the caller's provenance", () => {
    const model = parseDockerfile(PINNED, { file: "D", target: "debug" });
    assert.deepEqual(ociLabels(model, { source: "https://git.example/app", revision: "abc" }, {}), {
      "org.opencontainers.image.source": "https://git.example/app",
      "org.opencontainers.image.revision": "abc",
      "org.opencontainers.image.base.name": "gcr.io/distroless/static-debian12:nonroot",
      "org.opencontainers.image.base.digest": fakeDigest("b"),
    });
  });

  const created: { args: { created?: string }; env: NodeJS.ProcessEnv; expected?: string }[] = [
    { args: {}, env: {}, expected: undefined },
    { args: {}, env: { SOURCE_DATE_EPOCH: "1700000000" }, expected: "2023-11-14T22:13:20.000Z" },
    { args: {}, env: { SOURCE_DATE_EPOCH: "yesterday" }, expected: undefined },
    {
      args: { created: "2026-01-01T00:00:00Z" },
      env: { SOURCE_DATE_EPOCH: "1" },
      expected: "2026-01-01T00:00:00Z",
    },
  ];
  for (const { args, env, expected } of created) {
    it(`sets created to ${expected} for ${JSON.stringify({ args, env })}`, () => {
      const model = parseDockerfile("FROM scratch\n", { file: "D" });
      assert.deepEqual(
        ociLabels(model, args, env),
        expected === undefined ? {} : { "org.opencontainers.image.created": expected },
      );
    });
  }

  it("does not label a base that is not pinned", () => {
    const model = parseDockerfile("FROM debian:12\n", { file: "D" });
    assert.deepEqual(ociLabels(model, {}, {}), {});
  });

  it("inserts one LABEL after the target stage's last instruction", () => {
    const model = parseDockerfile(PINNED, { file: "D", target: "run" });
    assert.equal(
      insertLabels(PINNED, model, { a: "1", b: 'say "hi"' }),
      `FROM golang:1.23 AS build\nRUN true\nFROM gcr.io/distroless/static-debian12:nonroot@${fakeDigest("b")} AS run\nUSER 1:1\nLABEL a="1" \\\n      b="say \\"hi\\""\nFROM run AS debug\n`,
    );
    assert.equal(insertLabels(PINNED, model, {}), PINNED);
  });
});
