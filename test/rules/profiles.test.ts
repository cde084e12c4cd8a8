import { strict as assert } from "assert";
import { CATALOG } from "../../rules/catalog";
import { lintDockerfile } from "../../rules/dockerfile/lint";
import { Profile } from "../../rules/profile";
import { RuleTarget } from "../../rules/rule";

/**
 * The rules outside Kubernetes that belong to `baseline` and `restricted`, by target, in catalog
 * order (docs/profiles.md gives the reasons). Kubernetes membership is the Pod Security
 * Standards' own, asserted in catalog.test.ts. Every other rule of these targets is `hardened`
 * only.
 */
const MEMBERS: Readonly<
  Record<Exclude<Profile, "hardened">, Partial<Record<RuleTarget, string[]>>>
> = {
  baseline: {
    dockerfile: ["dockerfile-final-user", "dockerfile-pragma-reason-required"],
    image: ["image-user-non-root", "image-runtime-non-root"],
    "docker-resource": [
      "docker-privileged",
      "docker-non-root-user",
      "docker-host-namespaces",
      "docker-socket-mount",
    ],
  },
  restricted: {
    dockerfile: [
      "dockerfile-final-user",
      "dockerfile-user-numeric",
      "dockerfile-no-sudo",
      "dockerfile-pragma-reason-required",
    ],
    image: [
      "image-user-non-root",
      "image-user-numeric",
      "image-setuid-files",
      "image-runtime-non-root",
    ],
    "docker-resource": [
      "docker-privileged",
      "docker-non-root-user",
      "docker-host-namespaces",
      "docker-socket-mount",
    ],
  },
};

const TARGETS: readonly RuleTarget[] = ["dockerfile", "image", "docker-resource", "stack"];

describe("profiles outside Kubernetes", () => {
  for (const [profile, byTarget] of Object.entries(MEMBERS)) {
    for (const target of TARGETS) {
      it(`${profile} has exactly its ${target} rules`, () => {
        assert.deepEqual(
          CATALOG.filter((r) => r.target === target && r.profiles.includes(profile as Profile)).map(
            (r) => r.id,
          ),
          byTarget[target as RuleTarget] ?? [],
        );
      });
    }
  }

  it("keep every profile a superset of the one before it", () => {
    for (const rule of CATALOG) {
      const from = ["baseline", "restricted", "hardened"].indexOf(rule.profiles[0]);
      assert.deepEqual(
        rule.profiles,
        (["baseline", "restricted", "hardened"] as const).slice(from),
        rule.id,
      );
    }
  });

  const ROOT_UBUNTU = "FROM ubuntu\n";
  const SUDO_NAMED_USER = "FROM ubuntu\nUSER app\nRUN sudo true\n";
  const cases: readonly [Profile, string, string[]][] = [
    ["baseline", ROOT_UBUNTU, ["dockerfile-final-user@1"]],
    ["restricted", ROOT_UBUNTU, ["dockerfile-final-user@1"]],
    [
      "hardened",
      ROOT_UBUNTU,
      [
        "dockerfile-base-digest@1",
        "dockerfile-base-tag@1",
        "dockerfile-final-user@1",
        "dockerfile-healthcheck@1",
      ],
    ],
    ["baseline", SUDO_NAMED_USER, []],
    ["restricted", SUDO_NAMED_USER, ["dockerfile-user-numeric@2", "dockerfile-no-sudo@3"]],
  ];
  for (const [profile, text, expected] of cases) {
    it(`lint --profile ${profile} of ${JSON.stringify(text)} reports ${expected.join(", ") || "nothing"}`, () => {
      assert.deepEqual(
        lintDockerfile(text, { file: "Dockerfile", profile }).map((f) => `${f.ruleId}@${f.line}`),
        expected,
      );
    });
  }
});
