import { strict as assert } from "assert";
import { evaluateWorkload } from "../../../../rules/kubernetes/evaluate";
import { PSS_RULES } from "../../../../rules/kubernetes/pss";
import { parsePssVersion } from "../../../../rules/kubernetes/pss-version";
import { Profile } from "../../../../rules/profile";
import { setPath, workloadOf } from "../../../fixtures/workloads";
import { specWith } from "./pss-test-helpers";

/** Where upstream's restricted level runs a restricted check instead of a baseline one. */
const OVERRIDES: [
  name: string,
  mutate: (spec: Record<string, unknown>) => void,
  baseline: string,
  restricted: string,
  path: string,
][] = [
  [
    "a hostPath volume",
    (s) => (s.volumes = [{ name: "h", hostPath: { path: "/" } }]),
    "host-path-volumes",
    "volume-types",
    "spec.volumes[0].hostPath",
  ],
  [
    "an added NET_RAW",
    (s) => setPath(s, "containers[0].securityContext.capabilities.add", ["NET_RAW"]),
    "capabilities-baseline",
    "capabilities-restricted",
    "spec.containers[0].securityContext.capabilities.add[0]",
  ],
  [
    "an Unconfined pod seccomp profile",
    (s) => setPath(s, "securityContext.seccompProfile", { type: "Unconfined" }),
    "seccomp-baseline",
    "seccomp-restricted",
    "spec.securityContext.seccompProfile.type",
  ],
  [
    "an Unmasked /proc",
    (s) => setPath(s, "containers[0].securityContext.procMount", "Unmasked"),
    "proc-mount",
    "proc-mount-restricted",
    "spec.containers[0].securityContext.procMount",
  ],
];

function ruleIds(spec: Record<string, unknown>, profile: Profile, version = "latest"): string[][] {
  return evaluateWorkload(workloadOf("Pod", spec), {
    profile,
    rules: PSS_RULES,
    options: { pssVersion: parsePssVersion(version) },
  }).map((f) => [f.ruleId, f.path]);
}

describe("baseline checks that the restricted level overrides", () => {
  for (const [name, mutate, baseline, restricted, path] of OVERRIDES) {
    it(`${name}: reported by ${baseline} at baseline, by ${restricted} alone at restricted`, () => {
      const spec = specWith(mutate);
      assert.deepEqual(ruleIds(spec, "baseline"), [[baseline, path]]);
      assert.deepEqual(ruleIds(spec, "restricted"), [[restricted, path]]);
      assert.deepEqual(ruleIds(spec, "hardened"), [[restricted, path]]);
    });
  }

  it("keeps proc-mount's finding before v1.35, where proc-mount-restricted does not exist", () => {
    const spec = specWith((s) => setPath(s, "containers[0].securityContext.procMount", "Unmasked"));
    assert.deepEqual(ruleIds(spec, "restricted", "v1.34"), [
      ["proc-mount", "spec.containers[0].securityContext.procMount"],
    ]);
  });

  for (const version of ["v1.25", "latest"]) {
    it(`a Windows pod at ${version}: the overridden baseline checks do not run at restricted, as upstream skips them with the exempt restricted check`, () => {
      const spec = specWith((s) => {
        s.os = { name: "windows" };
        setPath(s, "securityContext.seccompProfile", { type: "Unconfined" });
        setPath(s, "containers[0].securityContext.capabilities.add", ["SYS_ADMIN"]);
      });
      assert.deepEqual(ruleIds(spec, "baseline", version), [
        ["capabilities-baseline", "spec.containers[0].securityContext.capabilities.add[0]"],
        ["seccomp-baseline", "spec.securityContext.seccompProfile.type"],
      ]);
      assert.deepEqual(ruleIds(spec, "restricted", version), []);
    });
  }

  it("keeps the baseline finding when the restricted finding is exempted", () => {
    const spec = specWith((s) => (s.volumes = [{ name: "h", hostPath: { path: "/" } }]));
    const findings = evaluateWorkload(workloadOf("Pod", spec), {
      profile: "restricted",
      rules: PSS_RULES,
      exemptions: [{ ruleId: "volume-types", reason: "node agent" }],
    });
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.exempted ?? false]),
      [
        ["host-path-volumes", false],
        ["volume-types", true],
      ],
    );
  });
});
