import { strict as assert } from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { parseAllDocuments } from "yaml";
import { hardenedPolicies } from "../../policies/pack";
import { runPolicy, violationsOf } from "../support/analyzer/run-policy";

const FIXTURES = join(__dirname, "..", "fixtures", "manifests");
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

function policy(name: string): ResourceValidationPolicy {
  return hardenedPolicies().find((p) => p.name === name) as ResourceValidationPolicy;
}

/** The documents of a fixture, as the properties a CustomResource or yaml.ConfigFile registers. */
function documents(file: string): Record<string, unknown>[] {
  return parseAllDocuments(readFileSync(join(FIXTURES, file), "utf8")).map(
    (d) => d.toJS() as Record<string, unknown>,
  );
}

describe("policy pack: Argo Workflows kinds", () => {
  it("evaluates every template pod of a Workflow, CronWorkflow, WorkflowTemplate and ClusterWorkflowTemplate by its Pulumi type", async () => {
    const found: string[] = [];
    for (const props of documents("argo-workflows.yaml")) {
      const type = `kubernetes:argoproj.io/v1alpha1:${String(props.kind)}`;
      for (const name of ["privileged", "host-namespaces", "host-path-volumes"]) {
        for (const message of violationsOf(await runPolicy(policy(name), { type, props }))) {
          found.push(`${String(props.kind)} ${name}: ${message}`);
        }
      }
    }
    assert.deepEqual(
      found.map((m) => m.replace(/: [^:]*$/, "")),
      [
        'Workflow privileged: container "dind": spec.templates[1].sidecars[0].securityContext.privileged',
        "Workflow host-namespaces: spec.hostNetwork",
        'CronWorkflow privileged: container "main": spec.workflowSpec.templates[0].script.securityContext.privileged',
        'WorkflowTemplate privileged: container "test": spec.templates[0].containerSet.containers[1].securityContext.privileged',
        'ClusterWorkflowTemplate privileged: container "main": spec.templates[0].podSpecPatch',
        "ClusterWorkflowTemplate host-path-volumes: spec.templates[0].volumes[0].hostPath",
      ],
    );
  });

  it("passes the hardened workflow on every Kubernetes policy of the default pack that blocks", async () => {
    const [props] = documents("argo-workflow-hardened.yaml");
    const type = "kubernetes:argoproj.io/v1alpha1:Workflow";
    const evaluated: string[] = [];
    for (const p of hardenedPolicies()) {
      if (p.enforcementLevel !== "mandatory" || !("validateResource" in p)) {
        continue;
      }
      const outcome = await runPolicy(p as ResourceValidationPolicy, { type, props });
      if (!("notApplicable" in outcome)) {
        assert.deepEqual(outcome.violations, [], p.name);
        evaluated.push(p.name);
      }
    }
    assert.ok(evaluated.includes("run-as-non-root") && evaluated.includes("image-digest"));
  });

  it("during preview, evaluates what is known and skips a value that is not known yet", async () => {
    const props = {
      apiVersion: "argoproj.io/v1alpha1",
      kind: "Workflow",
      metadata: { name: "build" },
      spec: {
        templates: [
          { name: "a", container: { image: UNKNOWN, securityContext: UNKNOWN } },
          { name: "b", container: { image: "app:1", securityContext: { privileged: true } } },
        ],
      },
    };
    const type = "kubernetes:argoproj.io/v1alpha1:Workflow";
    const messages = violationsOf(await runPolicy(policy("privileged"), { type, props }));
    assert.deepEqual(
      messages.map((m) => m.replace(/: [^:]*$/, "")),
      ['container "main": spec.templates[1].container.securityContext.privileged'],
    );
  });

  it("leaves kinds of other groups with the same names alone", async () => {
    const [props] = documents("argo-workflows.yaml");
    assert.deepEqual(
      await runPolicy(policy("privileged"), { type: "kubernetes:acme.dev/v1:Workflow", props }),
      { notApplicable: true },
    );
  });
});
