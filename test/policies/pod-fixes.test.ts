import { strict as assert } from "assert";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { hardenedPolicies } from "../../policies/pack";
import {
  disableServiceAccountTokenAutomount,
  disallowPrivilegeEscalation,
  dropAllCapabilities,
  fixWorkload,
  setReadOnlyRootFilesystem,
  setRunAsNonRoot,
  setSeccompRuntimeDefault,
} from "../../policies/pod-fixes";
import { UNKNOWN, secret } from "../../preview/analyzer/properties";
import { evaluateWorkload } from "../../rules/kubernetes/evaluate";
import { policyArgs } from "../support/analyzer/policy-args";
import { hardenedPodSpec, setPath, workloadOf } from "../fixtures/workloads";

type Spec = Record<string, unknown>;

describe("pod spec fixes", () => {
  const bare = (): Spec => ({
    containers: [
      { name: "app", image: "a" },
      { name: "side", securityContext: { runAsUser: 1 } },
    ],
    initContainers: [{ name: "init", securityContext: { allowPrivilegeEscalation: true } }],
  });

  const cases: [string, (s: Spec) => Spec | undefined, string, unknown][] = [
    [
      "read-only root filesystem",
      setReadOnlyRootFilesystem,
      "securityContext.readOnlyRootFilesystem",
      true,
    ],
    [
      "no privilege escalation",
      disallowPrivilegeEscalation,
      "securityContext.allowPrivilegeEscalation",
      false,
    ],
    ["run as non-root", setRunAsNonRoot, "securityContext.runAsNonRoot", true],
    ["drop ALL", dropAllCapabilities, "securityContext.capabilities.drop", ["ALL"]],
  ];
  for (const [name, fix, field, value] of cases) {
    it(`${name}: sets ${field} in every container of every list, keeping other fields`, () => {
      const input = bare();
      const before = JSON.stringify(input);
      const out = fix(input);
      assert.equal(JSON.stringify(input), before, "input must not change");
      assert.ok(out);
      for (const list of ["initContainers", "containers"]) {
        for (const c of out[list] as Spec[]) {
          const read: unknown = field
            .split(".")
            .reduce<unknown>((n, k) => (n as Spec | undefined)?.[k], c);
          assert.deepEqual(read, value, `${list} ${String(c.name)}`);
        }
      }
      assert.equal(((out.containers as Spec[])[1].securityContext as Spec).runAsUser, 1);
      assert.equal(fix(out), undefined, "a fixed spec needs no further change");
    });
  }

  it("seccomp: sets the pod default and replaces Unconfined containers only", () => {
    const spec: Spec = {
      containers: [
        { name: "a", securityContext: { seccompProfile: { type: "Unconfined" } } },
        {
          name: "b",
          securityContext: { seccompProfile: { type: "Localhost", localhostProfile: "p.json" } },
        },
      ],
    };
    const out = setSeccompRuntimeDefault(spec);
    assert.deepEqual(out, {
      securityContext: { seccompProfile: { type: "RuntimeDefault" } },
      containers: [
        { name: "a", securityContext: { seccompProfile: { type: "RuntimeDefault" } } },
        {
          name: "b",
          securityContext: { seccompProfile: { type: "Localhost", localhostProfile: "p.json" } },
        },
      ],
    });
    assert.equal(setSeccompRuntimeDefault(out ?? {}), undefined);
  });

  it("service account token: sets automountServiceAccountToken false", () => {
    assert.deepEqual(disableServiceAccountTokenAutomount({ containers: [] }), {
      containers: [],
      automountServiceAccountToken: false,
    });
    assert.equal(
      disableServiceAccountTokenAutomount({ automountServiceAccountToken: false }),
      undefined,
    );
  });

  it("leave values that are not plain objects (secrets, unknowns) alone", () => {
    const opaque = { value: "x" };
    Object.setPrototypeOf(opaque, class Secret {}.prototype);
    const spec: Spec = {
      containers: [
        { name: "a", securityContext: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" },
        { name: "b", securityContext: opaque },
        "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
      ],
    };
    assert.equal(setReadOnlyRootFilesystem(spec), undefined);
  });

  it("fixWorkload reaches the pod spec of every workload kind", () => {
    for (const kind of ["Pod", "PodTemplate", "Deployment", "CronJob"]) {
      const spec = hardenedPodSpec();
      setPath(spec, "containers[0].securityContext.readOnlyRootFilesystem", false);
      const fixed = fixWorkload(workloadOf(kind, spec) as Spec, kind, setReadOnlyRootFilesystem);
      assert.ok(fixed, kind);
      assert.deepEqual(
        evaluateWorkload(fixed).map((f) => f.ruleId),
        [],
        kind,
      );
    }
    assert.equal(
      fixWorkload({ kind: "ConfigMap" }, "ConfigMap", setReadOnlyRootFilesystem),
      undefined,
    );
  });
});

describe("remediating policies", () => {
  const policies = new Map(
    hardenedPolicies().map((p) => [p.name, p as ResourceValidationPolicy] as const),
  );
  const type = "kubernetes:apps/v1:Deployment";

  it("fix a violating workload, keeping secrets and unknown values as they are", async () => {
    const spec = hardenedPodSpec();
    setPath(spec, "containers[0].securityContext.readOnlyRootFilesystem", false);
    setPath(spec, "containers[0].env", [{ name: "DB_PASSWORD", value: secret("hunter2") }]);
    setPath(spec, "initContainers[0].image", UNKNOWN);
    const remediate = policies.get("read-only-root-filesystem")?.remediateResource;
    assert.ok(remediate);
    const fixed = (await remediate(
      policyArgs({ type, props: workloadOf("Deployment", spec) }, "remediate"),
    )) as Spec;
    assert.ok(fixed);
    const podSpec = (fixed.spec as Spec).template as Spec;
    const containers = (podSpec.spec as Spec).containers as Spec[];
    assert.equal((containers[0].securityContext as Spec).readOnlyRootFilesystem, true);
    const env = (containers[0].env as Spec[])[0];
    assert.equal(env.value?.constructor.name, "Secret");
    assert.equal((env.value as { value: unknown }).value, "hunter2");
    const init = ((podSpec.spec as Spec).initContainers as Spec[])[0];
    assert.equal(init.image, "04da6b54-80e4-46f7-96ec-b56ff0331ba9");
  });

  it("leave compliant and exempted workloads unchanged", async () => {
    const remediate = policies.get("allow-privilege-escalation")?.remediateResource;
    assert.ok(remediate);
    assert.equal(
      await remediate(policyArgs({ type, props: workloadOf("Deployment") }, "remediate")),
      undefined,
    );
    const spec = hardenedPodSpec();
    setPath(spec, "containers[0].securityContext.allowPrivilegeEscalation", true);
    const config = {
      exemptions: [
        { rule: "allow-privilege-escalation", reason: "sudo-based tool", container: "app" },
      ],
    };
    assert.equal(
      await remediate(
        policyArgs({ type, props: workloadOf("Deployment", spec), config }, "remediate"),
      ),
      undefined,
    );
  });
});
