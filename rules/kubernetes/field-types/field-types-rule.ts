import { BASELINE_PROFILES } from "../../profile";
import { KubernetesRule } from "../kubernetes-rule";
import { FieldTypeError, validateFieldTypes } from "./validate-field-types";

/**
 * The input check before every control: each field the rules read holds a value of the type the
 * API server decodes it into. The rules read a value of another type as unset, so without this
 * check `privileged: "yes"` or `runAsUser: "0"` would pass every rule. `hardened check` refuses
 * such an object as bad input (exit 2) before any rule runs; the pack, which cannot refuse input,
 * reports it as a violation of this rule, mandatory by default and in every profile.
 */
export const fieldTypes: KubernetesRule = {
  id: "field-types",
  title: "Workload fields must have the types the API server accepts",
  description:
    'A security field of the wrong type (privileged: "yes", runAsUser: "0", containers: "x") is rejected by the API server, and no rule can tell what it was meant to say; the rules would read it as unset and pass it. It is checked before the Pod Security Standards controls, so it belongs to every profile.',
  severity: "error",
  profiles: BASELINE_PROFILES,
  target: "kubernetes",
  references: {
    docs: [
      "https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation",
      "https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/",
    ],
  },
  remediation:
    "Write the field with its API type: booleans as true or false, user and group ids as integers, containers as a list of mappings.",
  checkPod: ({ workload }) => {
    try {
      validateFieldTypes(workload);
    } catch (error) {
      if (error instanceof FieldTypeError) {
        return [
          {
            path: error.path,
            message: `${error.message}; the API server rejects this object, and the rules cannot read the field`,
          },
        ];
      }
      throw error;
    }
    return [];
  },
};
