import { stringify } from "yaml";
import { WORKLOAD_KINDS, WORKLOAD_SHAPES } from "../rules/kubernetes/workload-kinds";

const IMAGES = [
  "registry.example.com/team/app:1.4.2@sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945",
  "nginx:latest",
  "ghcr.io/acme/api:2.0",
  "busybox",
];

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

/** A deterministic multi-document YAML corpus of `count` workloads of every kind, some hardened. */
export function workloadCorpus(count: number): string {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = WORKLOAD_KINDS[i % WORKLOAD_KINDS.length];
    const shape = WORKLOAD_SHAPES[kind];
    const root: Record<string, unknown> = {
      apiVersion: "v1",
      kind,
      metadata: { name: `app-${i}`, namespace: i % 8 === 0 ? "default" : "shop" },
    };
    let node = root;
    shape.spec.slice(0, -1).forEach((s) => {
      node[s] = node[s] ?? {};
      node = node[s] as Record<string, unknown>;
    });
    node[shape.spec[shape.spec.length - 1]] = podSpec(i);
    docs.push(stringify(root));
  }
  return docs.join("---\n");
}
