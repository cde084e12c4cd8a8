import { KubernetesObject } from "../../rules/kubernetes/types";
import { setPath } from "../fixtures/workloads";

/** A one-field change to a hardened pod spec (or, with `workload`, to the whole object). */
export interface Mutation {
  /** Changes the pod spec in place. */
  readonly podSpec?: (spec: Record<string, unknown>) => void;
  /** Changes the workload object in place. */
  readonly workload?: (object: Record<string, unknown>) => void;
  /** Policy configuration needed for the rule to report. @default {} */
  readonly config?: Readonly<Record<string, unknown>>;
}

const set =
  (path: string, value: unknown) =>
  (spec: Record<string, unknown>): void =>
    setPath(spec, path, value);

/** For every Kubernetes rule id, a change to a hardened workload that violates it. */
export const VIOLATIONS: Readonly<Record<string, Mutation>> = {
  "field-types": { podSpec: set("containers[0].securityContext.privileged", "yes") },
  "host-namespaces": { podSpec: set("hostPID", true) },
  privileged: { podSpec: set("containers[0].securityContext.privileged", true) },
  "capabilities-baseline": {
    podSpec: set("containers[0].securityContext.capabilities.add", ["SYS_ADMIN"]),
  },
  "host-path-volumes": { podSpec: set("volumes[0]", { name: "tmp", hostPath: { path: "/srv" } }) },
  "host-ports": { podSpec: set("containers[0].ports[0].hostPort", 8080) },
  apparmor: { podSpec: set("securityContext.appArmorProfile", { type: "Unconfined" }) },
  selinux: { podSpec: set("securityContext.seLinuxOptions", { type: "spc_t" }) },
  "proc-mount": { podSpec: set("containers[0].securityContext.procMount", "Unmasked") },
  "seccomp-baseline": { podSpec: set("securityContext.seccompProfile", { type: "Unconfined" }) },
  sysctls: { podSpec: set("securityContext.sysctls", [{ name: "kernel.msgmax", value: "1" }]) },
  "windows-host-process": {
    podSpec: set("containers[0].securityContext.windowsOptions", { hostProcess: true }),
  },
  "host-probes-lifecycle": { podSpec: set("containers[0].livenessProbe.httpGet.host", "10.0.0.1") },
  "volume-types": { podSpec: set("volumes[0]", { name: "tmp", gitRepo: { repository: "x" } }) },
  "allow-privilege-escalation": {
    podSpec: set("containers[0].securityContext.allowPrivilegeEscalation", true),
  },
  "run-as-non-root": { podSpec: set("containers[0].securityContext.runAsNonRoot", false) },
  "run-as-user": { podSpec: set("containers[0].securityContext.runAsUser", 0) },
  "seccomp-restricted": {
    podSpec: set("containers[0].securityContext.seccompProfile", { type: "Unconfined" }),
  },
  "capabilities-restricted": { podSpec: set("containers[0].securityContext.capabilities", {}) },
  "proc-mount-restricted": {
    podSpec: set("containers[0].securityContext.procMount", "Unmasked"),
  },
  "read-only-root-filesystem": {
    podSpec: set("containers[0].securityContext.readOnlyRootFilesystem", false),
  },
  "run-as-group": { podSpec: set("containers[0].securityContext.runAsGroup", 0) },
  "high-uid": { podSpec: set("containers[0].securityContext.runAsUser", 1000) },
  "drop-net-raw": {
    podSpec: set("containers[0].securityContext.capabilities.add", ["NET_RAW"]),
  },
  "container-ssh-port": { podSpec: set("containers[0].ports[0].containerPort", 22) },
  "container-privileged-port": { podSpec: set("containers[0].ports[0].containerPort", 80) },
  "host-path-writable": {
    podSpec: (spec) => {
      setPath(spec, "volumes[0]", { name: "tmp", hostPath: { path: "/srv/data" } });
      setPath(spec, "containers[0].volumeMounts[0]", { name: "tmp", mountPath: "/data" });
    },
  },
  "dangerous-capabilities": {
    podSpec: set("containers[0].securityContext.capabilities.add", ["SYS_ADMIN"]),
  },
  "image-digest": { podSpec: set("containers[0].image", "registry.example.com/team/app:1.4.2") },
  "image-tag": { podSpec: set("containers[0].image", "registry.example.com/team/app:latest") },
  "allowed-registries": { config: { allowedRegistries: ["ghcr.io/acme"] } },
  "automount-service-account-token": { podSpec: set("automountServiceAccountToken", true) },
  "default-service-account": { podSpec: set("serviceAccountName", "default") },
  "resource-requests": { podSpec: set("containers[0].resources", undefined) },
  "memory-limit": { podSpec: set("containers[0].resources.limits", undefined) },
  "liveness-probe": { podSpec: set("containers[0].livenessProbe", undefined) },
  "readiness-probe": { podSpec: set("containers[0].readinessProbe", undefined) },
  "container-runtime-socket": {
    podSpec: set("volumes[1]", { name: "sock", hostPath: { path: "/var/run/docker.sock" } }),
  },
  "sensitive-host-path": {
    podSpec: set("volumes[1]", { name: "etc", hostPath: { path: "/etc" } }),
  },
  "env-secret-literal": {
    podSpec: set("containers[0].env", [{ name: "DB_PASSWORD", value: "hunter2-literal" }]),
  },
  "env-secret-ref": {
    podSpec: set("containers[0].envFrom", [{ secretRef: { name: "api-keys" } }]),
  },
  "empty-dir-size-limit": { podSpec: set("volumes[0]", { name: "tmp", emptyDir: {} }) },
  "default-namespace": { workload: (o) => setPath(o, "metadata.namespace", "default") },
  "bare-pod": { workload: (o) => setPath(o, "metadata.ownerReferences", undefined) },
  "exemption-reason-required": {
    workload: (o) => setPath(o, 'metadata.annotations["hardened.dev/exempt"]', "privileged"),
  },
};

/** Applies `mutation` to `object` (whose pod spec sits at `specPath` segments). */
export function mutate(
  object: KubernetesObject,
  spec: Record<string, unknown>,
  mutation: Mutation,
): void {
  mutation.podSpec?.(spec);
  mutation.workload?.(object as Record<string, unknown>);
}
