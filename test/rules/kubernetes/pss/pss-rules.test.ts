import { strict as assert } from "assert";
import { evaluateWorkload } from "../../../../rules/kubernetes/evaluate";
import {
  PSS_BASELINE_RULES,
  PSS_RESTRICTED_RULES,
  PSS_RULES,
} from "../../../../rules/kubernetes/pss";
import { parsePssVersion } from "../../../../rules/kubernetes/pss-version";
import { WORKLOAD_KINDS } from "../../../../rules/kubernetes/workload-kinds";
import { BASELINE_PROFILES, RESTRICTED_PROFILES } from "../../../../rules/profile";
import { hasAnyReference } from "../../../../rules/references";
import { isRuleId } from "../../../../rules/rule";
import { setPath, workloadOf } from "../../../fixtures/workloads";
import { CONTAINERS, VERSIONS, podSpecPath, specWith } from "./pss-test-helpers";

const BASELINE_IDS = [
  "host-namespaces",
  "privileged",
  "capabilities-baseline",
  "host-path-volumes",
  "host-ports",
  "apparmor",
  "selinux",
  "proc-mount",
  "seccomp-baseline",
  "sysctls",
  "windows-host-process",
  "host-probes-lifecycle",
];

const RESTRICTED_IDS = [
  "volume-types",
  "allow-privilege-escalation",
  "run-as-non-root",
  "run-as-user",
  "seccomp-restricted",
  "capabilities-restricted",
  "proc-mount-restricted",
];

/** One field changed in one container, and where the finding must point (relative to it). */
const CONTAINER_MUTATIONS: readonly [ruleId: string, set: string, value: unknown, at?: string][] = [
  ["privileged", "securityContext.privileged", true],
  [
    "capabilities-baseline",
    "securityContext.capabilities.add",
    ["NET_RAW"],
    "securityContext.capabilities.add[0]",
  ],
  ["host-ports", "ports", [{ containerPort: 8080, hostPort: 8080 }], "ports[0].hostPort"],
  [
    "apparmor",
    "securityContext.appArmorProfile",
    { type: "Unconfined" },
    "securityContext.appArmorProfile.type",
  ],
  [
    "selinux",
    "securityContext.seLinuxOptions",
    { type: "spc_t" },
    "securityContext.seLinuxOptions.type",
  ],
  ["proc-mount", "securityContext.procMount", "Unmasked"],
  [
    "seccomp-baseline",
    "securityContext.seccompProfile",
    { type: "Unconfined" },
    "securityContext.seccompProfile.type",
  ],
  [
    "windows-host-process",
    "securityContext.windowsOptions",
    { hostProcess: true },
    "securityContext.windowsOptions.hostProcess",
  ],
  [
    "host-probes-lifecycle",
    "lifecycle",
    { preStop: { httpGet: { host: "10.0.0.1", port: 80 } } },
    "lifecycle.preStop.httpGet.host",
  ],
  ["allow-privilege-escalation", "securityContext.allowPrivilegeEscalation", undefined],
  ["run-as-non-root", "securityContext.runAsNonRoot", false],
  ["run-as-user", "securityContext.runAsUser", 0],
  [
    "seccomp-restricted",
    "securityContext.seccompProfile",
    { type: "Unconfined" },
    "securityContext.seccompProfile.type",
  ],
  [
    "capabilities-restricted",
    "securityContext.capabilities",
    { drop: ["NET_RAW"] },
    "securityContext.capabilities.drop",
  ],
  ["proc-mount-restricted", "securityContext.procMount", "Unmasked"],
];

/** One pod-level field changed, and where the finding must point (relative to the pod spec). */
const POD_MUTATIONS: readonly [ruleId: string, set: string, value: unknown, at?: string][] = [
  ["host-namespaces", "hostNetwork", true],
  ["host-namespaces", "hostPID", true],
  ["host-namespaces", "hostIPC", true],
  [
    "host-path-volumes",
    "volumes[0]",
    { name: "h", hostPath: { path: "/" } },
    "volumes[0].hostPath",
  ],
  [
    "volume-types",
    "volumes[0]",
    { name: "n", nfs: { server: "nfs", path: "/" } },
    "volumes[0].nfs",
  ],
  [
    "apparmor",
    "securityContext.appArmorProfile",
    { type: "Unconfined" },
    "securityContext.appArmorProfile.type",
  ],
  [
    "selinux",
    "securityContext.seLinuxOptions",
    { role: "sysadm_r" },
    "securityContext.seLinuxOptions.role",
  ],
  [
    "seccomp-baseline",
    "securityContext.seccompProfile",
    { type: "Unconfined" },
    "securityContext.seccompProfile.type",
  ],
  [
    "sysctls",
    "securityContext.sysctls",
    [{ name: "kernel.msgmax", value: "65536" }],
    "securityContext.sysctls[0].name",
  ],
  [
    "windows-host-process",
    "securityContext.windowsOptions",
    { hostProcess: true },
    "securityContext.windowsOptions.hostProcess",
  ],
  ["run-as-non-root", "securityContext.runAsNonRoot", false],
  ["run-as-user", "securityContext.runAsUser", 0],
  [
    "seccomp-restricted",
    "securityContext.seccompProfile",
    { type: "Unconfined" },
    "securityContext.seccompProfile.type",
  ],
];

function ruleById(id: string) {
  const rule = PSS_RULES.find((r) => r.id === id);
  assert.ok(rule, `no rule ${id}`);
  return rule;
}

describe("PSS_RULES", () => {
  it("has every baseline control, then every restricted control, with the agreed ids", () => {
    assert.deepEqual(
      PSS_BASELINE_RULES.map((r) => r.id),
      BASELINE_IDS,
    );
    assert.deepEqual(
      PSS_RESTRICTED_RULES.map((r) => r.id),
      RESTRICTED_IDS,
    );
    assert.deepEqual(
      PSS_RULES.map((r) => r.id),
      [...BASELINE_IDS, ...RESTRICTED_IDS],
    );
  });

  for (const [rules, level, profiles] of [
    [PSS_BASELINE_RULES, "baseline", BASELINE_PROFILES],
    [PSS_RESTRICTED_RULES, "restricted", RESTRICTED_PROFILES],
  ] as const) {
    it(`documents every ${level} rule completely`, () => {
      for (const rule of rules) {
        assert.ok(isRuleId(rule.id), rule.id);
        assert.equal(rule.severity, "error", rule.id);
        assert.equal(rule.target, "kubernetes", rule.id);
        assert.deepEqual(rule.profiles, profiles, rule.id);
        assert.equal(rule.references.pss?.level, level, rule.id);
        assert.match(rule.references.pss?.psaCheckId ?? "", /^[a-zA-Z_]+$/, rule.id);
        assert.ok(rule.references.pss?.control, rule.id);
        assert.ok(hasAnyReference(rule.references), rule.id);
        for (const text of [rule.title, rule.description, rule.remediation]) {
          assert.ok(text.length > 10, `${rule.id}: ${text}`);
        }
        assert.ok(rule.checkPod || rule.checkContainer, rule.id);
      }
    });
  }

  it("names each upstream check once", () => {
    const checks = PSS_RULES.map((r) => r.references.pss?.psaCheckId);
    assert.equal(new Set(checks).size, checks.length);
  });

  it("finds nothing in the hardened pod spec, for every kind and version", () => {
    for (const version of VERSIONS) {
      for (const kind of WORKLOAD_KINDS) {
        const findings = evaluateWorkload(workloadOf(kind), {
          rules: PSS_RULES,
          options: { pssVersion: parsePssVersion(version) },
        });
        assert.deepEqual(findings, [], `${kind} at ${version}`);
      }
    }
  });

  it("reads values of the wrong type as unset instead of throwing", () => {
    const junk = {
      hostNetwork: "yes",
      securityContext: "junk",
      volumes: "v",
      containers: [
        null,
        {
          name: "odd",
          securityContext: 5,
          ports: "80",
          lifecycle: "hook",
          livenessProbe: { httpGet: "x" },
        },
      ],
    };
    const findings = evaluateWorkload(workloadOf("Pod", junk), { rules: PSS_RULES });
    assert.deepEqual(
      [...new Set(findings.map((f) => f.ruleId))],
      [
        "allow-privilege-escalation",
        "run-as-non-root",
        "seccomp-restricted",
        "capabilities-restricted",
      ],
    );
    assert.equal(findings.length, 8);
  });

  it("covers every rule with at least one one-field mutation", () => {
    const covered = new Set([...CONTAINER_MUTATIONS, ...POD_MUTATIONS].map(([id]) => id));
    assert.deepEqual(
      PSS_RULES.map((r) => r.id).filter((id) => !covered.has(id)),
      [],
    );
  });

  for (const [id, set, value, at] of CONTAINER_MUTATIONS) {
    it(`${id}: ${set} in one container gives one finding at its path, in every kind and list`, () => {
      const rule = ruleById(id);
      for (const kind of WORKLOAD_KINDS) {
        for (const [list, name] of CONTAINERS) {
          const spec = specWith((s) => setPath(s, `${list}[0].${set}`, value));
          const findings = evaluateWorkload(workloadOf(kind, spec), { rules: [rule] });
          assert.deepEqual(
            findings.map((f) => [f.ruleId, f.path, f.container, f.kind]),
            [[id, `${podSpecPath(kind)}.${list}[0].${at ?? set}`, name, kind]],
            `${kind} ${list}`,
          );
        }
      }
    });
  }

  for (const [id, set, value, at] of POD_MUTATIONS) {
    it(`${id}: pod-level ${set} gives one finding at its path with no container, in every kind`, () => {
      const rule = ruleById(id);
      for (const kind of WORKLOAD_KINDS) {
        const spec = specWith((s) => setPath(s, set, value));
        const findings = evaluateWorkload(workloadOf(kind, spec), { rules: [rule] });
        assert.deepEqual(
          findings.map((f) => [f.ruleId, f.path, f.container, f.kind]),
          [[id, `${podSpecPath(kind)}.${at ?? set}`, null, kind]],
          kind,
        );
      }
    });
  }
});
