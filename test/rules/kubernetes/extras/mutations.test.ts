import { strict as assert } from "assert";
import { Exemption } from "../../../../rules/exemptions/exemption";
import { evaluateWorkload } from "../../../../rules/kubernetes/evaluate";
import { HARDENED_EXTRA_RULES } from "../../../../rules/kubernetes/extras";
import { KubernetesRule } from "../../../../rules/kubernetes/kubernetes-rule";
import { KubernetesRuleOptions } from "../../../../rules/kubernetes/options";
import { ContainerList } from "../../../../rules/kubernetes/pod-context";
import { WORKLOAD_KINDS } from "../../../../rules/kubernetes/workload-kinds";
import { hardenedPodSpec, setPath, workloadOf } from "../../../fixtures/workloads";
import { Found, podPathOf } from "./run";

const DIGEST = "sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945";
const CONTAINER_NAMES: Readonly<Record<ContainerList, string>> = {
  initContainers: "init",
  containers: "app",
  ephemeralContainers: "debug",
};
const ALL_LISTS: readonly ContainerList[] = ["initContainers", "containers", "ephemeralContainers"];
const WITH_RESOURCES: readonly ContainerList[] = ["initContainers", "containers"];
const SERVING_KINDS = WORKLOAD_KINDS.filter((k) => k !== "Job" && k !== "CronJob");

/**
 * One single-field mutation of the hardened fixture that breaks exactly one rule. For a container
 * mutation, `{c}` in `set` keys and in `path` is the container (`containers[0]`); other keys are
 * relative to the pod spec, or to the workload when `workload` is set.
 */
interface Mutation {
  readonly rule: string;
  readonly set: Readonly<Record<string, unknown>>;
  readonly path: string;
  readonly lists?: readonly ContainerList[];
  readonly kinds?: readonly string[];
  readonly workload?: boolean;
  readonly options?: KubernetesRuleOptions;
  /**
   * Rules the mutation cannot help breaking too, exempted as a user who needs it would exempt
   * them (a hostPath volume is what host-path-volumes and volume-types forbid).
   * @default []
   */
  readonly exempt?: readonly string[];
}

const MUTATIONS: readonly Mutation[] = [
  {
    rule: "read-only-root-filesystem",
    set: { "{c}.securityContext.readOnlyRootFilesystem": false },
    path: "{c}.securityContext.readOnlyRootFilesystem",
    lists: ALL_LISTS,
  },
  {
    rule: "run-as-group",
    set: { "{c}.securityContext.runAsGroup": 0 },
    path: "{c}.securityContext.runAsGroup",
    lists: ALL_LISTS,
  },
  {
    rule: "run-as-group",
    set: { "securityContext.runAsGroup": 0 },
    path: "securityContext.runAsGroup",
  },
  {
    rule: "run-as-group",
    set: { "securityContext.fsGroup": 0 },
    path: "securityContext.fsGroup",
  },
  {
    rule: "run-as-group",
    set: { "securityContext.supplementalGroups": [0] },
    path: "securityContext.supplementalGroups[0]",
  },
  {
    rule: "high-uid",
    set: { "{c}.securityContext.runAsUser": 1000 },
    path: "{c}.securityContext.runAsUser",
    lists: ALL_LISTS,
  },
  {
    rule: "high-uid",
    set: { "securityContext.runAsGroup": 999 },
    path: "securityContext.runAsGroup",
  },
  {
    rule: "drop-net-raw",
    set: { "{c}.securityContext.capabilities.drop": ["CHOWN"] },
    path: "{c}.securityContext.capabilities.drop",
    lists: ALL_LISTS,
  },
  {
    rule: "dangerous-capabilities",
    set: { "{c}.securityContext.capabilities.add": ["SYS_ADMIN"] },
    path: "{c}.securityContext.capabilities.add[0]",
    lists: ALL_LISTS,
  },
  {
    rule: "image-digest",
    set: { "{c}.image": "registry.example.com/team/app:1.4.2" },
    path: "{c}.image",
    lists: ALL_LISTS,
  },
  {
    rule: "image-tag",
    set: { "{c}.image": "registry.example.com/team/app:latest" },
    path: "{c}.image",
    lists: ALL_LISTS,
  },
  {
    rule: "allowed-registries",
    set: { "{c}.image": `ghcr.io/team/app:1.4.2@${DIGEST}` },
    path: "{c}.image",
    lists: ALL_LISTS,
    options: { allowedRegistries: ["registry.example.com/team"] },
  },
  {
    rule: "automount-service-account-token",
    set: { automountServiceAccountToken: undefined },
    path: "automountServiceAccountToken",
  },
  {
    rule: "default-service-account",
    set: { serviceAccountName: "default" },
    path: "serviceAccountName",
  },
  {
    rule: "resource-requests",
    set: { "{c}.resources.requests.cpu": undefined },
    path: "{c}.resources.requests.cpu",
    lists: WITH_RESOURCES,
  },
  {
    rule: "resource-requests",
    set: { "{c}.resources.requests.memory": "128MB" },
    path: "{c}.resources.requests.memory",
    lists: WITH_RESOURCES,
  },
  {
    rule: "memory-limit",
    set: { "{c}.resources.limits.memory": undefined },
    path: "{c}.resources.limits.memory",
    lists: WITH_RESOURCES,
  },
  {
    rule: "liveness-probe",
    set: { "{c}.livenessProbe": undefined },
    path: "{c}.livenessProbe",
    lists: ["containers"],
  },
  {
    rule: "readiness-probe",
    set: { "{c}.readinessProbe": undefined },
    path: "{c}.readinessProbe",
    lists: ["containers"],
    kinds: SERVING_KINDS,
  },
  {
    rule: "container-runtime-socket",
    set: { "volumes[1]": { name: "sock", hostPath: { path: "/var/run/docker.sock" } } },
    path: "volumes[1].hostPath.path",
  },
  {
    rule: "sensitive-host-path",
    set: { "volumes[1]": { name: "etc", hostPath: { path: "/etc" } } },
    path: "volumes[1].hostPath.path",
  },
  {
    rule: "host-path-writable",
    set: {
      "volumes[1]": { name: "host", hostPath: { path: "/srv/data" } },
      "{c}.volumeMounts[1]": { name: "host", mountPath: "/data" },
    },
    path: "{c}.volumeMounts[1].readOnly",
    lists: ALL_LISTS,
    exempt: ["host-path-volumes", "volume-types"],
  },
  {
    rule: "container-ssh-port",
    set: { "{c}.ports": [{ containerPort: 22 }] },
    path: "{c}.ports[0].containerPort",
    lists: ALL_LISTS,
  },
  {
    rule: "container-privileged-port",
    set: { "{c}.ports": [{ containerPort: 80 }] },
    path: "{c}.ports[0].containerPort",
    lists: ALL_LISTS,
  },
  {
    rule: "env-secret-literal",
    set: { "{c}.env": [{ name: "DB_PASSWORD", value: "hunter2" }] },
    path: "{c}.env[0].value",
    lists: ALL_LISTS,
  },
  {
    rule: "env-secret-ref",
    set: {
      "{c}.env": [{ name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "pw" } } }],
    },
    path: "{c}.env[0].valueFrom.secretKeyRef",
    lists: ALL_LISTS,
  },
  {
    rule: "empty-dir-size-limit",
    set: { "volumes[0].emptyDir.sizeLimit": undefined },
    path: "volumes[0].emptyDir.sizeLimit",
  },
  {
    rule: "default-namespace",
    set: { "metadata.namespace": "default" },
    path: "metadata.namespace",
    workload: true,
  },
  {
    rule: "bare-pod",
    set: { "metadata.ownerReferences": undefined },
    path: "kind",
    workload: true,
    kinds: ["Pod"],
  },
];

const RULES: ReadonlyMap<string, KubernetesRule> = new Map(
  HARDENED_EXTRA_RULES.map((r) => [r.id, r]),
);

interface Case {
  readonly title: string;
  readonly rule: KubernetesRule;
  readonly kind: string;
  readonly workload: Record<string, unknown>;
  readonly expected: Found;
  readonly options?: KubernetesRuleOptions;
  readonly exempt: readonly string[];
}

function casesOf(m: Mutation): Case[] {
  const rule = RULES.get(m.rule);
  if (!rule) {
    throw new Error(`no hardened extra rule "${m.rule}"`);
  }
  const out: Case[] = [];
  for (const kind of m.kinds ?? WORKLOAD_KINDS) {
    for (const list of m.lists ?? [undefined]) {
      const c = list === undefined ? "" : `${list}[0]`;
      const spec = hardenedPodSpec();
      const workload = workloadOf(kind, spec) as Record<string, unknown>;
      for (const [key, value] of Object.entries(m.set)) {
        setPath(m.workload ? workload : spec, key.replace("{c}", c), value);
      }
      const relative = m.path.replace("{c}", c);
      out.push({
        title: `${m.rule}: ${Object.keys(m.set)[0].replace("{c}", c)} in a ${kind}`,
        rule,
        kind,
        workload,
        expected: [
          m.rule,
          m.workload ? relative : `${podPathOf(kind)}.${relative}`,
          list === undefined ? null : CONTAINER_NAMES[list],
        ],
        options: m.options,
        exempt: m.exempt ?? [],
      });
    }
  }
  return out;
}

function unexempted(c: Case, exemptions: readonly Exemption[] = []): Found[] {
  return evaluateWorkload(c.workload, { options: c.options, exemptions })
    .filter((f) => !f.exempted)
    .map((f) => [f.ruleId, f.path, f.container]);
}

describe("hardened extras: one-field mutations of the hardened fixture", () => {
  for (const mutation of MUTATIONS) {
    const cases = casesOf(mutation);
    const rule = cases[0].rule;
    const coveredBy = rule.coveredBy ?? [];
    it(`${cases[0].title} and ${cases.length - 1} more yield exactly one ${rule.id} finding`, () => {
      for (const c of cases) {
        const exemptions = [...coveredBy, ...c.exempt].map((ruleId) => ({
          ruleId,
          reason: "test",
        }));
        assert.deepEqual(unexempted(c, exemptions), [c.expected], c.title);
      }
    });
    const covers = rule.covers ?? [];
    if (covers.length > 0) {
      it(`${cases[0].title}: once exempted, gives way to ${covers.join(" or ")}`, () => {
        for (const c of cases) {
          const found = unexempted(c, [{ ruleId: rule.id, reason: "test" }]);
          assert.ok(found.length >= 1, c.title);
          assert.ok(
            found.every(([id, path]) => covers.includes(id) && c.expected[1].startsWith(path)),
            `${c.title}: ${JSON.stringify(found)}`,
          );
        }
      });
    }
    if (coveredBy.length > 0) {
      it(`${cases[0].title}: reported once, by ${rule.id} or by a rule that covers it`, () => {
        for (const c of cases) {
          const found = unexempted(c);
          const covering = found.filter(([id]) => coveredBy.includes(id));
          assert.deepEqual(
            found.filter(([id]) => id === rule.id),
            covering.length === 0 ? [c.expected] : [],
            c.title,
          );
          assert.ok(found.length >= 1, c.title);
        }
      });
    }
  }

  it("covers every hardened extra rule", () => {
    assert.deepEqual(
      [...new Set(MUTATIONS.map((m) => m.rule))].sort(),
      HARDENED_EXTRA_RULES.map((r) => r.id).sort(),
    );
  });
});
