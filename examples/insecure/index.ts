import * as docker from "@pulumi/docker";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";

/*
 * A deliberately insecure stack, written with the plain providers: every resource here breaks a
 * rule of the hardened-containers policy pack, and `pulumi preview --policy-pack` (or
 * `hardened preview`) blocks it. Do not deploy it.
 */

const config = new pulumi.Config("insecure");

/** Built from this folder's Dockerfile, tagged `latest`, with a token passed as a build argument. */
const image = new docker.Image("web", {
  imageName: "docker.io/acme/web:latest",
  build: {
    context: ".",
    dockerfile: "Dockerfile",
    args: { NPM_TOKEN: config.requireSecret("npmToken") },
  },
});

const labels = { app: "web" };

/** The image by its mutable tag, run as root, privileged. */
new k8s.apps.v1.Deployment("web", {
  metadata: { name: "web", namespace: "shop" },
  spec: {
    replicas: 2,
    selector: { matchLabels: labels },
    template: {
      metadata: { labels },
      spec: {
        containers: [
          {
            name: "web",
            image: image.imageName,
            ports: [{ containerPort: 80 }],
            securityContext: { runAsUser: 0, privileged: true },
          },
        ],
      },
    },
  },
});

/** A log shipper on every node, reading the node's /var/log through a hostPath, as root. */
new k8s.apps.v1.DaemonSet("log-shipper", {
  metadata: { name: "log-shipper", namespace: "logging" },
  spec: {
    selector: { matchLabels: { app: "log-shipper" } },
    template: {
      metadata: { labels: { app: "log-shipper" } },
      spec: {
        containers: [
          {
            name: "shipper",
            image: "fluent/fluent-bit:latest",
            securityContext: { runAsUser: 0 },
            volumeMounts: [{ name: "varlog", mountPath: "/var/log", readOnly: true }],
          },
        ],
        volumes: [{ name: "varlog", hostPath: { path: "/var/log" } }],
      },
    },
  },
});

/** Exported by tag, as the Deployment uses it. */
export const imageName = image.imageName;
