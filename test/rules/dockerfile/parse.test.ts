import { strict as assert } from "assert";
import { builtStages, finalChain } from "../../../rules/dockerfile/support/ancestry";
import { parseDockerfile } from "../../../rules/dockerfile/parse";
import { DockerfileSyntaxError } from "../../../rules/dockerfile/syntax-error";
import { BASE, dockerfile } from "./cases";

describe("parseDockerfile", () => {
  it("reads stages, names, FROM ancestry and the final stage", () => {
    const model = parseDockerfile(
      dockerfile(
        `FROM ${BASE} AS Base`,
        "FROM base AS build",
        "FROM scratch AS unused",
        "FROM build AS runtime",
      ),
      { file: "Dockerfile" },
    );
    assert.deepEqual(
      model.stages.map((s) => [s.index, s.name, s.label, s.line, s.base.kind]),
      [
        [0, "base", "stage[0](base)", 1, "image"],
        [1, "build", "stage[1](build)", 2, "stage"],
        [2, "unused", "stage[2](unused)", 3, "scratch"],
        [3, "runtime", "stage[3](runtime)", 4, "stage"],
      ],
    );
    assert.equal(model.target, 3);
    assert.deepEqual(
      finalChain(model).map((s) => s.index),
      [0, 1, 3],
    );
    assert.deepEqual(
      builtStages(model).map((s) => s.index),
      [0, 1, 3],
    );
  });

  it("builds the --target stage and the stages it copies from", () => {
    const model = parseDockerfile(
      dockerfile(
        `FROM ${BASE} AS deps`,
        `FROM ${BASE} AS build`,
        "COPY --from=deps /a /a",
        "FROM build AS test",
        `FROM ${BASE} AS runtime`,
      ),
      { file: "Dockerfile", target: "TEST" },
    );
    assert.equal(model.target, 2);
    assert.deepEqual(
      builtStages(model).map((s) => s.name),
      ["deps", "build", "test"],
    );
  });

  it("resolves global ARG defaults in FROM and stage ARGs and ENV in USER", () => {
    const model = parseDockerfile(
      dockerfile(
        "ARG REGISTRY=ghcr.io/acme",
        "ARG TAG=1.2",
        "FROM ${REGISTRY}/app:${TAG:-latest}",
        "ARG TAG",
        "ENV HOME_UID=10001",
        "USER ${HOME_UID}:${GID:-10001}",
      ),
      { file: "Dockerfile" },
    );
    const from = model.stages[0].base;
    assert.equal(from.kind === "image" && from.reference, "ghcr.io/acme/app:1.2");
    const user = model.stages[0].instructions[3];
    assert.deepEqual([user.keyword, user.expanded, user.unresolved], ["USER", "10001:10001", []]);
  });

  it("joins continuations, drops comment lines inside them, and keeps heredoc bodies", () => {
    const model = parseDockerfile(
      dockerfile(
        `FROM ${BASE}`,
        "RUN apk add \\",
        "    # the runtime",
        "      tini \\",
        "  && true",
        "RUN <<EOF",
        "set -e",
        "echo hi",
        "EOF",
      ),
      { file: "Dockerfile" },
    );
    const [, run, heredoc] = model.stages[0].instructions;
    assert.deepEqual([run.line, run.endLine, run.text], [2, 5, "apk add       tini   && true"]);
    assert.deepEqual(
      [heredoc.line, heredoc.endLine, heredoc.heredocs],
      [6, 9, ["set -e\necho hi"]],
    );
    assert.match(heredoc.script, /echo hi/);
  });

  it("honours the escape and syntax directives", () => {
    const model = parseDockerfile(
      dockerfile(
        "# syntax=docker/dockerfile:1.7",
        "# escape=`",
        `FROM ${BASE}`,
        "RUN echo a `",
        "  b",
      ),
      { file: "Dockerfile" },
    );
    assert.deepEqual(
      [model.escape, model.syntax, model.stages[0].instructions[1].text],
      ["`", "docker/dockerfile:1.7", "echo a   b"],
    );
  });

  const malformed: readonly [string, string, RegExp][] = [
    ["no FROM", dockerfile("ARG A=1"), /^Dockerfile: there is no FROM instruction/],
    [
      "unknown instruction",
      dockerfile(`FROM ${BASE}`, "RUNN true"),
      /^Dockerfile:2: unknown instruction "RUNN"/,
    ],
    [
      "instruction before FROM",
      dockerfile("RUN true", `FROM ${BASE}`),
      /^Dockerfile:1: RUN comes before the first FROM/,
    ],
    [
      "FROM with an ARG without default",
      dockerfile("ARG IMAGE", "FROM $IMAGE"),
      /^Dockerfile:2: FROM \$IMAGE uses \$IMAGE, which has no value/,
    ],
    [
      "FROM with an undeclared variable",
      dockerfile("FROM ${NOPE}:1"),
      /^Dockerfile:1: FROM \$\{NOPE\}:1 uses \$NOPE/,
    ],
    [
      "unknown flag",
      dockerfile(`FROM ${BASE}`, "COPY --form=build /a /a"),
      /^Dockerfile:2: COPY does not accept --form; allowed flags: --from/,
    ],
    [
      "flag without value",
      dockerfile(`FROM ${BASE}`, "COPY --from /a /a"),
      /^Dockerfile:2: COPY --from needs a value/,
    ],
    [
      "missing arguments",
      dockerfile(`FROM ${BASE}`, "USER"),
      /^Dockerfile:2: USER needs at least one argument/,
    ],
    [
      "duplicate stage name",
      dockerfile(`FROM ${BASE} AS a`, `FROM ${BASE} AS A`),
      /^Dockerfile:2: stage name "a" is already used/,
    ],
    [
      "bad FROM shape",
      dockerfile(`FROM ${BASE} build`),
      /^Dockerfile:1: FROM takes an image and an optional "AS <name>", got 2 words$/,
    ],
    [
      "a line that is not an instruction, without echoing it",
      dockerfile(`FROM ${BASE}`, "API_TOKEN=s3cr3t-value"),
      /^Dockerfile:2: the line does not start with an instruction; expected one of [A-Z, ]+$/,
    ],
    [
      "a FROM with a stray token, without echoing it",
      dockerfile(`FROM ${BASE} --password s3cr3t-value`),
      /^Dockerfile:1: FROM takes an image and an optional "AS <name>", got 3 words$/,
    ],
  ];
  for (const [name, text, message] of malformed) {
    it(`rejects ${name} with the file and line`, () => {
      assert.throws(
        () => parseDockerfile(text, { file: "Dockerfile" }),
        (error: unknown) => error instanceof DockerfileSyntaxError && message.test(error.message),
      );
    });
  }

  it("rejects an unknown target, listing the stages", () => {
    assert.throws(
      () =>
        parseDockerfile(dockerfile(`FROM ${BASE} AS build`, `FROM ${BASE} AS runtime`), {
          file: "Dockerfile",
          target: "tset",
        }),
      {
        name: "DockerfileSyntaxError",
        message: 'Dockerfile: target stage "tset" does not exist; stages: build, runtime',
      },
    );
  });
});
