import { strict as assert } from "assert";
import { evaluateWorkload } from "../../../rules/kubernetes/evaluate";
import { KubernetesObject } from "../../../rules/kubernetes/types";
import { UnknownValueError } from "../../../rules/unknown";
import { Profile } from "../../../rules/profile";

const PRIVILEGED = { securityContext: { privileged: true } };

/** A Workflow of `kind` whose WorkflowSpec is `spec` (under `spec.workflowSpec` for a CronWorkflow). */
function workflow(spec: Record<string, unknown>, kind = "Workflow"): KubernetesObject {
  return {
    apiVersion: "argoproj.io/v1alpha1",
    kind,
    metadata: { name: "wf" },
    spec: kind === "CronWorkflow" ? { schedules: ["0 * * * *"], workflowSpec: spec } : spec,
  };
}

/** `[ruleId, path, container]` of the findings of `ruleIds`. */
function found(
  object: KubernetesObject,
  ruleIds: readonly string[],
  profile: Profile = "hardened",
): (string | null | undefined)[][] {
  return evaluateWorkload(object, { profile })
    .filter((f) => ruleIds.includes(f.ruleId))
    .map((f) => [f.ruleId, f.path, f.container]);
}

describe("Argo Workflows: one pod for each template that runs containers", () => {
  const kinds: readonly [kind: string, spec: string][] = [
    ["Workflow", "spec"],
    ["WorkflowTemplate", "spec"],
    ["ClusterWorkflowTemplate", "spec"],
    ["CronWorkflow", "spec.workflowSpec"],
  ];
  for (const [kind, spec] of kinds) {
    it(`evaluates the templates of a ${kind} at ${spec}.templates`, () => {
      const object = workflow(
        { templates: [{ name: "run", container: { image: "app:1", ...PRIVILEGED } }] },
        kind,
      );
      assert.deepEqual(found(object, ["privileged"], "baseline"), [
        ["privileged", `${spec}.templates[0].container.securityContext.privileged`, "main"],
      ]);
    });
  }

  it("leaves objects of those kinds in another API group alone", () => {
    const object = {
      ...workflow({ templates: [{ name: "run", container: { image: "app:1", ...PRIVILEGED } }] }),
      apiVersion: "example.com/v1",
    };
    assert.deepEqual(evaluateWorkload(object), []);
  });

  it("names the main container of a container or script template main, as the controller does, without changing the object", () => {
    const container = { image: "app:1", ...PRIVILEGED };
    const object = workflow({
      templates: [
        { name: "a", container },
        { name: "b", script: { image: "python:3", source: "print(1)", ...PRIVILEGED } },
      ],
    });
    assert.deepEqual(found(object, ["privileged"], "baseline"), [
      ["privileged", "spec.templates[0].container.securityContext.privileged", "main"],
      ["privileged", "spec.templates[1].script.securityContext.privileged", "main"],
    ]);
    assert.equal("name" in container, false);
  });

  it("evaluates containerSet containers, sidecars and initContainers by their own names", () => {
    const object = workflow({
      templates: [
        {
          name: "set",
          containerSet: {
            containers: [
              { name: "a", image: "app:1" },
              { name: "b", image: "app:1", ...PRIVILEGED },
            ],
          },
        },
        {
          name: "with-helpers",
          container: { image: "app:1" },
          initContainers: [{ name: "setup", image: "app:1", ...PRIVILEGED }],
          sidecars: [{ name: "dind", image: "docker:dind", ...PRIVILEGED }],
        },
      ],
    });
    assert.deepEqual(found(object, ["privileged"], "baseline"), [
      [
        "privileged",
        "spec.templates[0].containerSet.containers[1].securityContext.privileged",
        "b",
      ],
      ["privileged", "spec.templates[1].initContainers[0].securityContext.privileged", "setup"],
      ["privileged", "spec.templates[1].sidecars[0].securityContext.privileged", "dind"],
    ]);
  });

  it("makes no pod of steps, dag, suspend, resource, data and http templates", () => {
    const object = workflow({
      hostNetwork: true,
      templates: [
        { name: "main", steps: [[{ name: "a", template: "wait" }]] },
        { name: "graph", dag: { tasks: [{ name: "a", template: "wait" }] } },
        { name: "wait", suspend: { duration: "10s" } },
        { name: "create", resource: { action: "create", manifest: "kind: ConfigMap" } },
        { name: "http", http: { url: "https://example.com" } },
      ],
    });
    assert.deepEqual(evaluateWorkload(object, { profile: "baseline" }), []);
  });

  it("reports a field of the workflow spec once, at the workflow spec, however many templates share it", () => {
    const object = workflow({
      hostNetwork: true,
      templates: [
        { name: "a", container: { image: "app:1" } },
        { name: "b", container: { image: "app:1" } },
      ],
    });
    assert.deepEqual(found(object, ["host-namespaces"], "baseline"), [
      ["host-namespaces", "spec.hostNetwork", null],
    ]);
  });

  it("takes the pod security context from the template when it has one, else from the workflow spec, never merged", () => {
    const secure = {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
    };
    const spec = (template: Record<string, unknown>) =>
      workflow({
        ...secure,
        templates: [{ name: "a", container: { image: "app:1" }, ...template }],
      });
    assert.deepEqual(found(spec({}), ["run-as-non-root"], "restricted"), []);
    assert.deepEqual(
      found(spec({ securityContext: { runAsUser: 10001 } }), ["run-as-non-root"], "restricted"),
      [["run-as-non-root", "spec.templates[0].container.securityContext.runAsNonRoot", "main"]],
    );
  });

  it("reports an unset workflow-wide setting at the workflow spec, and a template's own at the template", () => {
    const object = workflow({
      templates: [
        { name: "a", container: { image: "app:1" } },
        { name: "b", container: { image: "app:1" }, automountServiceAccountToken: true },
      ],
    });
    assert.deepEqual(found(object, ["automount-service-account-token"]), [
      ["automount-service-account-token", "spec.automountServiceAccountToken", null],
      ["automount-service-account-token", "spec.templates[1].automountServiceAccountToken", null],
    ]);
  });

  it("counts the workflow spec's volumes and the template's in the pod", () => {
    const object = workflow({
      volumes: [{ name: "docker", hostPath: { path: "/var/run/docker.sock" } }],
      templates: [
        {
          name: "a",
          container: { image: "app:1" },
          volumes: [{ name: "host", hostPath: { path: "/etc" } }],
        },
      ],
    });
    assert.deepEqual(found(object, ["host-path-volumes"], "baseline"), [
      ["host-path-volumes", "spec.volumes[0].hostPath", null],
      ["host-path-volumes", "spec.templates[0].volumes[0].hostPath", null],
    ]);
  });

  it("applies templateDefaults under container templates, where the template does not say otherwise", () => {
    const object = workflow({
      templateDefaults: { container: { securityContext: { allowPrivilegeEscalation: false } } },
      templates: [
        { name: "a", container: { image: "app:1" } },
        {
          name: "b",
          container: { image: "app:1", securityContext: { allowPrivilegeEscalation: true } },
        },
        { name: "c", script: { image: "app:1", source: "true" } },
      ],
    });
    assert.deepEqual(found(object, ["allow-privilege-escalation"], "restricted"), [
      [
        "allow-privilege-escalation",
        "spec.templates[1].container.securityContext.allowPrivilegeEscalation",
        "main",
      ],
      [
        "allow-privilege-escalation",
        "spec.templates[2].script.securityContext.allowPrivilegeEscalation",
        "main",
      ],
    ]);
  });

  it("applies the workflow's and the template's podSpecPatch and reports what a patch sets at the patch", () => {
    const object = workflow({
      podSpecPatch: "hostPID: true\n",
      templates: [
        {
          name: "a",
          podSpecPatch: '{"containers":[{"name":"main","securityContext":{"privileged":true}}]}',
          container: { image: "app:1", securityContext: { privileged: false } },
        },
      ],
    });
    assert.deepEqual(found(object, ["privileged", "host-namespaces"], "baseline"), [
      ["host-namespaces", "spec.podSpecPatch", null],
      ["privileged", "spec.templates[0].podSpecPatch", "main"],
    ]);
  });

  it("lets a podSpecPatch fix what the template sets, and reports fields it leaves unset at the template", () => {
    const object = workflow({
      templates: [
        {
          name: "a",
          podSpecPatch: '{"containers":[{"name":"main","securityContext":{"privileged":false}}]}',
          container: { image: "app:1", ...PRIVILEGED },
        },
      ],
    });
    assert.deepEqual(found(object, ["privileged", "allow-privilege-escalation"], "restricted"), [
      [
        "allow-privilege-escalation",
        "spec.templates[0].container.securityContext.allowPrivilegeEscalation",
        "main",
      ],
    ]);
  });

  it("leaves a podSpecPatch that is not a YAML or JSON mapping unapplied", () => {
    const object = workflow({
      templates: [
        { name: "a", podSpecPatch: "{{inputs.parameters.patch}}", container: { image: "app:1" } },
      ],
    });
    assert.deepEqual(found(object, ["privileged"], "baseline"), []);
  });

  it("reads exemptions from the workflow's annotations and from a template's metadata", () => {
    const exempt = {
      annotations: {
        "hardened.dev/exempt": "privileged:main",
        "hardened.dev/exempt-reason": "builds images with BuildKit in privileged mode",
      },
    };
    const object = workflow({
      templates: [
        { name: "a", metadata: exempt, container: { image: "app:1", ...PRIVILEGED } },
        { name: "b", container: { image: "app:1", ...PRIVILEGED } },
      ],
    });
    assert.deepEqual(
      evaluateWorkload(object, { profile: "baseline" }).map((f) => [f.path, f.exempted === true]),
      [
        ["spec.templates[0].container.securityContext.privileged", true],
        ["spec.templates[1].container.securityContext.privileged", false],
      ],
    );
  });

  it("reports an exemption annotation without a reason at the template metadata", () => {
    const object = workflow({
      templates: [
        {
          name: "a",
          metadata: { annotations: { "hardened.dev/exempt": "privileged" } },
          container: { image: "app:1" },
        },
      ],
    });
    assert.deepEqual(
      evaluateWorkload(object, { profile: "baseline" }).map((f) => [f.ruleId, f.path]),
      [
        [
          "exemption-reason-required",
          'spec.templates[0].metadata.annotations["hardened.dev/exempt-reason"]',
        ],
      ],
    );
  });

  it("does not ask the steps of a workflow for readiness probes: they run to completion", () => {
    const object = workflow({ templates: [{ name: "a", container: { image: "app:1" } }] });
    assert.deepEqual(found(object, ["readiness-probe"]), []);
    assert.equal(found(object, ["liveness-probe"]).length, 1);
  });

  it("evaluates the templates that are known when another is not known yet", () => {
    const templates = [{ name: "b", container: { image: "app:1", ...PRIVILEGED } }];
    const unknownFirst = new Proxy(templates, {
      get: (target, prop, receiver) => {
        if (prop === "0") {
          throw new UnknownValueError("spec.templates[0]");
        }
        return prop === "length" ? 2 : Reflect.get(target, prop === "1" ? "0" : prop, receiver);
      },
    });
    const object = workflow({ templates: unknownFirst });
    assert.deepEqual(found(object, ["privileged"], "baseline"), [
      ["privileged", "spec.templates[1].container.securityContext.privileged", "main"],
    ]);
  });
});
