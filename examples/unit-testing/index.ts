import { join } from "path";
import { HardenedDeployment } from "../../components/hardened-deployment";
import { HardenedImage } from "../../components/hardened-image";

/** The service's image: the python preset on ./app, pinned, linted, built and pushed. */
export const api = new HardenedImage("api", {
  imageName: "ghcr.io/acme/api:v1",
  context: join(__dirname, "app"),
  preset: { kind: "python", command: ["main.py"], requirements: null, port: 8080 },
});

/** The service, running the image's digest as the image's user. */
export const web = new HardenedDeployment("api", {
  image: api,
  namespace: "shop",
  resources: "small",
  ports: [{ port: 8080 }],
  livenessProbe: { httpGet: { path: "/", port: "http" } },
  readinessProbe: { httpGet: { path: "/", port: "http" } },
});
