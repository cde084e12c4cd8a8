import { isSecretName, secretKindIn } from "../../knowledge/secret-patterns";
import { fieldPath } from "../../field-path";
import { HARDENED_PROFILES } from "../../profile";
import { Violation } from "../../rule";
import { KubernetesRule } from "../kubernetes-rule";
import { listOf, recordOf } from "../../read";

const ONLY_REFERENCES = /^(?:\$\([A-Za-z_][A-Za-z0-9_.-]*\))+$/;

/** Why a literal environment value looks like a secret, or undefined when it does not. */
function secretLiteral(name: string, value: string): string | undefined {
  if (value === "" || ONLY_REFERENCES.test(value)) {
    return undefined;
  }
  const kind = secretKindIn(value);
  if (kind !== undefined) {
    return `a literal value that contains ${kind}`;
  }
  return isSecretName(name) ? "a literal value and a name that says it is a secret" : undefined;
}

/** Hardened extra: secrets come from a Secret, not from literal environment values. */
export const envSecretLiteral: KubernetesRule = {
  id: "env-secret-literal",
  title: "Secrets must not be written as literal environment values",
  description:
    "A literal value is stored in plain text in the manifest, the Pulumi state, Git and every `kubectl get -o yaml`. Reported when a variable has a literal value and either its name says it is a secret (PASSWORD, SECRET, TOKEN, CREDENTIALS, API_KEY, PRIVATE_KEY, ...; not names that only point at one, such as DB_PASSWORD_FILE, TOKEN_PATH or SECRET_NAME) or the value contains a well-known credential format (a private key, a GitHub or AWS key, a URL with a password, ...). Names and formats are the ones the Dockerfile and image secret rules use. Empty values and values made only of $(VAR) references are not secrets. The value is never printed. Visits init, regular and ephemeral containers.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "kubernetes",
  references: {
    kubeLinter: ["env-var-secret"],
    docs: [
      "https://kubernetes.io/docs/tasks/inject-data-application/distribute-credentials-secure/",
    ],
  },
  remediation:
    "Store the value in a Secret (a Pulumi secret becomes one) and use valueFrom.secretKeyRef, or better, mount the Secret as a file and pass its path (…_FILE).",
  checkContainer: (ctx) => {
    const violations: Violation[] = [];
    listOf(ctx.container.env).forEach((entry, index) => {
      const variable = recordOf(entry);
      const name = variable?.name;
      const value = variable?.value;
      const why =
        typeof name === "string" && typeof value === "string"
          ? secretLiteral(name, value)
          : undefined;
      if (why !== undefined) {
        violations.push({
          path: fieldPath(ctx.path, "env", index, "value"),
          message: `env ${JSON.stringify(name)} has ${why} (value not shown); expected valueFrom.secretKeyRef`,
        });
      }
    });
    return violations;
  },
};
