import { stringify } from "yaml";
import { WORKLOAD_KINDS, WORKLOAD_SHAPES } from "../rules/kubernetes/workload-kinds";
import { WORKLOAD_API_VERSIONS } from "../dev/workload-api-versions";

const IMAGES = [
  "registry.example.com/team/app:1.4.2@sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945",
  "nginx:latest",
  "ghcr.io/acme/api:2.0",
  "busybox",
];

/** Kinds whose pods run to completion: a readiness probe means nothing for them. */
const RUN_TO_COMPLETION: ReadonlySet<string> = new Set(["Job", "CronJob"]);

/**
 * The problems the generator plants in a workload, each with the project's rule ids that report it
 * (one of them is enough). Peers' ids come from each rule's references in the catalog.
 */
export const WORKLOAD_PROBLEMS = {
  privileged: ["privileged"],
  "capability-added": ["dangerous-capabilities", "capabilities-baseline"],
  "capabilities-not-dropped": ["capabilities-restricted", "drop-net-raw"],
  "privilege-escalation-allowed": ["allow-privilege-escalation"],
  "writable-root-filesystem": ["read-only-root-filesystem"],
  "may-run-as-root": ["run-as-non-root"],
  "no-run-as-group": ["run-as-group"],
  "no-seccomp-profile": ["seccomp-restricted", "seccomp-baseline"],
  "service-account-token-mounted": ["automount-service-account-token"],
  "default-service-account": ["default-service-account"],
  "unbounded-empty-dir": ["empty-dir-size-limit"],
  "host-network": ["host-namespaces"],
  "host-port": ["host-ports"],
  "image-not-by-digest": ["image-digest", "image-tag"],
  "secret-in-env": ["env-secret-literal"],
  "runtime-socket-mounted": [
    "container-runtime-socket",
    "sensitive-host-path",
    "host-path-volumes",
  ],
  "default-namespace": ["default-namespace"],
  "no-readiness-probe": ["readiness-probe"],
} as const satisfies Record<string, readonly string[]>;

/** A planted workload problem's name. */
export type WorkloadProblem = keyof typeof WORKLOAD_PROBLEMS;

/** A generated workload as one YAML document, and the problems planted in it. */
export interface GeneratedWorkload {
  readonly kind: string;
  readonly text: string;
  readonly planted: readonly WorkloadProblem[];
}

function podSpec(i: number): Record<string, unknown> {
  const hardened = i % 3 === 0;
  const container = (name: string) => ({
    name,
    image: IMAGES[i % IMAGES.length],
    ports: [{ containerPort: 8080 + (i % 5), ...(i % 7 === 0 ? { hostPort: 80 } : {}) }],
    env: [
      { name: "MODE", value: "prod" },
      ...(i % 11 === 0 ? [{ name: "DB_PASSWORD", value: "x" }] : []),
    ],
    securityContext: hardened
      ? {
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ["ALL"] },
          runAsNonRoot: true,
          runAsUser: 65532,
          runAsGroup: 65532,
        }
      : { privileged: i % 2 === 0, capabilities: { add: ["NET_ADMIN"] } },
    resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { memory: "64Mi" } },
    livenessProbe: { httpGet: { path: "/health", port: 8080 } },
  });
  return {
    ...(hardened
      ? { securityContext: { seccompProfile: { type: "RuntimeDefault" } } }
      : { hostNetwork: i % 5 === 0 }),
    automountServiceAccountToken: !hardened,
    initContainers: i % 4 === 0 ? [container("init")] : [],
    containers: [container("app"), container("sidecar")],
    volumes: [
      { name: "tmp", emptyDir: hardened ? { sizeLimit: "64Mi" } : {} },
      ...(i % 6 === 0 ? [{ name: "sock", hostPath: { path: "/var/run/docker.sock" } }] : []),
    ],
  };
}

/** What `podSpec(i)` and the object around it get wrong, by construction. */
function plantedProblems(i: number, kind: string): WorkloadProblem[] {
  const planted: WorkloadProblem[] = ["default-service-account"];
  if (i % 3 !== 0) {
    planted.push(
      "capability-added",
      "capabilities-not-dropped",
      "privilege-escalation-allowed",
      "writable-root-filesystem",
      "may-run-as-root",
      "no-run-as-group",
      "no-seccomp-profile",
      "service-account-token-mounted",
      "unbounded-empty-dir",
    );
    if (i % 2 === 0) planted.push("privileged");
    if (i % 5 === 0) planted.push("host-network");
  }
  if (i % 7 === 0) planted.push("host-port");
  if (i % IMAGES.length !== 0) planted.push("image-not-by-digest");
  if (i % 11 === 0) planted.push("secret-in-env");
  if (i % 6 === 0) planted.push("runtime-socket-mounted");
  if (i % 8 === 0) planted.push("default-namespace");
  if (!RUN_TO_COMPLETION.has(kind)) planted.push("no-readiness-probe");
  return planted.sort();
}

/** `count` workloads of every kind in turn, each one YAML document, with its planted problems. */
export function plantedWorkloads(count: number): GeneratedWorkload[] {
  const workloads: GeneratedWorkload[] = [];
  for (let i = 0; i < count; i++) {
    const kind = WORKLOAD_KINDS[i % WORKLOAD_KINDS.length];
    const shape = WORKLOAD_SHAPES[kind];
    const root: Record<string, unknown> = {
      apiVersion: WORKLOAD_API_VERSIONS[kind] ?? "v1",
      kind,
      metadata: { name: `app-${i}`, namespace: i % 8 === 0 ? "default" : "shop" },
    };
    let node = root;
    shape.spec.slice(0, -1).forEach((s) => {
      node[s] = node[s] ?? {};
      node = node[s] as Record<string, unknown>;
    });
    node[shape.spec[shape.spec.length - 1]] = podSpec(i);
    workloads.push({ kind, text: stringify(root), planted: plantedProblems(i, kind) });
  }
  return workloads;
}

/** A deterministic multi-document YAML corpus of `count` workloads of every kind, some hardened. */
export function workloadCorpus(count: number): string {
  return plantedWorkloads(count)
    .map((w) => w.text)
    .join("---\n");
}
