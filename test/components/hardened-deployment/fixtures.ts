import {
  HardenedDeployment,
  HardenedDeploymentArgs,
} from "../../../components/hardened-deployment";
import { evaluateWorkload } from "../../../rules/kubernetes/evaluate";
import { KubernetesObject } from "../../../rules/kubernetes/types";
import { CapturedResource, resourceOf, valueOf } from "./mocks";

/** A sha256 digest. */
export const DIGEST = "sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945";

/** A digest-pinned image. */
export const IMAGE = `ghcr.io/acme/web@${DIGEST}`;

/** A probe on the `http` port. */
export const PROBE = { httpGet: { path: "/healthz", port: "http" } };

/** Arguments that leave nothing to warn about: namespace and probes given. */
export const COMPLETE: HardenedDeploymentArgs = {
  image: IMAGE,
  resources: "small",
  namespace: "shop",
  ports: [{ port: 8080 }],
  livenessProbe: PROBE,
  readinessProbe: PROBE,
};

/** The Pulumi types of the children. */
export const TYPES = {
  deployment: "kubernetes:apps/v1:Deployment",
  serviceAccount: "kubernetes:core/v1:ServiceAccount",
  service: "kubernetes:core/v1:Service",
  pdb: "kubernetes:policy/v1:PodDisruptionBudget",
  networkPolicy: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
};

/** Creates the component and waits until every child has been registered. */
export async function deploy(
  args: HardenedDeploymentArgs,
  name = "web",
): Promise<HardenedDeployment> {
  const component = new HardenedDeployment(name, args);
  await Promise.all(
    [
      component.deployment,
      component.serviceAccount,
      component.service,
      component.podDisruptionBudget,
      component.networkPolicy,
    ]
      .filter((r): r is NonNullable<typeof r> => r !== undefined)
      .map((r) => valueOf(r.urn)),
  );
  return component;
}

/** The inputs the Deployment received. */
export function deploymentOf(captured: readonly CapturedResource[]): KubernetesObject {
  return resourceOf(captured, TYPES.deployment).inputs as KubernetesObject;
}

/** The pod spec the Deployment received. */
export function podSpecOf(captured: readonly CapturedResource[]): Record<string, unknown> {
  const spec = deploymentOf(captured).spec as { template: { spec: Record<string, unknown> } };
  return spec.template.spec;
}

/** The application container the Deployment received. */
export function containerOf(captured: readonly CapturedResource[]): Record<string, unknown> {
  return (podSpecOf(captured).containers as Record<string, unknown>[])[0];
}

/** The ids of the error findings no exemption covers, in the hardened profile. */
export function blockingIds(object: KubernetesObject): string[] {
  return evaluateWorkload(object, { profile: "hardened" })
    .filter((f) => f.severity === "error" && !f.exempted)
    .map((f) => f.ruleId);
}
