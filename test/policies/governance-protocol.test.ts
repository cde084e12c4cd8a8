import { strict as assert } from "assert";
import { AnalyzedResource, PolicyConfiguration } from "../../preview/analyzer/analyzer-client";
import { hardenedPodSpec, setPath, workloadOf } from "../fixtures/workloads";
import { RunningPack, startRunningPack } from "../support/analyzer/running-pack";

const STACK = "urn:pulumi:dev::shop";

/** The Deployment of the issue: privileged, root, and exempting itself with reason "x". */
function selfExempted(parentType = ""): AnalyzedResource {
  const spec = hardenedPodSpec();
  setPath(spec, "containers[0].securityContext.privileged", true);
  setPath(spec, "containers[0].securityContext.runAsNonRoot", false);
  const props = workloadOf("Deployment", spec) as Record<string, unknown>;
  props.apiVersion = "apps/v1";
  setPath(props, 'metadata.annotations["hardened.dev/exempt"]', "privileged,run-as-non-root");
  setPath(props, 'metadata.annotations["hardened.dev/exempt-reason"]', "x");
  const type = "kubernetes:apps/v1:Deployment";
  return {
    type,
    name: "legacy",
    urn: `${STACK}::${parentType ? `${parentType}$` : ""}${type}::legacy`,
    properties: props,
  };
}

describe("governance over the Analyzer protocol: who may exempt what, every exemption visible", function () {
  this.timeout(180000);
  let running: RunningPack;
  /** Every policy at its published level, as the engine sends it after reconciling. */
  let defaults: Record<string, PolicyConfiguration>;

  const configure = (extra: Record<string, PolicyConfiguration> = {}) =>
    running.analyzer.configure({ ...defaults, ...extra });
  const summary = async (resource: AnalyzedResource) =>
    (await running.analyzer.analyze(resource)).map((d) => [
      d.policyName,
      d.enforcementLevel,
      d.message.split("\n").slice(1).join("\n"),
    ]);

  before(async () => {
    running = await startRunningPack();
    const info = await running.analyzer.getAnalyzerInfo();
    defaults = Object.fromEntries(
      info.policies.map((p) => [p.name, { enforcementLevel: p.enforcementLevel }]),
    );
  });

  after(async () => {
    await running?.stop();
  });

  it("blocks the self-exempted privileged Deployment by default, naming each refused exemption", async () => {
    await configure();
    const path = "spec.template.spec.containers[0].securityContext";
    const refused = (rule: string) =>
      `exemption of "${rule}" from annotations refused: "${rule}" is mandatory, so only the platform's pack config may exempt it (allowExemptions.rules)`;
    assert.deepEqual(await summary(selfExempted()), [
      [
        "privileged",
        "mandatory",
        `container "app": ${path}.privileged: privileged is true; expected false or unset [${refused("privileged")}]`,
      ],
      [
        "run-as-non-root",
        "mandatory",
        `container "app": ${path}.runAsNonRoot: runAsNonRoot is false; expected true (set at container level or as the pod default) [${refused("run-as-non-root")}]`,
      ],
    ]);
  });

  it("refuses the same exemptions written by HardenedDeployment args, naming the source", async () => {
    await configure();
    const diagnostics = await summary(selfExempted("hardened:index:HardenedDeployment"));
    assert.deepEqual(
      diagnostics.map(([name, level, message]) => [
        name,
        level,
        / \[(exemption .*)\]$/.exec(String(message))?.[1],
      ]),
      [
        [
          "privileged",
          "mandatory",
          'exemption of "privileged" from args refused: "privileged" is mandatory, so only the platform\'s pack config may exempt it (allowExemptions.rules)',
        ],
        [
          "run-as-non-root",
          "mandatory",
          'exemption of "run-as-non-root" from args refused: "run-as-non-root" is mandatory, so only the platform\'s pack config may exempt it (allowExemptions.rules)',
        ],
      ],
    );
  });

  it("passes it with the platform's allow-list, and shows each exemption as advisory", async () => {
    await configure({
      hardened: {
        enforcementLevel: "advisory",
        properties: { allowExemptions: { rules: { allow: ["privileged", "run-as-non-root"] } } },
      },
    });
    const path = "spec.template.spec.containers[0].securityContext";
    assert.deepEqual(await summary(selfExempted()), [
      [
        "hardened",
        "advisory",
        `"privileged" exempted by annotations (reason: x): container "app": ${path}.privileged: privileged is true; expected false or unset`,
      ],
      [
        "hardened",
        "advisory",
        `"run-as-non-root" exempted by annotations (reason: x): container "app": ${path}.runAsNonRoot: runAsNonRoot is false; expected true (set at container level or as the pod default)`,
      ],
    ]);
  });

  it("keeps the exemption report advisory when all policies are made mandatory", async () => {
    const allMandatory = Object.fromEntries(
      Object.keys(defaults).map((name) => [name, { enforcementLevel: "mandatory" as const }]),
    );
    await running.analyzer.configure({
      ...allMandatory,
      hardened: {
        enforcementLevel: "mandatory",
        properties: { allowExemptions: { rules: "any" } },
      },
    });
    const levels = (await summary(selfExempted())).map(([name, level]) => `${name} ${level}`);
    assert.deepEqual(levels, ["hardened advisory", "hardened advisory"]);
  });

  it("tells component args from annotations by the component in the URN, and honours only the allowed sources", async () => {
    await configure({
      hardened: {
        enforcementLevel: "advisory",
        properties: { allowExemptions: { rules: "any", from: ["config", "args"] } },
      },
    });
    const fromArgs = await summary(selfExempted("hardened:index:HardenedDeployment"));
    assert.deepEqual(
      fromArgs.map(([name, , message]) => `${name}: ${message.split(":")[0]}`),
      [
        'hardened: "privileged" exempted by args (reason',
        'hardened: "run-as-non-root" exempted by args (reason',
      ],
    );
    const fromAnnotations = await summary(selfExempted());
    assert.deepEqual(
      fromAnnotations.map(([name, level]) => `${name} ${level}`),
      ["privileged mandatory", "run-as-non-root mandatory"],
    );
    assert.match(
      String(fromAnnotations[0][2]),
      /\[exemption of "privileged" from annotations refused: allowExemptions\.from is \[config, args\]\]$/,
    );
  });

  it("honours exemptions from the pack-level section for mandatory policies, and reports them", async () => {
    await configure({
      hardened: {
        enforcementLevel: "advisory",
        properties: {
          exemptions: [
            { rule: "privileged", urn: "*::legacy", reason: "reviewed by platform security" },
            {
              rule: "run-as-non-root",
              kind: "Deployment",
              reason: "reviewed by platform security",
            },
          ],
        },
      },
    });
    const diagnostics = await summary(selfExempted());
    assert.deepEqual(
      diagnostics.map(
        ([name, level, message]) => `${name} ${level} ${String(message).split(":")[0]}`,
      ),
      [
        'hardened advisory "privileged" exempted by config (reason',
        'hardened advisory "run-as-non-root" exempted by config (reason',
      ],
    );
  });

  it("applies the pack-level section to every policy, a policy's own settings over it", async () => {
    const spec = hardenedPodSpec();
    setPath(spec, "containers[0].image", "registry.example.com/team/app@sha256:" + "a".repeat(64));
    const props = workloadOf("Deployment", spec) as Record<string, unknown>;
    props.apiVersion = "apps/v1";
    const resource = {
      type: "kubernetes:apps/v1:Deployment",
      name: "app",
      urn: `${STACK}::kubernetes:apps/v1:Deployment::app`,
      properties: props,
    };
    await configure({
      hardened: {
        enforcementLevel: "advisory",
        properties: { allowedRegistries: ["ghcr.io/acme"] },
      },
    });
    assert.deepEqual(
      (await summary(resource)).map(([name]) => name),
      ["allowed-registries", "allowed-registries", "allowed-registries"],
    );
    await configure({
      hardened: {
        enforcementLevel: "advisory",
        properties: { allowedRegistries: ["ghcr.io/acme"] },
      },
      "allowed-registries": {
        enforcementLevel: "advisory",
        properties: { allowedRegistries: ["registry.example.com"] },
      },
    });
    assert.deepEqual(await summary(resource), []);
  });

  it("refuses a wrong-typed value at configuration with one line naming the policy, setting and what is allowed", async () => {
    await assert.rejects(
      configure({ "high-uid": { enforcementLevel: "advisory", properties: { minUid: "abc" } } }),
      (error: Error) =>
        error.message.endsWith(
          'policy pack hardened-containers, policy "high-uid", config "minUid": got "abc"; expected an integer of 1 or more',
        ) && !error.message.includes("\n"),
    );
    await assert.rejects(
      configure({
        hardened: {
          enforcementLevel: "advisory",
          properties: { allowExemptions: { rules: { allow: ["privilegd"] } } },
        },
      }),
      (error: Error) =>
        error.message.endsWith(
          'policy pack hardened-containers, policy "hardened", config "allowExemptions.rules.allow": "privilegd" is not a rule id (exact ids, no globs)',
        ),
    );
  });

  it("warns about misspelt policy names and settings, with the closest valid name", async () => {
    const before = running.pack.stderr().length;
    await configure({
      privilegd: { enforcementLevel: "mandatory" },
      all: { enforcementLevel: "mandatory", properties: { profile: "restricted" } },
      hardened: { enforcementLevel: "advisory", properties: { allowedRegistry: ["ghcr.io"] } },
    });
    assert.deepEqual(running.pack.stderr().slice(before).trim().split("\n").sort(), [
      'warning: policy pack hardened-containers, policy "hardened": setting "allowedRegistry" is unknown and ignored; did you mean "allowedRegistries"?',
      'warning: policy pack hardened-containers: "privilegd" is not a policy of this pack and is ignored; did you mean "privileged"?',
      'warning: policy pack hardened-containers: settings under "all" are ignored (CrossGuard reads only its enforcement level); put them under "hardened"',
    ]);
  });
});
