import { strict as assert } from "assert";
import { builtStages, stageChain } from "../../../rules/dockerfile/support/ancestry";
import { readInstall } from "../../../rules/dockerfile/support/packages";
import { parseDockerfile } from "../../../rules/dockerfile/parse";
import { splitShell } from "../../../rules/dockerfile/support/shell";
import { parseImageReference } from "../../../rules/image-reference";

const DOCKERFILE = [
  "ARG BASE=python:3.12-slim",
  "FROM golang:1.23@sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945 AS build",
  "RUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*",
  "FROM alpine:3.20 AS unused",
  "RUN apk add curl",
  "FROM ${BASE} AS base",
  "RUN python3 -m pip install --no-cache-dir requests",
  "RUN <<EOF",
  "echo done",
  "EOF",
  "FROM base AS runtime",
  "COPY --from=build /out/app /app",
  "COPY --from=Not-An-Image:: /x /y",
  'CMD ["/app"]',
  "",
].join("\n");

describe("what the Dockerfile model computes once for every rule", () => {
  const model = parseDockerfile(DOCKERFILE, { file: "Dockerfile" });
  const instructions = [...model.globalArgs, ...model.stages.flatMap((s) => s.instructions)];

  it("splits each RUN's script into shell commands, and nothing else", () => {
    for (const i of instructions) {
      assert.deepEqual(i.commands, i.script === "" ? [] : splitShell(i.script), `line ${i.line}`);
    }
    const runs = instructions.filter((i) => i.keyword === "RUN");
    assert.deepEqual(
      runs.map((i) => i.commands.map((c) => c.program)),
      [["apt-get", "apt-get", "rm"], ["apk"], ["python3"], ["<<EOF", "echo"]],
    );
  });

  it("reads each command's package install, through python -m pip", () => {
    const installs = instructions
      .flatMap((i) => i.commands)
      .map((c) => (c.install ? [c.install.manager, c.install.program, c.install.packages] : null));
    assert.deepEqual(installs, [
      null,
      ["apt", "apt-get", ["git"]],
      null,
      ["apk", "apk", ["curl"]],
      ["pip", "pip", ["requests"]],
      null,
      null,
    ]);
    for (const c of instructions.flatMap((i) => i.commands)) {
      assert.deepEqual(c.install, readInstall(c.program, c.args));
    }
  });

  it("parses every written image once, keeping the error of one that is not a reference", () => {
    const images = instructions.flatMap((i) => (i.source?.kind === "image" ? [i.source] : []));
    assert.deepEqual(
      images.map((i) => i.reference),
      [
        "golang:1.23@sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945",
        "alpine:3.20",
        "python:3.12-slim",
        "Not-An-Image::",
      ],
    );
    for (const image of images.slice(0, 3)) {
      assert.deepEqual(image.parsed, parseImageReference(image.reference));
    }
    assert.ok(images[3].parsed instanceof Error);
  });

  it("keeps the final chain, its instructions and the built instructions", () => {
    assert.deepEqual(
      model.finalChain.map((s) => s.name),
      stageChain(model, model.target).map((s) => s.name),
    );
    assert.deepEqual(
      model.finalChain.map((s) => s.name),
      ["base", "runtime"],
    );
    assert.deepEqual(
      model.finalInstructions,
      model.finalChain.flatMap((s) => s.instructions),
    );
    assert.deepEqual(model.builtInstructions, [
      ...model.globalArgs,
      ...builtStages(model).flatMap((s) => s.instructions),
    ]);
    assert.ok(!model.builtInstructions.some((i) => i.stage === 1), "the unused stage is not built");
  });
});
