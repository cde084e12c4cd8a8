import { strict as assert } from "assert";
import * as fc from "fast-check";
import { evaluateWorkload } from "../../../../rules/kubernetes/evaluate";
import { parsePssVersion } from "../../../../rules/kubernetes/pss-version";
import { KUBERNETES_RULES } from "../../../../rules/kubernetes/rules";
import { KubernetesObject } from "../../../../rules/kubernetes/types";
import { PsaOracle, psaEvalBinary } from "../../../support/psa-oracle";
import { podArbitrary } from "./pod-arbitrary";
import { VERSIONS } from "./pss-test-helpers";

/** The upstream check id each Pod Security rule implements, from the catalog's references. */
const PSA_CHECK_ID: ReadonlyMap<string, string> = new Map(
  KUBERNETES_RULES.flatMap((r) =>
    r.references.pss === undefined ? [] : [[r.id, r.references.pss.psaCheckId] as const],
  ),
);

const LEVELS = ["baseline", "restricted"] as const;

/** Pods generated per run; every pod is evaluated at both levels and every sampled version. */
const RUNS = 3000;

/** Fixed, so CI sees the same pods every run; change it locally to explore. */
const SEED = 20261203;

/**
 * The upstream check ids `hardened check --profile <level> --pss-version <version>` reports for
 * `pod`, sorted and unique; a finding of a rule that implements no control is kept by its rule id.
 */
function hardenedCheckIds(pod: KubernetesObject, level: string, version: string): string[] {
  const findings = evaluateWorkload(pod, {
    profile: level === "baseline" ? "baseline" : "restricted",
    options: { pssVersion: parsePssVersion(version) },
  });
  return [...new Set(findings.map((f) => PSA_CHECK_ID.get(f.ruleId) ?? f.ruleId))].sort();
}

describe("Pod Security rules against k8s.io/pod-security-admission", function () {
  this.timeout(120_000);
  let oracles: PsaOracle[] = [];

  before(function () {
    const binary = psaEvalBinary();
    oracles = LEVELS.flatMap((level) => VERSIONS.map((v) => new PsaOracle(binary, level, v)));
  });

  after(() => oracles.forEach((o) => o.close()));

  it(`reports the same failing checks as the library for ${RUNS} random pods, at both levels and ${VERSIONS.length} versions`, async () => {
    await fc.assert(
      fc.asyncProperty(podArbitrary, async (pod) => {
        const upstream = await Promise.all(oracles.map((o) => o.evaluate(pod)));
        oracles.forEach((o, i) => {
          const ours = hardenedCheckIds(pod as KubernetesObject, o.level, o.version);
          assert.deepEqual(
            ours,
            upstream[i],
            `${o.level} ${o.version}: hardened reports ${JSON.stringify(ours)}, the library ${JSON.stringify(upstream[i])}, for the pod ${JSON.stringify(pod)}`,
          );
        });
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: false },
    );
  });

  it("agrees with the library on a pod that breaks no control and on one that breaks many", async () => {
    const clean = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "clean" },
      spec: {
        securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
        containers: [
          {
            name: "app",
            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
          },
        ],
      },
    };
    const dirty = {
      ...clean,
      spec: { hostPID: true, containers: [{ name: "app", securityContext: { privileged: true } }] },
    };
    const restricted = oracles.find((o) => o.level === "restricted" && o.version === "latest");
    assert.ok(restricted);
    assert.deepEqual(await restricted.evaluate(clean), []);
    assert.deepEqual(hardenedCheckIds(clean, "restricted", "latest"), []);
    const expected = [
      "allowPrivilegeEscalation",
      "capabilities_restricted",
      "hostNamespaces",
      "privileged",
      "runAsNonRoot",
      "seccompProfile_restricted",
    ];
    assert.deepEqual(await restricted.evaluate(dirty), expected);
    assert.deepEqual(hardenedCheckIds(dirty, "restricted", "latest"), expected);
  });
});
