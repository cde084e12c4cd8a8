import { fieldPath } from "../../field-path";
import { HARDENED_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";

function nonEmpty(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Hardened extra: the pod runs as its own service account, not the namespace's `default`. */
export const defaultServiceAccount: KubernetesRule = {
  id: "default-service-account",
  title: "Pods must not use the default service account",
  description:
    "The default service account is shared by every pod of the namespace that names none, so any role bound to it is granted to all of them. The service account is serviceAccountName or, when that is unset, the deprecated serviceAccount; with neither it is default.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: {
    cisKubernetes: ["5.1.5"],
    kubeLinter: ["default-service-account"],
    docs: [
      "https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts",
    ],
  },
  remediation:
    "Create a ServiceAccount for the workload (with only the roles it needs) and set spec.serviceAccountName to it.",
  checkPod: ({ spec, specPath }) => {
    const name = nonEmpty(spec.serviceAccountName);
    const legacy = nonEmpty(spec.serviceAccount);
    const field =
      name === undefined && legacy !== undefined ? "serviceAccount" : "serviceAccountName";
    const effective = name ?? legacy;
    if (effective !== undefined && effective !== "default") {
      return [];
    }
    return [
      {
        path: fieldPath(specPath, field),
        message: `${field} is ${effective === undefined ? "unset, so the pod runs as the namespace's default service account" : '"default"'}; expected a dedicated service account`,
      },
    ];
  },
};
