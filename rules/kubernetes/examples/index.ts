import { RuleExample } from "../../example";
import { EXTRA_EXAMPLES } from "./extras";
import { NETWORK_POLICY_EXAMPLE } from "./network-policy";
import { PSS_EXAMPLES } from "./pss";

/** The examples of the Kubernetes rules (workload and set rules), by rule id. */
export const KUBERNETES_EXAMPLES: Readonly<Record<string, RuleExample>> = {
  ...PSS_EXAMPLES,
  ...EXTRA_EXAMPLES,
  "network-policy-isolation": NETWORK_POLICY_EXAMPLE,
};
