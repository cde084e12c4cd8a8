import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { HardenedDeployment } from "../../components/hardened-deployment";

const config = new pulumi.Config("web-service");

/** Renders manifests to a directory instead of talking to a cluster. */
const provider = new k8s.Provider("render", {
  renderYamlToDirectory: config.get("renderDir") ?? "rendered",
});

/** A namespace whose Pod Security Admission enforces the restricted standard. */
const namespace = new k8s.core.v1.Namespace(
  "shop",
  {
    metadata: {
      name: "shop",
      labels: {
        "pod-security.kubernetes.io/enforce": "restricted",
        "pod-security.kubernetes.io/enforce-version": "latest",
      },
    },
  },
  { provider },
);

/** The service's configuration file, mounted read-only at /etc/web/app.yaml. */
const settings = new k8s.core.v1.ConfigMap(
  "web-config",
  {
    metadata: { name: "web-config", namespace: namespace.metadata.name },
    data: { "app.yaml": "listen: 0.0.0.0:8080\nlog_level: info\n" },
  },
  { provider },
);

/** The API token, mounted as a file (never an environment variable) at /run/secrets/web. */
const credentials = new k8s.core.v1.Secret(
  "web-credentials",
  {
    metadata: { name: "web-credentials", namespace: namespace.metadata.name },
    stringData: { "api-token": config.requireSecret("apiToken") },
  },
  { provider },
);

/**
 * nginx serving on 8080 with its configuration and its token as files, an nginx Prometheus
 * exporter as a sidecar on 9113, and an autoscaler between 2 and 10 pods at 70% CPU.
 */
export const web = new HardenedDeployment(
  "web",
  {
    image: config.require("image"),
    namespace: namespace.metadata.name,
    resources: "medium",
    ports: [{ port: 8080 }],
    livenessProbe: { httpGet: { path: "/healthz", port: "http" } },
    readinessProbe: { httpGet: { path: "/ready", port: "http" } },
    env: [{ name: "WEB_CONFIG", value: "/etc/web/app.yaml" }],
    volumes: [
      { name: "config", configMap: { name: settings.metadata.name }, mountPath: "/etc/web" },
      {
        name: "credentials",
        secret: { secretName: credentials.metadata.name, defaultMode: 0o440 },
        mountPath: "/run/secrets/web",
      },
    ],
    writablePaths: [{ path: "/var/cache/nginx", sizeLimit: "256Mi" }],
    sidecars: [
      {
        name: "metrics",
        image: config.require("exporterImage"),
        resources: "small",
        args: ["--nginx.scrape-uri=http://127.0.0.1:8080/stub_status"],
        ports: [{ port: 9113, name: "metrics" }],
        livenessProbe: { httpGet: { path: "/metrics", port: "metrics" } },
        readinessProbe: { httpGet: { path: "/metrics", port: "metrics" } },
      },
    ],
    podAnnotations: { "prometheus.io/scrape": "true", "prometheus.io/port": "9113" },
    autoscaling: { minReplicas: 2, maxReplicas: 10, cpuUtilization: 70 },
    terminationGracePeriodSeconds: 30,
  },
  { provider },
);

/** The hardening defaults in effect, each with the rule ids it satisfies. */
export const appliedControls = web.appliedControls;
