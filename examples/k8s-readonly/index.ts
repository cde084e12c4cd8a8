import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { HardenedDeployment } from "../../components/hardened-deployment";

const config = new pulumi.Config("k8s-readonly");

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

/**
 * nginx (unprivileged build, port 8080) with a read-only root filesystem: it writes only to /tmp
 * (pid file, temp files) and to its cache directory, both size-limited emptyDir volumes.
 */
export const web = new HardenedDeployment(
  "web",
  {
    image: config.require("image"),
    namespace: namespace.metadata.name,
    resources: "small",
    ports: [{ port: 8080 }],
    writablePaths: [{ path: "/var/cache/nginx", sizeLimit: "256Mi" }],
    livenessProbe: { httpGet: { path: "/", port: "http" } },
    readinessProbe: { httpGet: { path: "/", port: "http" } },
  },
  { provider },
);

/** The hardening defaults in effect, each with the rule ids it satisfies. */
export const appliedControls = web.appliedControls;
