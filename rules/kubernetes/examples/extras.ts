import { EXAMPLE_DIGEST, RuleExample } from "../../example";
import { EXAMPLE_IMAGE, podManifest } from "./pod-manifest";

const securityContext = (...fields: string[]) =>
  podManifest({ container: ["securityContext:", ...fields.map((f) => `  ${f}`)] });

const resources = (...fields: string[]) =>
  podManifest({ container: ["resources:", ...fields.map((f) => `  ${f}`)] });

const hostPathVolume = (path: string) => [
  "volumes:",
  "  - name: host",
  "    hostPath:",
  `      path: ${path}`,
];

const emptyDirVolume = (sizeLimit: string[]) => [
  "volumes:",
  "  - name: cache",
  "    emptyDir:",
  ...sizeLimit.map((line) => `      ${line}`),
];

const probe = (name: string) => [`${name}:`, "  httpGet:", "    path: /health", "    port: 8080"];

const secretFile = {
  container: [
    "env:",
    "  - name: DB_PASSWORD_FILE",
    "    value: /var/run/secrets/db/password",
    "volumeMounts:",
    "  - name: db",
    "    mountPath: /var/run/secrets/db",
    "    readOnly: true",
  ],
  pod: [
    "volumes:",
    "  - name: db",
    "    secret:",
    "      secretName: db",
    "      defaultMode: 0400",
  ],
};

/** The examples of the workload rules beyond the Pod Security Standards, by rule id. */
export const EXTRA_EXAMPLES: Readonly<Record<string, RuleExample>> = {
  "field-types": {
    failing: securityContext('privileged: "false"'),
    passing: securityContext("privileged: false"),
  },
  "read-only-root-filesystem": {
    failing: securityContext("readOnlyRootFilesystem: false"),
    passing: securityContext("readOnlyRootFilesystem: true"),
  },
  "run-as-group": {
    failing: securityContext("runAsGroup: 0"),
    passing: securityContext("runAsGroup: 65532"),
  },
  "high-uid": {
    failing: securityContext("runAsUser: 1000", "runAsGroup: 1000"),
    passing: securityContext("runAsUser: 65532", "runAsGroup: 65532"),
  },
  "drop-net-raw": {
    failing: securityContext("capabilities:", "  add: [NET_RAW]"),
    passing: securityContext("capabilities:", "  drop: [ALL]"),
  },
  "dangerous-capabilities": {
    failing: securityContext("capabilities:", "  add: [SYS_ADMIN]"),
    passing: securityContext("capabilities:", "  drop: [ALL]"),
  },
  "image-digest": {
    failing: podManifest({}),
    passing: podManifest({ image: `${EXAMPLE_IMAGE}@${EXAMPLE_DIGEST}` }),
  },
  "image-tag": {
    failing: podManifest({ image: "ghcr.io/acme/web:latest" }),
    passing: podManifest({}),
  },
  "allowed-registries": {
    failing: podManifest({ image: "docker.io/library/nginx:1.27" }),
    passing: podManifest({}),
    settings: { allowedRegistries: ["ghcr.io/acme"] },
  },
  "automount-service-account-token": {
    failing: podManifest({ pod: ["automountServiceAccountToken: true"] }),
    passing: podManifest({ pod: ["automountServiceAccountToken: false"] }),
  },
  "default-service-account": {
    failing: podManifest({ pod: ["serviceAccountName: default"] }),
    passing: podManifest({ pod: ["serviceAccountName: web"] }),
  },
  "resource-requests": {
    failing: resources("limits:", "  memory: 128Mi"),
    passing: resources("requests:", "  cpu: 100m", "  memory: 128Mi"),
  },
  "memory-limit": {
    failing: resources("requests:", "  cpu: 100m", "  memory: 128Mi"),
    passing: resources("requests:", "  cpu: 100m", "  memory: 128Mi", "limits:", "  memory: 128Mi"),
  },
  "liveness-probe": {
    failing: podManifest({ container: probe("readinessProbe") }),
    passing: podManifest({ container: probe("livenessProbe") }),
  },
  "readiness-probe": {
    failing: podManifest({ container: probe("livenessProbe") }),
    passing: podManifest({ container: probe("readinessProbe") }),
  },
  "container-runtime-socket": {
    failing: podManifest({ pod: hostPathVolume("/var/run/docker.sock") }),
    passing: podManifest({ pod: emptyDirVolume(["sizeLimit: 64Mi"]) }),
  },
  "sensitive-host-path": {
    failing: podManifest({ pod: hostPathVolume("/etc") }),
    passing: podManifest({ pod: emptyDirVolume(["sizeLimit: 64Mi"]) }),
  },
  "host-path-writable": {
    failing: podManifest({
      container: ["volumeMounts:", "  - name: host", "    mountPath: /data"],
      pod: hostPathVolume("/srv/data"),
    }),
    passing: podManifest({
      container: ["volumeMounts:", "  - name: host", "    mountPath: /data", "    readOnly: true"],
      pod: hostPathVolume("/srv/data"),
    }),
  },
  "container-ssh-port": {
    failing: podManifest({ container: ["ports:", "  - containerPort: 22"] }),
    passing: podManifest({ container: ["ports:", "  - containerPort: 8080"] }),
  },
  "container-privileged-port": {
    failing: podManifest({ container: ["ports:", "  - containerPort: 80"] }),
    passing: podManifest({ container: ["ports:", "  - containerPort: 8080"] }),
  },
  "env-secret-literal": {
    failing: podManifest({
      container: ["env:", "  - name: DB_PASSWORD", "    value: hunter2-literal"],
    }),
    passing: podManifest(secretFile),
  },
  "env-secret-ref": {
    failing: podManifest({ container: ["envFrom:", "  - secretRef:", "      name: db"] }),
    passing: podManifest(secretFile),
  },
  "empty-dir-size-limit": {
    failing: podManifest({ pod: emptyDirVolume(["medium: Memory"]) }),
    passing: podManifest({ pod: emptyDirVolume(["medium: Memory", "sizeLimit: 64Mi"]) }),
  },
  "default-namespace": {
    failing: podManifest({ namespace: "default" }),
    passing: podManifest({}),
  },
  "bare-pod": {
    failing: podManifest({}),
    passing: [
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "  namespace: shop",
      "spec:",
      "  selector:",
      "    matchLabels:",
      "      app: web",
      "  template:",
      "    metadata:",
      "      labels:",
      "        app: web",
      "    spec:",
      "      containers:",
      "        - name: app",
      `          image: ${EXAMPLE_IMAGE}`,
      "",
    ].join("\n"),
  },
  "exemption-reason-required": {
    failing: podManifest({
      metadata: ["annotations:", '  hardened.dev/exempt: "privileged"'],
      container: ["securityContext:", "  privileged: true"],
    }),
    passing: podManifest({
      metadata: [
        "annotations:",
        '  hardened.dev/exempt: "privileged"',
        '  hardened.dev/exempt-reason: "the CNI installer configures the node network"',
      ],
      container: ["securityContext:", "  privileged: true"],
    }),
  },
};
