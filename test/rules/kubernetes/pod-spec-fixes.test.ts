import { strict as assert } from "assert";
import { evaluateWorkload } from "../../../rules/kubernetes/evaluate";
import { KubernetesRule } from "../../../rules/kubernetes/kubernetes-rule";
import { fixWorkload } from "../../../rules/kubernetes/pod-spec-fixes";
import { KUBERNETES_RULES } from "../../../rules/kubernetes/rules";
import { WORKLOAD_KINDS } from "../../../rules/kubernetes/workload-kinds";
import { Profile } from "../../../rules/profile";
import { hardenedPodSpec, setPath, workloadOf } from "../../fixtures/workloads";

type Spec = Record<string, unknown>;
type Change = (spec: Spec) => void;

const LISTS = ["initContainers", "containers", "ephemeralContainers"] as const;

/** Sets `value` at `path` of the pod spec (`undefined` deletes). */
const set =
  (path: string, value: unknown): Change =>
  (spec) =>
    setPath(spec, path, value);

/** Sets `value` at `field` of every container's securityContext (`undefined` deletes). */
const inEveryContainer =
  (field: string, value: unknown): Change =>
  (spec) =>
    LISTS.forEach((list) => setPath(spec, `${list}[0].securityContext.${field}`, value));

const all =
  (...changes: Change[]): Change =>
  (spec) =>
    changes.forEach((change) => change(spec));

/**
 * For every rule that carries a fix, the violations its fix is meant to clear: changes to the
 * hardened pod spec that break that rule and no other, in each container list and at pod level
 * where the rule reads the pod. Out of scope by design, and so not here: added capabilities
 * (`capabilities-restricted` keeps them and still reports them).
 */
const VIOLATIONS: Readonly<Record<string, Readonly<Record<string, Change>>>> = {
  "allow-privilege-escalation": {
    "true in a container": set("containers[0].securityContext.allowPrivilegeEscalation", true),
    "unset in an init container": set(
      "initContainers[0].securityContext.allowPrivilegeEscalation",
      undefined,
    ),
    "null in an ephemeral container": set(
      "ephemeralContainers[0].securityContext.allowPrivilegeEscalation",
      null,
    ),
  },
  "capabilities-restricted": {
    "no capabilities in a container": set("containers[0].securityContext.capabilities", undefined),
    "drop without ALL in an init container": set(
      "initContainers[0].securityContext.capabilities.drop",
      ["NET_RAW"],
    ),
    "drop empty in an ephemeral container": set(
      "ephemeralContainers[0].securityContext.capabilities",
      { drop: [] },
    ),
  },
  "run-as-non-root": {
    "false in a container": set("containers[0].securityContext.runAsNonRoot", false),
    "false in an init container": set("initContainers[0].securityContext.runAsNonRoot", false),
    "false in the pod": set("securityContext.runAsNonRoot", false),
    "unset in every container and the pod": all(
      set("securityContext.runAsNonRoot", undefined),
      inEveryContainer("runAsNonRoot", undefined),
    ),
  },
  "seccomp-baseline": {
    "Unconfined in a container": set("containers[0].securityContext.seccompProfile", {
      type: "Unconfined",
    }),
    "Unconfined in the pod": set("securityContext.seccompProfile", { type: "Unconfined" }),
    "Unconfined in an ephemeral container": set(
      "ephemeralContainers[0].securityContext.seccompProfile.type",
      "Unconfined",
    ),
  },
  "seccomp-restricted": {
    "Unconfined in a container": set("containers[0].securityContext.seccompProfile", {
      type: "Unconfined",
    }),
    "Unconfined in an init container": set(
      "initContainers[0].securityContext.seccompProfile.type",
      "Unconfined",
    ),
    "unset in every container and the pod": all(
      set("securityContext.seccompProfile", undefined),
      inEveryContainer("seccompProfile", undefined),
    ),
  },
  "read-only-root-filesystem": {
    "false in a container": set("containers[0].securityContext.readOnlyRootFilesystem", false),
    "unset in an init container": set(
      "initContainers[0].securityContext.readOnlyRootFilesystem",
      undefined,
    ),
    "unset in every container": inEveryContainer("readOnlyRootFilesystem", undefined),
  },
  "automount-service-account-token": {
    true: set("automountServiceAccountToken", true),
    unset: set("automountServiceAccountToken", undefined),
  },
};

const FIXABLE: readonly KubernetesRule[] = KUBERNETES_RULES.filter((r) => r.fix !== undefined);

/** The rule ids of every finding no exemption covers, in `profile`. */
function reported(object: Spec, profile: Profile): string[] {
  return evaluateWorkload(object, { profile })
    .filter((f) => !f.exempted)
    .map((f) => f.ruleId);
}

describe("the fixes the Kubernetes rules carry", () => {
  it("a case table for exactly the rules that carry a fix", () => {
    assert.deepEqual(Object.keys(VIOLATIONS).sort(), FIXABLE.map((r) => r.id).sort());
  });

  it("the hardened fixture is compliant in every profile, so each case breaks only its rule", () => {
    for (const kind of WORKLOAD_KINDS) {
      for (const profile of ["baseline", "restricted", "hardened"] as const) {
        assert.deepEqual(reported(workloadOf(kind), profile), [], `${kind} ${profile}`);
      }
    }
  });

  for (const rule of FIXABLE) {
    const fix = rule.fix;
    assert.ok(fix);
    // The weakest profile with the rule: there, no stricter rule covers its findings.
    const weakest = rule.profiles[0];
    for (const [name, change] of Object.entries(VIOLATIONS[rule.id] ?? {})) {
      it(`${rule.id}, ${name}: the fix clears it on every workload kind`, () => {
        for (const kind of WORKLOAD_KINDS) {
          const spec = hardenedPodSpec();
          change(spec);
          const broken = workloadOf(kind, spec);
          const before = JSON.stringify(broken);
          assert.deepEqual(
            [...new Set(reported(broken, weakest))],
            [rule.id],
            `${kind}: the case breaks ${rule.id} alone in ${weakest}`,
          );
          const fixed = fixWorkload(broken, kind, fix);
          assert.equal(JSON.stringify(broken), before, `${kind}: the input is not changed`);
          assert.ok(fixed, `${kind}: the fix changes the workload`);
          for (const profile of rule.profiles) {
            assert.deepEqual(reported(fixed, profile), [], `${kind} ${profile}: after the fix`);
          }
          assert.equal(fixWorkload(fixed, kind, fix), undefined, `${kind}: nothing left to fix`);
        }
      });
    }
  }
});
