import { strict as assert } from "assert";
import { evaluateWorkload } from "../../../rules/kubernetes/evaluate";
import { PROFILES } from "../../../rules/profile";
import { WORKLOAD_KINDS } from "../../../rules/kubernetes/workload-kinds";
import { UnknownValueError } from "../../../rules/unknown";
import { hardenedPodSpec, hardenedWorkloads, setPath, workloadOf } from "../../fixtures/workloads";

describe("evaluateWorkload", () => {
  for (const profile of PROFILES) {
    it(`finds nothing in a fully hardened workload of every kind (${profile})`, () => {
      for (const workload of hardenedWorkloads()) {
        assert.deepEqual(evaluateWorkload(workload, { profile }), [], `${workload.kind}`);
      }
    });
  }

  it("ignores objects that are not workloads", () => {
    assert.deepEqual(
      evaluateWorkload({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" } }),
      [],
    );
  });

  it("reports a violation at its real path in every kind and every container list", () => {
    for (const kind of WORKLOAD_KINDS) {
      for (const [list, name] of [
        ["initContainers", "init"],
        ["containers", "app"],
        ["ephemeralContainers", "debug"],
      ]) {
        const spec = hardenedPodSpec();
        setPath(spec, `${list}[0].securityContext.privileged`, true);
        const findings = evaluateWorkload(workloadOf(kind, spec));
        const podPath =
          kind === "Pod"
            ? "spec"
            : kind === "PodTemplate"
              ? "template.spec"
              : kind === "CronJob"
                ? "spec.jobTemplate.spec.template.spec"
                : "spec.template.spec";
        assert.deepEqual(
          findings.map((f) => [f.ruleId, f.path, f.container, f.kind, f.name, f.namespace]),
          [
            [
              "privileged",
              `${podPath}.${list}[0].securityContext.privileged`,
              name,
              kind,
              "app",
              "shop",
            ],
          ],
        );
      }
    }
  });

  it("skips a rule for a container whose value is not known yet, and only that container", () => {
    const spec = hardenedPodSpec();
    setPath(spec, "containers[0].securityContext.privileged", true);
    const init = (spec.initContainers as Record<string, unknown>[])[0];
    Object.defineProperty(init, "securityContext", {
      get() {
        throw new UnknownValueError("spec.initContainers[0].securityContext");
      },
    });
    const findings = evaluateWorkload(workloadOf("Pod", spec), { profile: "baseline" });
    assert.deepEqual(
      findings.map((f) => f.path),
      ["spec.containers[0].securityContext.privileged"],
    );
  });
});
