import { strict as assert } from "assert";
import { effectiveId } from "../../../rules/kubernetes/effective-security";
import { resolveKubernetesRuleOptions } from "../../../rules/kubernetes/options";
import { podContextOf } from "../../../rules/kubernetes/pod-context";
import { workloadOf } from "../../fixtures/workloads";

describe("effectiveId", () => {
  const cases: readonly [
    title: string,
    pod: unknown,
    container: unknown,
    expected: ReturnType<typeof effectiveId>,
  ][] = [
    [
      "the container's own value wins",
      1,
      2,
      {
        value: 2,
        source: "container",
        path: "spec.template.spec.containers[0].securityContext.runAsGroup",
      },
    ],
    [
      "a container value of 0 still wins",
      5,
      0,
      {
        value: 0,
        source: "container",
        path: "spec.template.spec.containers[0].securityContext.runAsGroup",
      },
    ],
    [
      "the pod's value is inherited",
      7,
      undefined,
      { value: 7, source: "pod", path: "spec.template.spec.securityContext.runAsGroup" },
    ],
    [
      "a value that is not a number counts as unset",
      "7",
      "8",
      {
        value: undefined,
        source: "unset",
        path: "spec.template.spec.containers[0].securityContext.runAsGroup",
      },
    ],
  ];
  for (const [title, podValue, containerValue, expected] of cases) {
    it(title, () => {
      const workload = workloadOf("Deployment", {
        securityContext: { runAsGroup: podValue },
        containers: [{ name: "app", securityContext: { runAsGroup: containerValue } }],
      });
      const pod = podContextOf(workload, "Deployment", resolveKubernetesRuleOptions());
      assert.deepEqual(effectiveId(pod.containers[0], pod, "runAsGroup"), expected);
    });
  }
});
