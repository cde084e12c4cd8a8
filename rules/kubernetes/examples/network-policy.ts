import { RuleExample } from "../../example";
import { podManifest } from "./pod-manifest";

const networkPolicy = (name: string, selector: string[]) =>
  [
    "apiVersion: networking.k8s.io/v1",
    "kind: NetworkPolicy",
    "metadata:",
    `  name: ${name}`,
    "  namespace: shop",
    "spec:",
    ...selector.map((line) => `  ${line}`),
    "  policyTypes: [Ingress, Egress]",
    "",
  ].join("\n");

const web = podManifest({ labels: ["app: web"] });

/** The example of `network-policy-isolation`: a workload and the NetworkPolicies beside it. */
export const NETWORK_POLICY_EXAMPLE: RuleExample = {
  failing: `${web}---\n${networkPolicy("api", ["podSelector:", "  matchLabels:", "    app: api"])}`,
  passing: `${web}---\n${networkPolicy("default-deny", ["podSelector: {}"])}`,
};
