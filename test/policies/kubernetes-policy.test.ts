import { strict as assert } from "assert";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { hardenedPolicies } from "../../policies/pack";
import { KUBERNETES_WORKLOAD_TYPES } from "../../policies/kubernetes-resources";
import { readSettings } from "../../policies/settings";
import { UNKNOWN, secret } from "../../preview/analyzer/properties";
import { evaluateWorkload } from "../../rules/kubernetes/evaluate";
import { KUBERNETES_RULES } from "../../rules/kubernetes/rules";
import { KubernetesObject } from "../../rules/kubernetes/types";
import { hardenedPodSpec, setPath, workloadOf } from "../fixtures/workloads";
import { runPolicy, violationsOf } from "../support/analyzer/run-policy";
import { VIOLATIONS, mutate } from "./kubernetes-mutations";

const POLICIES = new Map(
  hardenedPolicies().map((p) => [p.name, p as ResourceValidationPolicy] as const),
);

function policy(id: string): ResourceValidationPolicy {
  const found = POLICIES.get(id);
  assert.ok(found, `no policy ${id}`);
  return found;
}

/** A workload of the kind a Pulumi type token names, with that token's apiVersion. */
function resourceOf(type: string, spec = hardenedPodSpec()): KubernetesObject {
  const [, group, kind] = type.split(":");
  const object = workloadOf(kind, spec) as Record<string, unknown>;
  object.apiVersion = group.replace(/^core\//, "");
  return object;
}

describe("Kubernetes rule policies", () => {
  it("exist for every Kubernetes rule, each with a violating change in the test table", () => {
    for (const rule of KUBERNETES_RULES) {
      assert.ok(POLICIES.has(rule.id), rule.id);
      assert.ok(VIOLATIONS[rule.id], `no violating change for ${rule.id}`);
    }
  });

  for (const type of KUBERNETES_WORKLOAD_TYPES) {
    it(`report nothing for a hardened ${type}`, async () => {
      for (const rule of KUBERNETES_RULES) {
        const outcome = await runPolicy(policy(rule.id), { type, props: resourceOf(type) });
        assert.deepEqual(violationsOf(outcome), [], `${rule.id} on ${type}`);
      }
    });
  }

  for (const rule of KUBERNETES_RULES) {
    it(`${rule.id}: reports exactly the rule's findings, at their paths, on every workload type`, async () => {
      const mutation = VIOLATIONS[rule.id];
      let reported = 0;
      for (const type of KUBERNETES_WORKLOAD_TYPES) {
        const spec = hardenedPodSpec();
        const object = resourceOf(type, spec);
        mutate(object, spec, mutation);
        const config = mutation.config ?? {};
        const expected = evaluateWorkload(object, {
          options: readSettings(rule.id, config).options,
          rules: KUBERNETES_RULES.filter((r) => r.id === rule.id),
        }).filter((f) => f.ruleId === rule.id && !f.exempted);
        const messages = violationsOf(
          await runPolicy(policy(rule.id), { type, props: object, config }),
        );
        assert.equal(
          messages.length,
          expected.length,
          `${rule.id} on ${type}: ${messages.join("; ")}`,
        );
        expected.forEach((f, i) => {
          assert.ok(messages[i].includes(`${f.path}: ${f.message}`), `${type}: ${messages[i]}`);
          if (f.container !== null) {
            assert.ok(messages[i].startsWith(`container "${f.container}": `), messages[i]);
          }
        });
        reported += messages.length;
      }
      assert.ok(reported > 0, `${rule.id} reported nothing on any workload type`);
    });
  }

  it("do not apply to resources that are not workloads, or to patches", async () => {
    for (const type of [
      "kubernetes:core/v1:ConfigMap",
      "kubernetes:apps/v1:DeploymentPatch",
      "docker:index/container:Container",
    ]) {
      assert.deepEqual(await runPolicy(policy("privileged"), { type, props: {} }), {
        notApplicable: true,
      });
    }
  });

  it("report nothing for a rule outside the configured profile", async () => {
    const spec = hardenedPodSpec();
    setPath(spec, "containers[0].securityContext.runAsNonRoot", false);
    const props = resourceOf("kubernetes:apps/v1:Deployment", spec);
    const type = "kubernetes:apps/v1:Deployment";
    assert.equal(
      violationsOf(await runPolicy(policy("run-as-non-root"), { type, props })).length,
      1,
    );
    for (const profile of ["baseline"]) {
      assert.deepEqual(
        violationsOf(
          await runPolicy(policy("run-as-non-root"), { type, props, config: { profile } }),
        ),
        [],
      );
    }
  });

  it("skip only what reads an unknown value, and never fail on unknowns", async () => {
    const type = "kubernetes:apps/v1:Deployment";
    const spec = hardenedPodSpec();
    setPath(spec, "containers[0].image", UNKNOWN);
    setPath(spec, "initContainers[0].image", "registry.example.com/team/app:1.4.2");
    const messages = violationsOf(
      await runPolicy(policy("image-digest"), { type, props: resourceOf(type, spec) }),
    );
    assert.equal(messages.length, 1);
    assert.match(
      messages[0],
      /^container "init": spec\.template\.spec\.initContainers\[0\]\.image: /,
    );

    const unknownLists = hardenedPodSpec();
    unknownLists.containers = UNKNOWN;
    unknownLists.securityContext = UNKNOWN;
    const wholeSpec = resourceOf(type, hardenedPodSpec()) as Record<string, unknown>;
    wholeSpec.spec = UNKNOWN;
    for (const props of [resourceOf(type, unknownLists), wholeSpec]) {
      for (const rule of KUBERNETES_RULES) {
        const outcome = await runPolicy(policy(rule.id), { type, props });
        assert.deepEqual(violationsOf(outcome), [], rule.id);
      }
    }
  });

  it("never put a secret value in a message", async () => {
    const type = "kubernetes:apps/v1:Deployment";
    const spec = hardenedPodSpec();
    setPath(spec, "containers[0].env", [
      { name: "DB_PASSWORD", value: secret("hunter2-secret-value") },
      { name: "API_TOKEN", value: "plain-token-value" },
    ]);
    setPath(spec, "containers[0].securityContext.privileged", true);
    const all: string[] = [];
    for (const rule of KUBERNETES_RULES) {
      all.push(
        ...violationsOf(await runPolicy(policy(rule.id), { type, props: resourceOf(type, spec) })),
      );
    }
    assert.ok(
      all.some((m) => m.includes("env[0]")),
      all.join("\n"),
    );
    for (const message of all) {
      assert.ok(!message.includes("hunter2-secret-value"), message);
      assert.ok(!message.includes("plain-token-value"), message);
    }
  });

  it("honour configured exemptions by kind, name, namespace, container and URN glob", async () => {
    const type = "kubernetes:apps/v1:StatefulSet";
    const spec = hardenedPodSpec();
    setPath(spec, "containers[0].securityContext.privileged", true);
    setPath(spec, "initContainers[0].securityContext.privileged", true);
    const props = resourceOf(type, spec);
    const reason = "the CNI installer needs it";
    const run = async (exemptions: unknown[]) =>
      violationsOf(
        await runPolicy(policy("privileged"), {
          type,
          props,
          urn: "urn:pulumi:prod::net::kubernetes:helm.sh/v4:Chart$kubernetes:apps/v1:StatefulSet::cilium",
          config: { exemptions },
        }),
      ).map((m) => m.split(":")[0]);
    assert.deepEqual(await run([]), ['container "init"', 'container "app"']);
    assert.deepEqual(
      await run([{ rule: "privileged", reason, name: "app", namespace: "sh*" }]),
      [],
    );
    assert.deepEqual(await run([{ rule: "privileged", reason, container: "init" }]), [
      'container "app"',
    ]);
    assert.deepEqual(await run([{ rule: "privileged", reason, urn: "*::cilium" }]), []);
    assert.deepEqual(
      await run([{ rule: "privileged", reason, urn: "*::other" }]).then((r) => r.length),
      2,
    );
    assert.deepEqual(await run([{ rule: "host-ports", reason }]).then((r) => r.length), 2);
    assert.deepEqual(
      await run([{ rule: "privileged", reason, kind: "Deployment" }]).then((r) => r.length),
      2,
    );
  });

  it("refuse a hardened.dev/exempt annotation for a mandatory policy by default, naming the refusal", async () => {
    const type = "kubernetes:apps/v1:DaemonSet";
    const spec = hardenedPodSpec();
    setPath(spec, "containers[0].securityContext.privileged", true);
    const props = resourceOf(type, spec) as Record<string, unknown>;
    setPath(props, 'metadata.annotations["hardened.dev/exempt"]', "privileged:app");
    setPath(props, 'metadata.annotations["hardened.dev/exempt-reason"]', "node agent");
    assert.deepEqual(violationsOf(await runPolicy(policy("privileged"), { type, props })), [
      'container "app": spec.template.spec.containers[0].securityContext.privileged: privileged is true; expected false or unset [exemption of "privileged" (container app) from annotations refused: "privileged" is mandatory, so only the platform\'s pack config may exempt it (allowExemptions.rules)]',
    ]);
  });

  it("honour the hardened.dev/exempt annotation for rules allowExemptions allows", async () => {
    const type = "kubernetes:apps/v1:DaemonSet";
    const spec = hardenedPodSpec();
    setPath(spec, "containers[0].securityContext.privileged", true);
    const props = resourceOf(type, spec) as Record<string, unknown>;
    setPath(props, 'metadata.annotations["hardened.dev/exempt"]', "privileged:app");
    setPath(props, 'metadata.annotations["hardened.dev/exempt-reason"]', "node agent");
    const allow = { allowExemptions: { rules: { allow: ["privileged"] } } };
    assert.deepEqual(
      violationsOf(await runPolicy(policy("privileged"), { type, props, config: allow })),
      [],
    );
    const audit = await runPolicy(policy("hardened"), { type, props, config: allow });
    assert.deepEqual(violationsOf(audit), [
      '"privileged" exempted by annotations (reason: node agent): container "app": spec.template.spec.containers[0].securityContext.privileged: privileged is true; expected false or unset',
    ]);
  });

  it("reject invalid settings with an error naming the policy and setting", async () => {
    const type = "kubernetes:core/v1:Pod";
    await assert.rejects(
      runPolicy(policy("privileged"), {
        type,
        props: resourceOf(type),
        config: { profile: "strict" },
      }),
      /policy "privileged", config "profile": got "strict"; expected one of "baseline", "restricted", "hardened"/,
    );
    await assert.rejects(
      runPolicy(policy("privileged"), {
        type,
        props: resourceOf(type),
        config: { pssVersion: "v1.2" },
      }),
      /config "pssVersion": got "v1\.2"; expected "latest" or v1\.25 or later/,
    );
  });
});
