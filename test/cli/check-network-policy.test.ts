import { strict as assert } from "assert";
import { runCli } from "../support/run-cli";

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    metadata:
      labels: { app: web }
    spec:
      containers: [{ name: app, image: app:1 }]
`;

const policy = (selector: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny, namespace: shop }
spec:
  podSelector: ${selector}
  policyTypes: [Ingress, Egress]
`;

function isolation(stdin: string, args: readonly string[] = []) {
  const run = runCli(["check", "--format", "json", ...args, "-"], { stdin });
  const json = JSON.parse(run.stdout) as {
    findings: {
      ruleId: string;
      kind: string;
      name: string;
      path: string;
      line: number;
      document: number;
    }[];
  };
  return json.findings
    .filter((f) => f.ruleId === "network-policy-isolation")
    .map((f) => [f.kind, f.name, f.document, f.path, f.line]);
}

describe("hardened check: network-policy-isolation over the files given", () => {
  it("reports a workload no NetworkPolicy of the set selects, once, at its pod labels' line", () => {
    assert.deepEqual(isolation(`${DEPLOYMENT}---\n${policy("{ matchLabels: { app: api } }")}`), [
      ["Deployment", "web", 0, "spec.template.metadata.labels", 7],
    ]);
  });

  it("passes it when a default deny selects it, and outside the hardened profile", () => {
    assert.deepEqual(isolation(`${DEPLOYMENT}---\n${policy("{}")}`), []);
    assert.deepEqual(
      isolation(`${DEPLOYMENT}---\n${policy("{ matchLabels: { app: api } }")}`, [
        "--profile",
        "restricted",
      ]),
      [],
    );
  });
});
