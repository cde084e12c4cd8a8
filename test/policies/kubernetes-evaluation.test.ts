import { strict as assert } from "assert";
import { ResourceValidationArgs, unknownCheckingProxy } from "@pulumi/policy";
import { KubernetesResourceEvaluator } from "../../policies/kubernetes-evaluation";
import { sdkDeserializeProperties } from "../../policies/sdk-internals";
import { shareAnalyzeDeserialization } from "../../policies/shared-deserialization";
import { UNKNOWN, secret, serializeProperties } from "../../preview/analyzer/properties";
import { Finding } from "../../rules/finding";
import * as evaluateModule from "../../rules/kubernetes/evaluate";
import { KUBERNETES_RULES } from "../../rules/kubernetes/rules";
import { hardenedPodSpec, setPath, workloadOf } from "../fixtures/workloads";
import { DirectResource, policyArgs } from "../support/analyzer/policy-args";
import { VIOLATIONS, mutate } from "./kubernetes-mutations";

const TYPE = "kubernetes:apps/v1:Deployment";
const POD = "kubernetes:core/v1:Pod";

/** A Deployment (or Pod) with every change of `rules` applied (so rules that cover others meet). */
function deployment(
  rules: readonly string[],
  extra?: (o: Record<string, unknown>) => void,
  kind = "Deployment",
) {
  const spec = hardenedPodSpec();
  const object = workloadOf(kind, spec) as Record<string, unknown>;
  object.apiVersion = kind === "Pod" ? "v1" : "apps/v1";
  for (const id of rules) {
    mutate(object, spec, VIOLATIONS[id]);
  }
  extra?.(object);
  return object;
}

const EVERY_VIOLATION = Object.keys(VIOLATIONS);

/** Resources and settings on which shared and per-rule evaluation must agree. */
const CASES: readonly { readonly name: string; readonly resource: DirectResource }[] = [
  ...EVERY_VIOLATION.map((id) => ({
    name: `violating ${id}`,
    resource: {
      type: id === "bare-pod" ? POD : TYPE,
      props: deployment([id], undefined, id === "bare-pod" ? "Pod" : "Deployment"),
      config: VIOLATIONS[id].config ?? {},
    },
  })),
  {
    name: "every violation at once (covering rules meet the rules they cover)",
    resource: { type: TYPE, props: deployment(EVERY_VIOLATION) },
  },
  {
    name: "every violation, baseline profile",
    resource: { type: TYPE, props: deployment(EVERY_VIOLATION), config: { profile: "baseline" } },
  },
  {
    name: "every violation, pssVersion v1.25 and a registry list",
    resource: {
      type: TYPE,
      props: deployment(EVERY_VIOLATION),
      config: { pssVersion: "v1.25", allowedRegistries: ["ghcr.io/acme"], minUid: 5000 },
    },
  },
  {
    name: "configured exemptions, for the resource and for one container",
    resource: {
      type: TYPE,
      props: deployment(EVERY_VIOLATION),
      config: {
        exemptions: [
          { rule: "privileged", reason: "CNI" },
          { rule: "capabilities-restricted", reason: "needs it", container: "app" },
          { rule: "dangerous-capabilities", reason: "debug", urn: "urn:pulumi:*::*::*::other" },
        ],
      },
    },
  },
  {
    name: "annotation exemptions, with and without a reason",
    resource: {
      type: TYPE,
      props: deployment(EVERY_VIOLATION, (o) => {
        setPath(o, 'metadata.annotations["hardened.dev/exempt"]', "privileged,host-ports:app");
        setPath(o, 'metadata.annotations["hardened.dev/exempt-reason"]', "CNI plugin");
      }),
    },
  },
  {
    name: "unknown values in metadata and in a container",
    resource: {
      type: TYPE,
      props: deployment(EVERY_VIOLATION, (o) => {
        setPath(o, "metadata.annotations.a", UNKNOWN);
        setPath(o, "spec.template.spec.containers[0].image", UNKNOWN);
        setPath(o, "spec.template.spec.securityContext", UNKNOWN);
      }),
    },
  },
  {
    name: "secret values",
    resource: {
      type: TYPE,
      props: deployment(EVERY_VIOLATION, (o) => {
        setPath(o, "metadata.labels.team", secret("payments"));
        setPath(
          o,
          "spec.template.spec.containers[0].securityContext",
          secret({ privileged: true }),
        );
      }),
    },
  },
];

/**
 * The args the SDK builds for a policy once `shareAnalyzeDeserialization` is on: properties from
 * the shared deserialization, as every policy of the request gets them.
 */
function sharedArgs(resource: DirectResource): ResourceValidationArgs {
  const struct = serializeProperties(resource.props);
  const props = unknownCheckingProxy(sdkDeserializeProperties()!(struct, false));
  return { ...policyArgs(resource), props };
}

describe("Kubernetes rule evaluation shared by the pack's policies", () => {
  before(() => {
    assert.equal(shareAnalyzeDeserialization(), true);
  });

  for (const { name, resource } of CASES) {
    it(`gives every rule exactly its findings evaluated alone: ${name}`, () => {
      const evaluator = new KubernetesResourceEvaluator(KUBERNETES_RULES);
      const shared = sharedArgs(resource);
      const together = KUBERNETES_RULES.map((rule) => evaluator.evaluate(rule, shared));
      const alone = KUBERNETES_RULES.map((rule) =>
        new KubernetesResourceEvaluator([rule]).evaluate(rule, policyArgs(resource)),
      );
      assert.deepStrictEqual(together, alone);
      assert.ok(
        together.flat().length > 0 || name.startsWith("unknown"),
        "the case should produce findings",
      );
    });
  }

  it("evaluates the rules a few times per request, not once per policy", () => {
    const evaluator = new KubernetesResourceEvaluator(KUBERNETES_RULES);
    const module = evaluateModule as { evaluateWorkload: typeof evaluateModule.evaluateWorkload };
    const real = module.evaluateWorkload;
    let calls = 0;
    module.evaluateWorkload = (...args) => {
      calls++;
      return real(...args);
    };
    try {
      const args = sharedArgs({ type: TYPE, props: deployment(EVERY_VIOLATION) });
      KUBERNETES_RULES.forEach((rule) => evaluator.evaluate(rule, args));
      const shared = calls;
      calls = 0;
      const copy = policyArgs({ type: TYPE, props: deployment(EVERY_VIOLATION) });
      KUBERNETES_RULES.forEach((rule) => evaluator.evaluate(rule, copy));
      assert.ok(shared > 0 && shared <= KUBERNETES_RULES.length / 4, `${shared} evaluations`);
      assert.equal(calls, KUBERNETES_RULES.length, "properties the SDK did not share");
    } finally {
      module.evaluateWorkload = real;
    }
  });

  it("keeps evaluations apart for different settings on the same request", () => {
    const evaluator = new KubernetesResourceEvaluator(KUBERNETES_RULES);
    const resource: DirectResource = { type: TYPE, props: deployment(EVERY_VIOLATION) };
    const args = sharedArgs(resource);
    const withConfig = (config: Record<string, unknown>) => ({
      ...args,
      getConfig: <T>() => config as T,
    });
    const ids = (findings: Finding[]) => findings.map((f) => f.ruleId);
    const hardened = KUBERNETES_RULES.flatMap((r) => ids(evaluator.evaluate(r, args)));
    const baseline = KUBERNETES_RULES.flatMap((r) =>
      ids(evaluator.evaluate(r, withConfig({ profile: "baseline" }))),
    );
    assert.ok(baseline.length > 0 && baseline.length < hardened.length);
    assert.ok(hardened.includes("run-as-non-root") && !baseline.includes("run-as-non-root"));
  });
});
