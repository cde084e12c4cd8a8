import * as pulumi from "@pulumi/pulumi";
import { HardenedDeployment } from "../../components/hardened-deployment";
import { HardenedImage } from "../../components/hardened-image";
import { HEALTH_PATH, PORT, PythonExampleSettings, pythonImageArgs } from "./settings";

/** The example's two components. */
export interface PythonService {
  /** The hardened image, built and pushed by digest. */
  readonly image: HardenedImage;
  /** The Deployment running that digest as the image's user. */
  readonly deployment: HardenedDeployment;
}

/**
 * Builds the Python service with `HardenedImage` (python preset) and deploys it with
 * `HardenedDeployment`, whose image is the `HardenedImage`: the pod runs the pushed digest, and
 * its `runAsUser`/`runAsGroup`/`fsGroup` come from the image's numeric USER. `opts` (e.g. a
 * provider) apply to the Deployment.
 */
export function pythonService(
  name: string,
  settings: PythonExampleSettings,
  namespace: pulumi.Input<string>,
  opts: pulumi.ComponentResourceOptions = {},
): PythonService {
  const image = new HardenedImage(name, pythonImageArgs(settings));
  const probe = { httpGet: { path: HEALTH_PATH, port: "http" } };
  const deployment = new HardenedDeployment(
    name,
    {
      image,
      namespace,
      resources: "small",
      ports: [{ port: PORT, name: "http" }],
      livenessProbe: probe,
      readinessProbe: probe,
    },
    opts,
  );
  return { image, deployment };
}
