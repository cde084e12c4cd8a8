import { strict as assert } from "assert";
import { StackResource, stackPolicy, validateStackPolicy } from "../support/stack-policy";

const policy = stackPolicy("network-policy-isolation");

/** Runs the `network-policy-isolation` stack policy. */
function validate(
  resources: readonly StackResource[],
  config: Record<string, unknown> = {},
): Promise<[string, string | undefined][]> {
  return validateStackPolicy(policy, resources, config);
}

const web: StackResource = {
  type: "kubernetes:apps/v1:Deployment",
  name: "web",
  props: {
    metadata: { name: "web", namespace: "shop" },
    spec: { template: { metadata: { labels: { app: "web" } }, spec: { containers: [] } } },
  },
};

const netpol = (name: string, podSelector: unknown): StackResource => ({
  type: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
  name,
  props: {
    metadata: { name, namespace: "shop" },
    spec: { podSelector, policyTypes: ["Ingress", "Egress"] },
  },
});

describe("network-policy-isolation stack policy", () => {
  it("reports a workload no NetworkPolicy of the stack selects, on the workload's URN", async () => {
    assert.deepEqual(await validate([web, netpol("api", { matchLabels: { app: "api" } })]), [
      [
        "spec.template.metadata.labels: no NetworkPolicy in namespace shop selects its pods; expected a NetworkPolicy that selects them and restricts ingress or egress",
        "urn:pulumi:dev::shop::kubernetes:apps/v1:Deployment::web",
      ],
    ]);
  });

  it("passes a workload a default deny selects, a stack without NetworkPolicy, and exempted workloads", async () => {
    assert.deepEqual(await validate([web, netpol("deny", {})]), []);
    assert.deepEqual(await validate([web]), []);
    const exemptions = [{ rule: "network-policy-isolation", name: "web", reason: "mesh policy" }];
    assert.deepEqual(
      await validate([web, netpol("api", { matchLabels: { app: "api" } })], { exemptions }),
      [],
    );
  });

  it("is a stack policy of the pack, advisory by default", () => {
    assert.equal(typeof policy.validateStack, "function");
    assert.equal(policy.enforcementLevel, "advisory");
  });

  it("shows an honoured exemption in the hardened policy, advisory, and honours none when config exemptions are not allowed", async () => {
    const exemptions = [{ rule: "network-policy-isolation", name: "web", reason: "mesh policy" }];
    const stack = [web, netpol("api", { matchLabels: { app: "api" } })];
    assert.deepEqual(await validateStackPolicy(stackPolicy("hardened"), stack, { exemptions }), [
      [
        '"network-policy-isolation" exempted by config (reason: mesh policy): spec.template.metadata.labels: no NetworkPolicy in namespace shop selects its pods; expected a NetworkPolicy that selects them and restricts ingress or egress',
        "urn:pulumi:dev::shop::kubernetes:apps/v1:Deployment::web",
      ],
    ]);
    assert.equal(
      (await validate(stack, { exemptions, allowExemptions: { from: ["annotations"] } })).length,
      1,
    );
  });
});
