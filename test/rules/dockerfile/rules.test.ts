import { strict as assert } from "assert";
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { lintDockerfile } from "../../../rules/dockerfile/lint";
import { DOCKERFILE_RULES } from "../../../rules/dockerfile/rules";
import { hasAnyReference } from "../../../rules/references";
import { BASE_IMAGE_CASES } from "./base-images.cases";
import { HYGIENE_CASES } from "./hygiene.cases";
import { PACKAGE_CASES } from "./packages.cases";
import { RUNTIME_CASES } from "./runtime.cases";
import { SECRET_CASES } from "./secrets.cases";
import { TRANSPORT_CASES } from "./transport.cases";
import { USER_CASES } from "./user.cases";
import { RuleCase } from "./cases";

const CASES: readonly RuleCase[] = [
  ...BASE_IMAGE_CASES,
  ...USER_CASES,
  ...RUNTIME_CASES,
  ...SECRET_CASES,
  ...TRANSPORT_CASES,
  ...PACKAGE_CASES,
  ...HYGIENE_CASES,
];

const PRESETS = join(__dirname, "..", "..", "fixtures", "dockerfiles");

describe("Dockerfile rules", () => {
  for (const c of CASES) {
    it(`${c.rule}: ${c.name}`, () => {
      const findings = lintDockerfile(c.dockerfile, {
        file: "Dockerfile",
        ...(c.target !== undefined ? { target: c.target } : {}),
        ...(c.dockerignore !== undefined ? { dockerignore: c.dockerignore } : {}),
        ...(c.allowedRegistries !== undefined ? { allowedRegistries: c.allowedRegistries } : {}),
      });
      assert.deepEqual(
        findings.filter((f) => f.ruleId === c.rule).map((f) => [f.line, f.path]),
        c.expect,
      );
    });
  }

  it("has a table case for every rule that checks a Dockerfile", () => {
    const tested = new Set(CASES.map((c) => c.rule));
    const untested = DOCKERFILE_RULES.filter(
      (r) => r.id !== "dockerfile-pragma-reason-required" && !tested.has(r.id),
    );
    assert.deepEqual(
      untested.map((r) => r.id),
      [],
    );
  });

  it("gives every rule complete metadata", () => {
    for (const rule of DOCKERFILE_RULES) {
      assert.match(rule.id, /^dockerfile(-[a-z0-9]+)+$/);
      assert.equal(rule.target, "dockerfile");
      assert.ok(rule.profiles.includes("hardened"), rule.id);
      assert.ok(hasAnyReference(rule.references), rule.id);
      assert.ok(rule.title && rule.description && rule.remediation, rule.id);
    }
    assert.equal(new Set(DOCKERFILE_RULES.map((r) => r.id)).size, DOCKERFILE_RULES.length);
  });

  it("never prints a secret value", () => {
    const token = `ghp_${"Z".repeat(36)}`;
    const findings = lintDockerfile(
      `FROM scratch\nENV DEPLOY_TOKEN=${token} DB_PASSWORD=hunter2\n`,
      { file: "Dockerfile" },
    );
    assert.ok(findings.length > 0);
    for (const f of findings) {
      assert.ok(!f.message.includes(token) && !f.message.includes("hunter2"), f.message);
    }
  });

  for (const file of readdirSync(PRESETS).filter((f) => f.endsWith(".Dockerfile"))) {
    it(`finds nothing in the hardened preset ${file}`, () => {
      const text = readFileSync(join(PRESETS, file), "utf8");
      assert.deepEqual(lintDockerfile(text, { file }), []);
    });
  }

  it("reports file, line, stage, path and no container", () => {
    const [finding] = lintDockerfile(
      "FROM alpine:3.20@sha256:" +
        "a".repeat(64) +
        ' AS runtime\nUSER 10001\nWORKDIR app\nHEALTHCHECK CMD ["true"]\n',
      { file: "svc/Dockerfile" },
    );
    assert.deepEqual(finding, {
      ruleId: "dockerfile-workdir-absolute",
      severity: "warning",
      message: "WORKDIR app is relative; expected an absolute path such as /app",
      path: "stage[0](runtime).WORKDIR",
      container: null,
      file: "svc/Dockerfile",
      line: 3,
      stage: "runtime",
    });
  });
});
