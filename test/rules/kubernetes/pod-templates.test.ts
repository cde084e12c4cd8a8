import { strict as assert } from "assert";
import { evaluateWorkload } from "../../../rules/kubernetes/evaluate";
import { readPodTemplates } from "../../../rules/kubernetes/pod-templates";
import { KubernetesObject } from "../../../rules/kubernetes/types";

/** A pod template whose one container is privileged: `privileged` reports it at every profile. */
const TEMPLATE = {
  metadata: { labels: { app: "web" } },
  spec: { containers: [{ name: "app", image: "app:1", securityContext: { privileged: true } }] },
};

/** Sets `value` at the dotted `path` of a new object. */
function at(path: string, value: unknown): Record<string, unknown> {
  return path
    .split(".")
    .reverse()
    .reduce<Record<string, unknown>>(
      (inner, key) => ({ [key]: inner }),
      value as Record<string, unknown>,
    );
}

function privilegedPaths(object: KubernetesObject, podTemplates = {}): (string | undefined)[][] {
  return evaluateWorkload(object, { profile: "baseline", ...podTemplates })
    .filter((f) => f.ruleId === "privileged")
    .map((f) => [f.kind, f.path]);
}

describe("pod templates in kinds beyond the core workloads", () => {
  const builtIn: readonly [apiVersion: string, kind: string, template: string][] = [
    ["argoproj.io/v1alpha1", "Rollout", "spec.template"],
    ["serving.knative.dev/v1", "Service", "spec.template"],
    ["serving.knative.dev/v1", "Configuration", "spec.template"],
    ["apps.openshift.io/v1", "DeploymentConfig", "spec.template"],
    ["v1", "DeploymentConfig", "spec.template"],
    ["keda.sh/v1alpha1", "ScaledJob", "spec.jobTargetRef.template"],
  ];
  for (const [apiVersion, kind, template] of builtIn) {
    it(`evaluates a ${apiVersion} ${kind} at its pod template ${template}`, () => {
      const object = { apiVersion, kind, metadata: { name: "web" }, ...at(template, TEMPLATE) };
      assert.deepEqual(privilegedPaths(object), [
        [kind, `${template}.spec.containers[0].securityContext.privileged`],
      ]);
    });
  }

  it("leaves a core v1 Service, and a kind of another group, alone", () => {
    assert.deepEqual(
      privilegedPaths({ apiVersion: "v1", kind: "Service", ...at("spec.template", TEMPLATE) }),
      [],
    );
    assert.deepEqual(
      privilegedPaths({
        apiVersion: "example.com/v1",
        kind: "Rollout",
        ...at("spec.template", TEMPLATE),
      }),
      [],
    );
  });

  it("evaluates a custom kind declared in podTemplates, at the declared version or any with /*", () => {
    const object = {
      apiVersion: "acme.dev/v2",
      kind: "Worker",
      ...at("spec.runner.template", TEMPLATE),
    };
    const path = "spec.runner.template.spec.containers[0].securityContext.privileged";
    for (const apiVersion of ["acme.dev/v2", "acme.dev/*"]) {
      assert.deepEqual(
        privilegedPaths(object, {
          podTemplates: [{ apiVersion, kind: "Worker", path: "spec.runner.template" }],
        }),
        [["Worker", path]],
      );
    }
    assert.deepEqual(
      privilegedPaths(object, {
        podTemplates: [{ apiVersion: "acme.dev/v1", kind: "Worker", path: "spec.runner.template" }],
      }),
      [],
    );
    assert.deepEqual(privilegedPaths(object), []);
  });

  it("reads a podTemplates setting and names the entry and field that is wrong", () => {
    assert.deepEqual(
      readPodTemplates(
        [{ apiVersion: "acme.dev/*", kind: "Worker", path: "spec.template" }],
        "podTemplates",
      ),
      [{ apiVersion: "acme.dev/*", kind: "Worker", path: "spec.template" }],
    );
    const cases: readonly [value: unknown, message: string][] = [
      [{}, "podTemplates: expected a list of {apiVersion, kind, path}, got object"],
      [["x"], "podTemplates[0]: expected a mapping with apiVersion, kind and path"],
      [
        [{ apiVersion: "acme.dev/v1", kind: "Worker", path: "spec.template[0]" }],
        'podTemplates[0].path: "spec.template[0]" is not a dotted field path like "spec.template"',
      ],
      [
        [{ apiVersion: "Acme", kind: "Worker", path: "spec.template" }],
        'podTemplates[0].apiVersion: "Acme" is not an API version like "example.com/v1", "example.com/*" or "v1"',
      ],
      [
        [{ apiVersion: "acme.dev/v1", path: "spec.template" }],
        'podTemplates[0].kind: undefined is not a kind like "Rollout"',
      ],
      [
        [{ apiVersion: "acme.dev/v1", kind: "Worker", path: "spec.template", group: "x" }],
        "podTemplates[0].group: unknown field; expected apiVersion, kind and path",
      ],
    ];
    for (const [value, message] of cases) {
      assert.throws(() => readPodTemplates(value, "podTemplates"), { message });
    }
  });
});
