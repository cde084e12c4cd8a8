import { strict as assert } from "assert";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { hardenedPolicies } from "../../policies/pack";
import { runPolicy, violationsOf } from "../support/analyzer/run-policy";

const PRIVILEGED = hardenedPolicies().find(
  (p) => p.name === "privileged",
) as ResourceValidationPolicy;

/** Props with one privileged container in a pod template at the dotted `template` path. */
function propsWith(template: string): Record<string, unknown> {
  const pod = {
    spec: { containers: [{ name: "app", image: "app:1", securityContext: { privileged: true } }] },
  };
  return template
    .split(".")
    .reverse()
    .reduce<Record<string, unknown>>((inner, key) => ({ [key]: inner }), pod);
}

describe("policy pack: custom resources that carry a pod template", () => {
  const cases: readonly [type: string, template: string][] = [
    ["kubernetes:argoproj.io/v1alpha1:Rollout", "spec.template"],
    ["kubernetes:serving.knative.dev/v1:Service", "spec.template"],
    ["kubernetes:apps.openshift.io/v1:DeploymentConfig", "spec.template"],
    ["kubernetes:keda.sh/v1alpha1:ScaledJob", "spec.jobTargetRef.template"],
  ];
  for (const [type, template] of cases) {
    it(`evaluates ${type} at ${template}`, async () => {
      const messages = violationsOf(
        await runPolicy(PRIVILEGED, { type, props: propsWith(template) }),
      );
      assert.equal(messages.length, 1, messages.join("; "));
      assert.match(
        messages[0],
        new RegExp(
          `^container "app": .*${template.replace(/\./g, "\\.")}\\.spec\\.containers\\[0\\]\\.securityContext\\.privileged: `,
        ),
      );
    });
  }

  it("evaluates a custom kind the podTemplates setting declares, and only then", async () => {
    const type = "kubernetes:acme.dev/v1:Worker";
    const props = propsWith("spec.runner.template");
    const config = {
      podTemplates: [{ apiVersion: "acme.dev/*", kind: "Worker", path: "spec.runner.template" }],
    };
    const messages = violationsOf(await runPolicy(PRIVILEGED, { type, props, config }));
    assert.equal(messages.length, 1, messages.join("; "));
    assert.match(
      messages[0],
      /spec\.runner\.template\.spec\.containers\[0\]\.securityContext\.privileged: /,
    );
    assert.deepEqual(await runPolicy(PRIVILEGED, { type, props }), { notApplicable: true });
  });

  it("rejects a podTemplates entry with a bad field, naming the policy, setting and field", async () => {
    await assert.rejects(
      runPolicy(PRIVILEGED, {
        type: "kubernetes:acme.dev/v1:Worker",
        props: propsWith("spec.runner.template"),
        config: { podTemplates: [{ apiVersion: "acme.dev/v1", kind: "Worker", path: "spec..x" }] },
      }),
      /policy "privileged", config "podTemplates\[0\]\.path": "spec\.\.x" is not a dotted field path/,
    );
  });

  it("leaves the core Service and custom resources of other kinds alone", async () => {
    for (const type of ["kubernetes:core/v1:Service", "kubernetes:acme.dev/v1:Rollout"]) {
      assert.deepEqual(await runPolicy(PRIVILEGED, { type, props: propsWith("spec.template") }), {
        notApplicable: true,
      });
    }
  });
});
