import { strict as assert } from "assert";
import { join } from "path";
import * as root from "../../index";
import { AnalyzedResource } from "../../preview/analyzer/analyzer-client";
import { CATALOG } from "../../rules/catalog";
import { hardenedPodSpec, setPath, workloadOf } from "../fixtures/workloads";
import { PACK_DIR } from "../../dev/build-pack";
import { RunningPack, startRunningPack } from "../support/analyzer/running-pack";

const STACK = "urn:pulumi:dev::shop";
const COMPOSED = join(__dirname, "..", "fixtures", "composed-pack");

/** A Deployment that breaks a baseline control, a restricted control and a hardened extra. */
function deployment(): AnalyzedResource {
  const spec = hardenedPodSpec();
  setPath(spec, "containers[0].securityContext.privileged", true);
  setPath(spec, "containers[0].securityContext.allowPrivilegeEscalation", true);
  setPath(spec, "containers[0].image", "registry.example.com/team/app:1.4.2");
  const props = workloadOf("Deployment", spec) as Record<string, unknown>;
  props.apiVersion = "apps/v1";
  const type = "kubernetes:apps/v1:Deployment";
  return { type, name: "app", urn: `${STACK}::${type}::app`, properties: props };
}

function restrictedKubernetesRules(): string[] {
  return CATALOG.filter((r) => r.target === "kubernetes" && r.profiles.includes("restricted")).map(
    (r) => r.id,
  );
}

describe("composed packs over the Analyzer protocol", function () {
  this.timeout(180000);

  it("exports hardenedPolicies from the package root, selecting by profile, target, severity, tag and id", () => {
    const names = (selection: root.PolicySelection) =>
      root.hardenedPolicies(selection).map((p) => p.name);
    assert.deepEqual(names({ targets: ["kubernetes"], profile: "restricted" }), [
      ...restrictedKubernetesRules(),
      "hardened",
    ]);
    assert.deepEqual(names({ rules: ["privileged", "docker-privileged"] }), [
      "privileged",
      "docker-privileged",
      "hardened",
    ]);
    assert.deepEqual(names({ targets: ["docker-resource"], severities: ["error"] }).slice(0, 2), [
      "docker-privileged",
      "docker-non-root-user",
    ]);
    assert.deepEqual(names({ tags: ["cis-docker:5.4"] }), ["docker-privileged", "hardened"]);
    assert.ok(
      root
        .hardenedPolicies({ targets: ["kubernetes"], enforcementLevel: "advisory" })
        .every((p) => p.enforcementLevel === "advisory"),
    );
    assert.throws(
      () => root.hardenedPolicies({ rules: ["privilegd"] }),
      /^UnknownRuleSelectionError: hardenedPolicies: rules: "privilegd" is not a rule id of the catalog$/,
    );
  });

  const packs: [string, string, string[], string[]][] = [
    [
      "a platform's pack: hardenedPolicies({ targets: ['kubernetes'], profile: 'restricted' }) and its own policy",
      COMPOSED,
      [...restrictedKubernetesRules(), "hardened", "team-label"],
      ["privileged mandatory", "allow-privilege-escalation mandatory", "team-label advisory"],
    ],
    [
      "the ready restricted pack (packs/restricted)",
      join(PACK_DIR, "..", "packs", "restricted"),
      [
        ...CATALOG.filter((r) => r.target !== "image" && r.profiles.includes("restricted")).map(
          (r) => r.id,
        ),
        "hardened",
      ],
      ["privileged mandatory", "allow-privilege-escalation mandatory"],
    ],
    [
      "the ready baseline pack (packs/baseline)",
      join(PACK_DIR, "..", "packs", "baseline"),
      [
        ...CATALOG.filter((r) => r.target !== "image" && r.profiles.includes("baseline")).map(
          (r) => r.id,
        ),
        "hardened",
      ],
      ["privileged mandatory"],
    ],
  ];
  for (const [title, dir, policies, expected] of packs) {
    describe(title, () => {
      let running: RunningPack;
      before(async () => {
        running = await startRunningPack(dir);
      });
      after(async () => {
        await running?.stop();
      });

      it("loads with exactly its policies and reports only those rules", async () => {
        const info = await running.analyzer.getAnalyzerInfo();
        assert.deepEqual(
          info.policies.map((p) => p.name),
          policies,
        );
        await running.analyzer.configure(
          Object.fromEntries(
            info.policies.map((p) => [p.name, { enforcementLevel: p.enforcementLevel }]),
          ),
        );
        const reported = (await running.analyzer.analyze(deployment())).map(
          (d) => `${d.policyName} ${d.enforcementLevel}`,
        );
        assert.deepEqual(
          reported,
          expected,
          "no image-digest: hardened extras are outside the profile (and restricted controls outside baseline)",
        );
      });
    });
  }
});
