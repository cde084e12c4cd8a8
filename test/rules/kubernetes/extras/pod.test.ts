import { strict as assert } from "assert";
import { automountServiceAccountToken } from "../../../../rules/kubernetes/extras/automount-service-account-token";
import { barePod } from "../../../../rules/kubernetes/extras/bare-pod";
import { containerRuntimeSocket } from "../../../../rules/kubernetes/extras/container-runtime-socket";
import { defaultNamespace } from "../../../../rules/kubernetes/extras/default-namespace";
import { defaultServiceAccount } from "../../../../rules/kubernetes/extras/default-service-account";
import { emptyDirSizeLimit } from "../../../../rules/kubernetes/extras/empty-dir-size-limit";
import { normalizeHostPath } from "../../../../rules/kubernetes/extras/support/host-paths";
import { sensitiveHostPath } from "../../../../rules/kubernetes/extras/sensitive-host-path";
import { hardenedPodSpec, setPath, workloadOf } from "../../../fixtures/workloads";
import { messagesOf, podWith, runRule } from "./run";

describe("automount-service-account-token", () => {
  const cases: readonly [value: unknown, passes: boolean][] = [
    [false, true],
    [true, false],
    [undefined, false],
    ["false", false],
  ];
  for (const [value, passes] of cases) {
    it(`${JSON.stringify(value)}: ${passes ? "passes" : "reported"}`, () => {
      assert.deepEqual(
        runRule(automountServiceAccountToken, podWith({ automountServiceAccountToken: value })),
        passes
          ? []
          : [["automount-service-account-token", "spec.automountServiceAccountToken", null]],
      );
    });
  }
});

describe("default-service-account", () => {
  const cases: readonly [name: unknown, legacy: unknown, reportedAt: string | null][] = [
    ["app", undefined, null],
    ["default", undefined, "spec.serviceAccountName"],
    [undefined, undefined, "spec.serviceAccountName"],
    ["", undefined, "spec.serviceAccountName"],
    [undefined, "app", null],
    [undefined, "default", "spec.serviceAccount"],
    ["", "app", null],
    ["default", "app", "spec.serviceAccountName"],
    ["app", "default", null],
  ];
  for (const [name, legacy, reportedAt] of cases) {
    it(`serviceAccountName ${JSON.stringify(name)}, serviceAccount ${JSON.stringify(legacy)}`, () => {
      assert.deepEqual(
        runRule(
          defaultServiceAccount,
          podWith({ serviceAccountName: name, serviceAccount: legacy }),
        ),
        reportedAt === null ? [] : [["default-service-account", reportedAt, null]],
      );
    });
  }
});

describe("default-namespace", () => {
  const cases: readonly [namespace: unknown, passes: boolean][] = [
    ["shop", true],
    ["default", false],
    [undefined, false],
    ["", false],
  ];
  for (const [namespace, passes] of cases) {
    it(`${JSON.stringify(namespace)}: ${passes ? "passes" : "reported"}`, () => {
      const workload = workloadOf("Deployment") as Record<string, unknown>;
      setPath(workload, "metadata.namespace", namespace);
      assert.deepEqual(
        runRule(defaultNamespace, workload),
        passes ? [] : [["default-namespace", "metadata.namespace", null]],
      );
    });
  }
});

describe("bare-pod", () => {
  const cases: readonly [title: string, kind: string, owners: unknown, passes: boolean][] = [
    ["a Pod owned by a ReplicaSet", "Pod", undefined, true],
    ["a Pod with no owner", "Pod", [], false],
    ["a Pod whose owner is not its controller", "Pod", [{ kind: "ConfigMap", name: "x" }], false],
    ["a Deployment", "Deployment", undefined, true],
    ["a PodTemplate", "PodTemplate", undefined, true],
  ];
  for (const [title, kind, owners, passes] of cases) {
    it(title, () => {
      const workload = workloadOf(kind) as Record<string, unknown>;
      if (owners !== undefined) {
        setPath(workload, "metadata.ownerReferences", owners);
      }
      assert.deepEqual(runRule(barePod, workload), passes ? [] : [["bare-pod", "kind", null]]);
    });
  }
});

describe("empty-dir-size-limit", () => {
  const cases: readonly [title: string, volume: unknown, problem: string | null][] = [
    ["64Mi", { name: "v", emptyDir: { sizeLimit: "64Mi" } }, null],
    ["a number of bytes", { name: "v", emptyDir: { sizeLimit: 1048576 } }, null],
    [
      "Memory medium with a limit",
      { name: "v", emptyDir: { medium: "Memory", sizeLimit: "1Gi" } },
      null,
    ],
    ["no sizeLimit", { name: "v", emptyDir: {} }, "has no sizeLimit"],
    ["emptyDir: null", { name: "v", emptyDir: null }, "has no sizeLimit"],
    ["no source at all (defaulted to emptyDir)", { name: "v" }, "has no sizeLimit"],
    ["zero", { name: "v", emptyDir: { sizeLimit: "0" } }, "is not greater than zero"],
    ["64MB", { name: "v", emptyDir: { sizeLimit: "64MB" } }, '"MB" is not a quantity suffix'],
    ["empty text", { name: "v", emptyDir: { sizeLimit: "" } }, "does not start with a number"],
    ["a boolean", { name: "v", emptyDir: { sizeLimit: true } }, "is not a Kubernetes quantity"],
    ["a configMap", { name: "v", configMap: { name: "c" } }, null],
    ["a secret", { name: "v", secret: { secretName: "s" } }, null],
  ];
  for (const [title, volume, problem] of cases) {
    it(`${title}: ${problem ?? "passes"}`, () => {
      const workload = podWith({ "volumes[0]": volume });
      assert.deepEqual(
        runRule(emptyDirSizeLimit, workload),
        problem === null
          ? []
          : [["empty-dir-size-limit", "spec.volumes[0].emptyDir.sizeLimit", null]],
      );
      if (problem !== null) {
        assert.ok(messagesOf(emptyDirSizeLimit, workload)[0].includes(problem));
      }
    });
  }
});

describe("host paths", () => {
  const normalized: readonly [raw: unknown, expected: string | undefined][] = [
    ["/var/run/docker.sock", "/var/run/docker.sock"],
    ["/var/run//docker.sock/", "/var/run/docker.sock"],
    ["/var/./lib/../run/docker.sock", "/var/run/docker.sock"],
    ["/..", "/"],
    ["/", "/"],
    ["relative/path", undefined],
    ["C:\\Windows", undefined],
    [7, undefined],
  ];
  for (const [raw, expected] of normalized) {
    it(`normalizes ${JSON.stringify(raw)} to ${String(expected)}`, () => {
      assert.equal(normalizeHostPath(raw), expected);
    });
  }

  const classified: readonly [path: string, rule: "socket" | "sensitive" | null][] = [
    ["/var/run/docker.sock", "socket"],
    ["/run/docker.sock", "socket"],
    ["/run/containerd/containerd.sock", "socket"],
    ["/var/run/crio/crio.sock", "socket"],
    ["/run/containerd", "socket"],
    ["/var/run", "socket"],
    ["/run/", "socket"],
    ["/opt/custom/docker.sock", "socket"],
    ["/var/run//docker.sock/", "socket"],
    ["/", "sensitive"],
    ["/etc", "sensitive"],
    ["/etc/kubernetes/pki", "sensitive"],
    ["/proc", "sensitive"],
    ["/sys/fs/cgroup", "sensitive"],
    ["/var/lib/kubelet/pods", "sensitive"],
    ["/var/lib/docker", "sensitive"],
    ["/var", "sensitive"],
    ["/var/lib", "sensitive"],
    ["/root/.ssh", "sensitive"],
    ["/home", "sensitive"],
    ["/dev", "sensitive"],
    ["/proc/../etc/shadow", "sensitive"],
    ["/var/log", null],
    ["/var/log/pods", null],
    ["/etcetera", null],
    ["/data/app", null],
    ["/run-data", null],
    ["relative/etc", null],
  ];
  for (const [path, expected] of classified) {
    it(`${path}: ${expected ?? "neither"}`, () => {
      const workload = podWith({ "volumes[1]": { name: "host", hostPath: { path } } });
      const at = "spec.volumes[1].hostPath.path";
      assert.deepEqual(
        runRule(containerRuntimeSocket, workload),
        expected === "socket" ? [["container-runtime-socket", at, null]] : [],
      );
      assert.deepEqual(
        runRule(sensitiveHostPath, workload),
        expected === "sensitive" ? [["sensitive-host-path", at, null]] : [],
      );
    });
  }

  it("says what a sensitive path exposes", () => {
    const spec = hardenedPodSpec();
    setPath(spec, "volumes[1]", { name: "node", hostPath: { path: "/var" } });
    assert.deepEqual(messagesOf(sensitiveHostPath, workloadOf("Pod", spec)), [
      'volume "node" mounts host path "/var", which exposes the node directories /var/lib/kubelet, /var/lib/docker, /var/lib/containerd, /var/lib/etcd; expected no sensitive node directory',
    ]);
  });
});
