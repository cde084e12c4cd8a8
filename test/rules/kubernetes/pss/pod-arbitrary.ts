import * as fc from "fast-check";

/*
 * Random pods over every field the Pod Security Standards read, at pod and container level and in
 * the three container lists, with values on both sides of each control (and a few an API server
 * would reject, which admission still sees). Absent keys are left out rather than set to null, as
 * a manifest would leave them out.
 */

type Json = Record<string, unknown>;

/** Optional keys: each one is present or absent at random. */
function someOf<T extends Json>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> {
  return fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<T>;
}

const profile = (types: readonly string[]) =>
  someOf({
    type: fc.constantFrom(...types),
    localhostProfile: fc.constantFrom("profiles/audit.json", ""),
  });

const seLinuxOptions = someOf({
  type: fc.constantFrom(
    "",
    "container_t",
    "container_init_t",
    "container_kvm_t",
    "container_engine_t",
    "spc_t",
  ),
  user: fc.constantFrom("", "system_u"),
  role: fc.constantFrom("", "system_r"),
  level: fc.constantFrom("", "s0:c123,c456"),
});

const windowsOptions = someOf({ hostProcess: fc.boolean() });

/** Fields shared by pod and container securityContexts. */
const common = {
  runAsNonRoot: fc.boolean(),
  runAsUser: fc.constantFrom(0, 1000, 65534),
  seccompProfile: profile(["RuntimeDefault", "Localhost", "Unconfined"]),
  appArmorProfile: profile(["RuntimeDefault", "Localhost", "Unconfined"]),
  seLinuxOptions,
  windowsOptions,
};

const CAPABILITIES = [
  "NET_BIND_SERVICE",
  "CHOWN",
  "KILL",
  "AUDIT_WRITE",
  "NET_RAW",
  "SYS_ADMIN",
  "ALL",
  "net_bind_service",
  "CAP_NET_BIND_SERVICE",
];

const containerSecurityContext = someOf({
  ...common,
  privileged: fc.boolean(),
  allowPrivilegeEscalation: fc.boolean(),
  procMount: fc.constantFrom("Default", "Unmasked"),
  capabilities: someOf({
    add: fc.subarray(CAPABILITIES, { maxLength: 3 }),
    drop: fc.subarray(["ALL", "all", "NET_RAW", "CAP_ALL"], { maxLength: 2 }),
  }),
});

const host = fc.constantFrom("", "10.0.0.1");

const handler = fc.oneof(
  fc.record({ httpGet: someOf({ port: fc.constant(8080), host }) }),
  fc.record({ tcpSocket: someOf({ port: fc.constant(8080), host }) }),
  fc.record({ exec: fc.constant({ command: ["true"] }) }),
);

const container = someOf({
  image: fc.constant("registry.example/app:1"),
  securityContext: containerSecurityContext,
  ports: fc.array(
    someOf({ containerPort: fc.constant(8080), hostPort: fc.constantFrom(0, 8080) }),
    {
      maxLength: 2,
    },
  ),
  livenessProbe: handler,
  readinessProbe: handler,
  startupProbe: handler,
  lifecycle: someOf({ postStart: handler, preStop: handler }),
});

/** Every sysctl some version allows, and two none does. */
const SYSCTLS = [
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.ip_local_reserved_ports",
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes",
  "net.ipv4.tcp_rmem",
  "net.ipv4.tcp_wmem",
  "net.ipv4.tcp_slow_start_after_idle",
  "net.ipv4.tcp_notsent_lowat",
  "kernel.msgmax",
  "net.core.somaxconn",
];

/**
 * One volume source of each kind the restricted Volume Types control allows, and some it does not.
 * No volume without a source: the API server defaults it to emptyDir before admission sees it
 * (docs/peer-differences.md).
 */
const VOLUME_SOURCES: readonly Json[] = [
  { emptyDir: {} },
  { configMap: { name: "config" } },
  { secret: { secretName: "secret" } },
  { projected: { sources: [] } },
  { downwardAPI: {} },
  { persistentVolumeClaim: { claimName: "data" } },
  { csi: { driver: "csi.example" } },
  { ephemeral: { volumeClaimTemplate: { spec: {} } } },
  { image: { reference: "registry.example/data:1" } },
  { hostPath: { path: "/var/log" } },
  { nfs: { server: "nfs.example", path: "/" } },
  { gitRepo: { repository: "https://git.example/r.git" } },
  { iscsi: { targetPortal: "10.0.0.2:3260", iqn: "iqn.x", lun: 0 } },
  { rbd: { monitors: ["10.0.0.3"], image: "img" } },
];

const podSecurityContext = someOf({
  ...common,
  sysctls: fc
    .subarray(SYSCTLS, { maxLength: 2 })
    .map((names) => names.map((name) => ({ name, value: "1" }))),
});

const podSpec = someOf({
  hostNetwork: fc.boolean(),
  hostPID: fc.boolean(),
  hostIPC: fc.boolean(),
  hostUsers: fc.boolean(),
  os: fc.record({ name: fc.constantFrom("linux", "windows") }),
  securityContext: podSecurityContext,
  volumes: fc
    .subarray([...VOLUME_SOURCES.keys()], { maxLength: 2 })
    .map((indexes) => indexes.map((i) => ({ name: `v${i}`, ...VOLUME_SOURCES[i] }))),
  initContainers: fc.array(container, { maxLength: 1 }),
  containers: fc.array(container, { minLength: 1, maxLength: 2 }),
  ephemeralContainers: fc.array(container, { maxLength: 1 }),
});

const APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";

/** Names every container after its list and index (`c0`, `i0`, `e0`), unique in the pod. */
function named(spec: Json): Json {
  const lists: readonly (readonly [string, string])[] = [
    ["initContainers", "i"],
    ["containers", "c"],
    ["ephemeralContainers", "e"],
  ];
  const out: Json = { ...spec };
  for (const [list, prefix] of lists) {
    const containers = spec[list] as Json[] | undefined;
    if (containers !== undefined) {
      out[list] = containers.map((c, i) => ({ name: `${prefix}${i}`, ...c }));
    }
  }
  return out;
}

/** A Pod object, ready for JSON, with AppArmor annotations on some of its containers. */
export const podArbitrary: fc.Arbitrary<Json> = fc
  .tuple(
    podSpec,
    fc.subarray(["c0", "c1", "i0", "e0"], { maxLength: 2 }),
    fc.constantFrom("runtime/default", "localhost/audit", "unconfined", ""),
  )
  .map(([spec, annotated, value]) => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: "generated",
      namespace: "differential",
      ...(annotated.length > 0
        ? {
            annotations: Object.fromEntries(
              annotated.map((c) => [`${APPARMOR_ANNOTATION}${c}`, value]),
            ),
          }
        : {}),
    },
    spec: named(spec),
  }));
