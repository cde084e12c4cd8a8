import { strict as assert } from "assert";
import { lintDockerfile } from "../../../rules/dockerfile/lint";
import { BASE, dockerfile } from "./cases";

function summary(text: string) {
  return lintDockerfile(text, { file: "Dockerfile" })
    .filter((f) =>
      ["dockerfile-workdir-absolute", "dockerfile-pragma-reason-required"].includes(f.ruleId),
    )
    .map((f) => [f.ruleId, f.line, f.path, f.exempted === true, f.exemptionReason]);
}

describe("inline pragmas", () => {
  it("exempts the next instruction, keeping the finding with its reason", () => {
    assert.deepEqual(
      summary(
        dockerfile(
          `FROM ${BASE}`,
          '# hardened ignore=dockerfile-workdir-absolute reason="set by the base image"',
          "WORKDIR app",
          "WORKDIR lib",
        ),
      ),
      [
        ["dockerfile-workdir-absolute", 3, "stage[0].WORKDIR", true, "set by the base image"],
        ["dockerfile-workdir-absolute", 4, "stage[0].WORKDIR", false, undefined],
      ],
    );
  });

  it("exempts a whole stage with ignore-stage placed before its FROM", () => {
    assert.deepEqual(
      summary(
        dockerfile(
          `FROM ${BASE} AS build`,
          "WORKDIR src",
          "# hardened ignore-stage=dockerfile-workdir-absolute reason='legacy layout'",
          `FROM ${BASE}`,
          "COPY --from=build /a /a",
          "WORKDIR app",
          "WORKDIR lib",
        ),
      ),
      [
        ["dockerfile-workdir-absolute", 2, "stage[0](build).WORKDIR", false, undefined],
        ["dockerfile-workdir-absolute", 6, "stage[1].WORKDIR", true, "legacy layout"],
        ["dockerfile-workdir-absolute", 7, "stage[1].WORKDIR", true, "legacy layout"],
      ],
    );
  });

  it("exempts the whole file with ignore-file", () => {
    assert.deepEqual(
      summary(
        dockerfile(
          "# hardened ignore-file=dockerfile-workdir-absolute reason=vendored",
          `FROM ${BASE}`,
          "WORKDIR app",
        ),
      ),
      [["dockerfile-workdir-absolute", 3, "stage[0].WORKDIR", true, "vendored"]],
    );
  });

  const invalid: readonly [string, string][] = [
    ["without a reason", "# hardened ignore=dockerfile-workdir-absolute"],
    ["with an empty reason", '# hardened ignore=dockerfile-workdir-absolute reason=""'],
    ["naming an unknown rule", '# hardened ignore=dockerfile-workdir-absolut reason="typo"'],
    ["naming a Kubernetes rule", '# hardened ignore=privileged reason="wrong file"'],
    ["that is malformed", '# hardened ignore dockerfile-workdir-absolute reason="x"'],
  ];
  for (const [name, pragma] of invalid) {
    it(`reports a pragma ${name} and does not honour it`, () => {
      assert.deepEqual(summary(dockerfile(`FROM ${BASE}`, pragma, "WORKDIR app")), [
        ["dockerfile-pragma-reason-required", 2, "stage[0].comment", false, undefined],
        ["dockerfile-workdir-absolute", 3, "stage[0].WORKDIR", false, undefined],
      ]);
    });
  }

  it("reports a pragma that covers nothing", () => {
    assert.deepEqual(
      summary(
        dockerfile(
          `FROM ${BASE}`,
          "WORKDIR /app",
          '# hardened ignore=dockerfile-workdir-absolute reason="x"',
        ),
      ),
      [["dockerfile-pragma-reason-required", 3, "global.comment", false, undefined]],
    );
  });

  it("ignores comments that merely mention hardened", () => {
    assert.deepEqual(
      summary(dockerfile("# hardened image for the api", `FROM ${BASE}`, "WORKDIR /app")),
      [],
    );
  });
});
