import { strict as assert } from "assert";
import { networkIsolationFindings } from "../../../../rules/kubernetes/network-policy/isolation";
import { selectorMatches } from "../../../../rules/kubernetes/network-policy/label-selector";
import { KubernetesObject } from "../../../../rules/kubernetes/types";
import { UnknownValueError } from "../../../../rules/unknown";

/** `object` with the field `key` of `parent` not known yet: reading it throws, as during a preview. */
function unknownAt<T extends object>(object: T, parent: (o: T) => object, key: string): T {
  Object.defineProperty(parent(object), key, {
    enumerable: true,
    get: () => {
      throw new UnknownValueError(key);
    },
  });
  return object;
}

const LABELS = { app: "web", tier: "front" };

function deployment(namespace?: string, annotations?: Record<string, string>): KubernetesObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      name: "web",
      ...(namespace ? { namespace } : {}),
      ...(annotations ? { annotations } : {}),
    },
    spec: { template: { metadata: { labels: LABELS }, spec: { containers: [{ name: "app" }] } } },
  };
}

function policy(name: string, spec: Record<string, unknown>, namespace?: string): KubernetesObject {
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec,
  };
}

const DENY_ALL = { podSelector: {}, policyTypes: ["Ingress", "Egress"] };
const ALLOW_ALL_INGRESS = { podSelector: {}, ingress: [{}] };

function found(objects: KubernetesObject[]): [number, string, string, boolean][] {
  return networkIsolationFindings(objects).map(({ index, finding }) => [
    index,
    finding.ruleId,
    finding.path,
    finding.exempted ?? false,
  ]);
}

describe("network-policy-isolation", () => {
  it("selects by matchLabels and every matchExpressions operator", () => {
    const cases: [selector: unknown, expected: boolean][] = [
      [{}, true],
      [{ matchLabels: { app: "web" } }, true],
      [{ matchLabels: { app: "api" } }, false],
      [{ matchExpressions: [{ key: "app", operator: "In", values: ["web", "api"] }] }, true],
      [{ matchExpressions: [{ key: "app", operator: "NotIn", values: ["web"] }] }, false],
      [{ matchExpressions: [{ key: "tier", operator: "Exists" }] }, true],
      [{ matchExpressions: [{ key: "tier", operator: "DoesNotExist" }] }, false],
      [{ matchExpressions: [{ key: "tier", operator: "Near" }] }, false],
      ["app=web", false],
    ];
    for (const [selector, expected] of cases) {
      assert.equal(selectorMatches(selector, LABELS), expected, JSON.stringify(selector));
    }
  });

  it("leaves undecided, and never reports, a workload whose decision reads a value not known yet", () => {
    const unknownMetadata = unknownAt(deployment("shop"), (d) => d, "metadata");
    assert.deepEqual(
      found([
        unknownMetadata,
        policy("api", { podSelector: { matchLabels: { app: "api" } } }, "shop"),
      ]),
      [],
    );
    const unknownLabels = unknownAt(
      deployment("shop"),
      (d) => (d.spec as { template: { metadata: object } }).template.metadata,
      "labels",
    );
    assert.deepEqual(found([unknownLabels, policy("deny", DENY_ALL, "shop")]), []);
    const unknownSelector = unknownAt(
      policy("maybe", { policyTypes: ["Ingress"] }, "shop"),
      (p) => p.spec as object,
      "podSelector",
    );
    assert.deepEqual(found([deployment("shop"), unknownSelector]), []);
    const unknownAnnotations = unknownAt(
      deployment("shop"),
      (d) => d.metadata as object,
      "annotations",
    );
    assert.deepEqual(found([unknownAnnotations, policy("deny", DENY_ALL, "other")]), []);
    assert.deepEqual(
      found([deployment("shop"), unknownSelector, policy("deny", DENY_ALL, "other")]),
      [],
      "a policy of the namespace whose selector is unknown may select the workload",
    );
    assert.equal(
      found([deployment("shop"), policy("deny", DENY_ALL, "other")]).length,
      1,
      "the same set with everything known is reported",
    );
  });

  it("checks nothing in a set without a NetworkPolicy", () => {
    assert.deepEqual(found([deployment()]), []);
  });

  it("passes a workload a default-deny policy of its namespace selects", () => {
    assert.deepEqual(found([deployment("shop"), policy("deny", DENY_ALL, "shop")]), []);
    assert.deepEqual(found([deployment(), policy("deny", DENY_ALL)]), []);
    assert.deepEqual(found([deployment("default"), policy("deny", DENY_ALL)]), []);
  });

  it("reports once, at the pod template labels, a workload only policies of other namespaces or pods select", () => {
    const objects = [
      policy("deny", DENY_ALL, "other"),
      policy(
        "api",
        { podSelector: { matchLabels: { app: "api" } }, policyTypes: ["Ingress"] },
        "shop",
      ),
      deployment("shop"),
    ];
    assert.deepEqual(found(objects), [
      [2, "network-policy-isolation", "spec.template.metadata.labels", false],
    ]);
    assert.match(
      networkIsolationFindings(objects)[0].finding.message,
      /^no NetworkPolicy in namespace shop selects its pods; expected a NetworkPolicy/,
    );
  });

  it("reports a workload that only allow-all policies select, naming them", () => {
    const objects = [deployment(), policy("open", ALLOW_ALL_INGRESS)];
    assert.deepEqual(found(objects), [
      [0, "network-policy-isolation", "spec.template.metadata.labels", false],
    ]);
    assert.match(
      networkIsolationFindings(objects)[0].finding.message,
      /allow all traffic select its pods \(open\)/,
    );
  });

  it("counts a policy that restricts egress only, or ingress to some ports, as isolating", () => {
    const egressOnly = {
      podSelector: {},
      policyTypes: ["Egress"],
      egress: [{ to: [{ podSelector: {} }] }],
    };
    const somePorts = { podSelector: {}, ingress: [{ ports: [{ port: 8080 }] }] };
    assert.deepEqual(found([deployment(), policy("egress", egressOnly)]), []);
    assert.deepEqual(found([deployment(), policy("ports", somePorts)]), []);
  });

  it("honours the workload's own hardened.dev/exempt annotation", () => {
    const exempt = deployment(undefined, {
      "hardened.dev/exempt": "network-policy-isolation",
      "hardened.dev/exempt-reason": "isolated by the mesh, reviewed in SEC-9",
    });
    assert.deepEqual(found([exempt, policy("open", ALLOW_ALL_INGRESS)]), [
      [0, "network-policy-isolation", "spec.template.metadata.labels", true],
    ]);
  });

  it("reads Pods at metadata.labels and the built-in pod-template kinds", () => {
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p", labels: LABELS },
      spec: {},
    };
    const rollout = {
      apiVersion: "argoproj.io/v1alpha1",
      kind: "Rollout",
      metadata: { name: "r" },
      spec: { template: { metadata: { labels: { app: "other" } }, spec: {} } },
    };
    const webOnly = { podSelector: { matchLabels: { app: "web" } }, policyTypes: ["Ingress"] };
    assert.deepEqual(found([pod, rollout, policy("web", webOnly)]), [
      [1, "network-policy-isolation", "spec.template.metadata.labels", false],
    ]);
  });
});
