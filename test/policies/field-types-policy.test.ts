import { strict as assert } from "assert";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { defaultEnforcementLevel } from "../../policies/enforcement";
import { hardenedPolicies } from "../../policies/pack";
import { UNKNOWN } from "../../preview/analyzer/properties";
import { getRule } from "../../rules/catalog";
import { hardenedPodSpec, setPath, workloadOf } from "../fixtures/workloads";
import { runPolicy, violationsOf } from "../support/analyzer/run-policy";

const policies = hardenedPolicies({ profile: "baseline" });
const fieldTypes = policies.find((p) => p.name === "field-types") as ResourceValidationPolicy;
const privileged = policies.find((p) => p.name === "privileged") as ResourceValidationPolicy;

/** A Deployment whose hardened pod spec has `value` at `path`. */
function deployment(path: string, value: unknown) {
  const spec = hardenedPodSpec();
  setPath(spec, path, value);
  return { type: "kubernetes:apps/v1:Deployment", props: workloadOf("Deployment", spec) };
}

describe("field-types policy: a mistyped security field cannot pass the pack", () => {
  it("is in every profile's pack and mandatory by default", () => {
    assert.ok(fieldTypes, "the baseline pack has field-types");
    assert.equal(defaultEnforcementLevel(getRule("field-types")), "mandatory");
  });

  it('blocks privileged: "yes" (YAML 1.2 reads the 1.1 boolean as a string), which privileged reads as unset', async () => {
    const resource = deployment("containers[0].securityContext.privileged", "yes");
    assert.deepEqual(violationsOf(await runPolicy(privileged, resource)), []);
    assert.deepEqual(violationsOf(await runPolicy(fieldTypes, resource)), [
      "spec.template.spec.containers[0].securityContext.privileged: expected a boolean (true or false), found a string; the API server rejects this object, and the rules cannot read the field",
    ]);
  });

  it('blocks runAsUser: "0" and a containers field that is not a list', async () => {
    const [runAsUser] = violationsOf(
      await runPolicy(fieldTypes, deployment("securityContext.runAsUser", "0")),
    );
    assert.match(
      runAsUser,
      /spec\.template\.spec\.securityContext\.runAsUser: expected a 64-bit integer, found a string;/,
    );
    const [containers] = violationsOf(await runPolicy(fieldTypes, deployment("containers", "x")));
    assert.match(containers, /spec\.template\.spec\.containers: expected a list, found a string;/);
  });

  it("passes a well-typed workload, and values not known yet during preview", async () => {
    assert.deepEqual(
      violationsOf(await runPolicy(fieldTypes, deployment("hostNetwork", false))),
      [],
    );
    const unknown = deployment("containers[0].securityContext.runAsUser", UNKNOWN);
    assert.deepEqual(violationsOf(await runPolicy(fieldTypes, unknown)), []);
    const laterTypo = deployment("containers[0].securityContext.runAsUser", UNKNOWN);
    setPath(
      (laterTypo.props as { spec: { template: { spec: Record<string, unknown> } } }).spec.template
        .spec,
      "containers[0].securityContext.privileged",
      "on",
    );
    assert.equal(violationsOf(await runPolicy(fieldTypes, laterTypo)).length, 1);
  });
});
