import { strict as assert } from "assert";
import { hardenPodSpec } from "../../../components/harden-pod-spec";
import { HardenedDeploymentArgs } from "../../../components/hardened-deployment";
import { ruleFixDefaults } from "../../../components/hardened-deployment/rule-fix-defaults";
import { evaluateWorkload } from "../../../rules/kubernetes/evaluate";
import { PodSpecFix, applyFixes } from "../../../rules/kubernetes/pod-spec-fixes";
import { KUBERNETES_RULES } from "../../../rules/kubernetes/rules";
import { KubernetesObject } from "../../../rules/kubernetes/types";
import { WORKLOAD_KINDS } from "../../../rules/kubernetes/workload-kinds";
import { PROFILES } from "../../../rules/profile";
import { workloadOf } from "../../fixtures/workloads";
import { COMPLETE, IMAGE, PROBE, deploy, deploymentOf, podSpecOf } from "./fixtures";
import { CapturedResource, captureResources } from "./mocks";

type Plain = Record<string, unknown>;

const FIXABLE = KUBERNETES_RULES.filter((r) => r.fix !== undefined);
const FIXABLE_IDS = FIXABLE.map((r) => r.id);
const FIXES: readonly PodSpecFix[] = FIXABLE.map((r) => r.fix as PodSpecFix);
const LISTS = ["initContainers", "containers", "ephemeralContainers"];
const SIDECAR_PROBE = { httpGet: { path: "/healthz", port: 9090 } };

/** Findings, in any profile, of the rules that carry a fix, as `profile rule path`. */
function fixableFindings(object: KubernetesObject): string[] {
  return PROFILES.flatMap((profile) =>
    evaluateWorkload(object, { profile })
      .filter((f) => FIXABLE_IDS.includes(f.ruleId))
      .map((f) => `${profile} ${f.ruleId} ${f.path}`),
  );
}

/**
 * `spec` with the pod's securityContext fields copied into every container's, under the
 * container's own: what each container runs with, wherever the value is written.
 */
function effective(spec: Plain): Plain {
  const pod = (spec.securityContext ?? {}) as Plain;
  const out: Plain = { ...spec };
  for (const list of LISTS) {
    if (Array.isArray(spec[list])) {
      out[list] = (spec[list] as Plain[]).map((c) => ({
        ...c,
        securityContext: { ...pod, ...((c.securityContext ?? {}) as Plain) },
      }));
    }
  }
  return out;
}

describe("the hardened defaults come from the rules' fixes", () => {
  let captured: CapturedResource[];
  beforeEach(() => {
    captured = captureResources();
  });

  it("some rules carry a fix, and one pass of them reaches a pod no fix changes", () => {
    assert.ok(FIXABLE.length > 0);
    const fixed = applyFixes({ containers: [{}] }, FIXES);
    for (const rule of FIXABLE) {
      assert.equal(rule.fix?.(fixed), undefined, rule.id);
    }
    const defaults = ruleFixDefaults();
    const placed = effective({
      ...defaults.podSpec,
      securityContext: defaults.podSecurityContext,
      containers: [{ securityContext: defaults.containerSecurityContext }],
    });
    const asFixed = effective(fixed);
    // Fields a container inherits move to the pod; each container still runs with the same.
    assert.deepEqual(placed.containers, asFixed.containers);
    assert.deepEqual(
      { ...placed, containers: undefined, securityContext: undefined },
      { ...asFixed, containers: undefined, securityContext: undefined },
    );
    for (const [field, value] of Object.entries((fixed.securityContext ?? {}) as Plain)) {
      assert.deepEqual(defaults.podSecurityContext[field], value, field);
    }
  });

  const ARGS: HardenedDeploymentArgs = {
    ...COMPLETE,
    sidecars: [
      {
        name: "side",
        image: IMAGE,
        resources: "small",
        ports: [{ port: 9090 }],
        livenessProbe: SIDECAR_PROBE,
        readinessProbe: SIDECAR_PROBE,
      },
    ],
    initContainers: [{ name: "init", image: IMAGE, resources: "small" }],
  };

  it("a HardenedDeployment with its defaults reports none of the rules that carry a fix", async () => {
    await deploy(ARGS);
    assert.deepEqual(fixableFindings(deploymentOf(captured)), []);
  });

  it("a HardenedDeployment with its defaults already holds every value the fixes write", async () => {
    await deploy(ARGS);
    const spec = podSpecOf(captured);
    assert.deepEqual(
      ["initContainers", "containers"].map((list) => (spec[list] as Plain[]).length),
      [1, 2],
    );
    for (const rule of FIXABLE) {
      // The only change a fix may make is to write into a container what it inherits already.
      const fixed = rule.fix?.(spec) ?? spec;
      assert.deepEqual(effective(fixed), effective(spec), rule.id);
    }
  });

  it("hardenPodSpec with its defaults reports none of them, on every workload kind", () => {
    const container = (name: string): Plain => ({
      name,
      image: IMAGE,
      resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "128Mi" } },
      livenessProbe: PROBE,
      readinessProbe: PROBE,
    });
    for (const kind of WORKLOAD_KINDS) {
      const spec = hardenPodSpec(
        {
          serviceAccountName: "app",
          initContainers: [{ name: "init", image: IMAGE, resources: container("x").resources }],
          containers: [container("app")],
          ephemeralContainers: [{ name: "debug", image: IMAGE }],
        },
        { workload: { kind, name: "app", namespace: "shop" } },
      );
      assert.deepEqual(fixableFindings(workloadOf(kind, spec)), [], kind);
      for (const rule of FIXABLE) {
        const fixed = rule.fix?.(spec) ?? spec;
        assert.deepEqual(effective(fixed), effective(spec), `${kind} ${rule.id}`);
      }
    }
  });
});
