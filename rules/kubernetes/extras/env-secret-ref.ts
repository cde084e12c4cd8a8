import { fieldPath } from "../../field-path";
import { HARDENED_PROFILES } from "../../profile";
import { listOf, recordOf } from "../../read";
import { Violation } from "../../rule";
import { KubernetesRule } from "../kubernetes-rule";

/**
 * Hardened extra (a note): a Secret read into environment variables rather than mounted as files.
 * CIS Kubernetes 5.4.1 states a preference, not a requirement, and `valueFrom.secretKeyRef` keeps
 * the value out of the manifest, so this informs and never fails a check; a literal secret is
 * `env-secret-literal`, an error.
 */
export const envSecretRef: KubernetesRule = {
  id: "env-secret-ref",
  title: "Secrets should be mounted as files, not read into environment variables",
  description:
    "A Secret read into an environment variable (env[].valueFrom.secretKeyRef, or every key of a Secret by envFrom[].secretRef) is visible to every process of the container and its children, is printed by crash reports, debug endpoints and `env` in logs, and is fixed until the container restarts; a Secret mounted as files can be read by path, with file permissions, and is updated in place when the Secret changes. The CIS Kubernetes Benchmark prefers files, so this is a note: it informs and never fails `hardened check` or blocks in the pack. A literal secret-looking value is `env-secret-literal`, an error. Visits init, regular and ephemeral containers.",
  severity: "note",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: {
    cisKubernetes: ["5.4.1"],
    checkov: ["CKV_K8S_35"],
    kubeLinter: ["read-secret-from-env-var"],
    kyverno: ["secrets-not-from-env-vars"],
    docs: [
      "https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod",
    ],
  },
  remediation:
    "Mount the Secret as a volume (readOnly, defaultMode 0400 or 0440 with the pod's fsGroup) and pass the file's path to the application, for example DB_PASSWORD_FILE=/var/run/secrets/db/password.",
  checkContainer: (ctx) => {
    const violations: Violation[] = [];
    listOf(ctx.container.env).forEach((entry, index) => {
      const variable = recordOf(entry);
      const ref = recordOf(recordOf(variable?.valueFrom)?.secretKeyRef);
      if (ref !== undefined) {
        violations.push({
          path: fieldPath(ctx.path, "env", index, "valueFrom", "secretKeyRef"),
          message: `env ${JSON.stringify(variable?.name)} reads key ${JSON.stringify(ref.key)} of Secret ${JSON.stringify(ref.name)}; expected the Secret mounted as a file`,
        });
      }
    });
    listOf(ctx.container.envFrom).forEach((entry, index) => {
      const ref = recordOf(recordOf(entry)?.secretRef);
      if (ref !== undefined) {
        violations.push({
          path: fieldPath(ctx.path, "envFrom", index, "secretRef"),
          message: `envFrom reads every key of Secret ${JSON.stringify(ref.name)} into environment variables; expected the Secret mounted as files`,
        });
      }
    });
    return violations;
  },
};
