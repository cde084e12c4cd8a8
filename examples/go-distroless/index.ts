import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { HardenedDeployment } from "../../components/hardened-deployment";
import { HardenedImage } from "../../components/hardened-image";
import { DEFAULT_IMAGES, DEFAULT_REGISTRY, PORT, goImageArgs } from "./settings";

const config = new pulumi.Config();
const lockFile = config.get("lockFile");

/** The Go service, built by the go preset on distroless static as user 65532:65532. */
const image = new HardenedImage(
  "server",
  goImageArgs({
    registry: config.get("registry") ?? DEFAULT_REGISTRY,
    builderImage: config.get("builderImage") ?? DEFAULT_IMAGES.builderImage,
    runtimeImage: config.get("runtimeImage") ?? DEFAULT_IMAGES.runtimeImage,
    ...(lockFile !== undefined ? { lockFile } : {}),
  }),
);

/** Writes the Kubernetes manifests to `renderDir` instead of talking to a cluster. */
const provider = new k8s.Provider("render", {
  renderYamlToDirectory: config.get("renderDir") ?? "rendered",
});

const probe = { httpGet: { path: "/health", port: "http" } };

/** The Deployment runs the pushed digest; runAsUser/runAsGroup/fsGroup come from the image. */
const server = new HardenedDeployment(
  "server",
  {
    image,
    namespace: config.get("namespace") ?? "go-distroless",
    resources: "small",
    ports: [{ port: PORT, name: "http" }],
    livenessProbe: probe,
    readinessProbe: probe,
  },
  { provider },
);

/** The pushed image, by digest. */
export const ref = image.ref;
/** The image's numeric user: 65532:65532. */
export const user = image.user;
/** The hardening report of the pushed image (`hardened report`). */
export const report = image.report;
/** The Deployment's final pod spec. */
export const podSpec = server.podSpec;
