import { strict as assert } from "assert";
import { isKnownRuleId } from "../../../rules/catalog";
import { Exemption, applyGovernedExemptions } from "../../../rules/exemptions/exemption";
import {
  ExemptionGovernance,
  InlineExemptionRules,
  refusalOf,
} from "../../../rules/exemptions/governance";
import { readGovernance } from "../../../rules/exemptions/read-governance";
import { evaluateWorkload } from "../../../rules/kubernetes/evaluate";
import { Finding } from "../../../rules/finding";
import { lintDockerfile } from "../../../rules/dockerfile/lint";
import { BASE, dockerfile } from "../dockerfile/cases";
import { hardenedPodSpec, setPath, workloadOf } from "../../fixtures/workloads";

const MANDATORY = new Set(["privileged", "run-as-non-root"]);
const scope = (namespace: string | null) => ({
  namespace,
  isMandatory: (id: string) => MANDATORY.has(id),
});
const annotation: Exemption = { ruleId: "privileged", reason: "agent", source: "annotations" };
const fromArgs: Exemption = { ruleId: "liveness-probe", reason: "batch", source: "args" };
const fromConfig: Exemption = { ruleId: "privileged", reason: "CNI", source: "config" };

describe("exemption governance (allowExemptions)", () => {
  const cases: [
    string,
    Exemption,
    ExemptionGovernance,
    string | null,
    InlineExemptionRules,
    RegExp | undefined,
  ][] = [
    ["config is honoured for a mandatory rule", fromConfig, {}, "prod", "non-mandatory", undefined],
    [
      "an annotation for a mandatory rule is refused by the pack default",
      annotation,
      {},
      "prod",
      "non-mandatory",
      /^exemption of "privileged" from annotations refused: "privileged" is mandatory, so only the platform's pack config may exempt it \(allowExemptions\.rules\)$/,
    ],
    ["an annotation is honoured with the CLI default", annotation, {}, "prod", "any", undefined],
    [
      "args for an advisory rule pass the pack default",
      fromArgs,
      {},
      null,
      "non-mandatory",
      undefined,
    ],
    [
      "an allow-list lets a mandatory rule be exempted inline",
      annotation,
      { rules: { allow: ["privileged"] } },
      "prod",
      "non-mandatory",
      undefined,
    ],
    [
      "an allow-list refuses the rules it does not name",
      fromArgs,
      { rules: { allow: ["privileged"] } },
      "prod",
      "non-mandatory",
      /"liveness-probe" is not in allowExemptions\.rules\.allow$/,
    ],
    [
      "a deny-list refuses the rules it names",
      annotation,
      { rules: { deny: ["privileged"] } },
      "prod",
      "any",
      /"privileged" is in allowExemptions\.rules\.deny$/,
    ],
    [
      "from without annotations refuses annotations",
      annotation,
      { from: ["config", "args"], rules: "any" },
      "prod",
      "any",
      /^exemption of "privileged" from annotations refused: allowExemptions\.from is \[config, args\]$/,
    ],
    [
      "from without config refuses config",
      fromConfig,
      { from: [] },
      "prod",
      "any",
      /from config refused: allowExemptions\.from is \[\]$/,
    ],
    [
      "namespaces refuse inline exemptions elsewhere",
      fromArgs,
      { namespaces: ["batch"] },
      "prod",
      "any",
      /namespace prod is not in allowExemptions\.namespaces$/,
    ],
    [
      "namespaces refuse inline exemptions of resources without a namespace",
      fromArgs,
      { namespaces: ["batch"] },
      null,
      "any",
      /namespace \(none\) is not in allowExemptions\.namespaces$/,
    ],
    [
      "namespaces do not restrict config",
      fromConfig,
      { namespaces: ["batch"] },
      "prod",
      "any",
      undefined,
    ],
  ];
  for (const [name, exemption, governance, namespace, defaults, refusal] of cases) {
    it(name, () => {
      const got = refusalOf(exemption, governance, scope(namespace), defaults);
      if (refusal === undefined) {
        assert.equal(got, undefined);
      } else {
        assert.match(got ?? "", refusal);
      }
    });
  }

  it("keeps a refused finding open with its refusal, and exempts with the first honoured one", () => {
    const finding: Finding = {
      ruleId: "privileged",
      severity: "error",
      message: "privileged is true",
      path: "spec.containers[0].securityContext.privileged",
      container: "app",
    };
    const refuseAnnotations = (e: Exemption) =>
      e.source === "annotations" ? "refused" : undefined;
    assert.deepEqual(applyGovernedExemptions([finding], [annotation], refuseAnnotations), [
      { ...finding, refusedExemption: "refused" },
    ]);
    assert.deepEqual(
      applyGovernedExemptions([finding], [annotation, fromConfig], refuseAnnotations),
      [{ ...finding, exempted: true, exemptionReason: "CNI", exemptionSource: "config" }],
    );
  });

  it("evaluateWorkload tags inline exemptions with their source and applies refusals", () => {
    const spec = hardenedPodSpec();
    setPath(spec, "containers[0].securityContext.privileged", true);
    const object = workloadOf("Deployment", spec) as Record<string, unknown>;
    setPath(object, 'metadata.annotations["hardened.dev/exempt"]', "privileged");
    setPath(object, 'metadata.annotations["hardened.dev/exempt-reason"]', "x");
    const privileged = (findings: Finding[]) => findings.filter((f) => f.ruleId === "privileged");
    assert.deepEqual(
      privileged(evaluateWorkload(object, { inlineSource: "args" })).map((f) => [
        f.exempted,
        f.exemptionSource,
      ]),
      [[true, "args"]],
    );
    const refused = privileged(
      evaluateWorkload(object, {
        refusalOf: (e) => refusalOf(e, {}, scope(null), "non-mandatory"),
      }),
    );
    assert.deepEqual(
      refused.map((f) => [f.exempted, f.refusedExemption]),
      [
        [
          undefined,
          'exemption of "privileged" from annotations refused: "privileged" is mandatory, so only the platform\'s pack config may exempt it (allowExemptions.rules)',
        ],
      ],
    );
  });
});

describe("Dockerfile pragmas under governance", () => {
  const text = dockerfile(
    `FROM ${BASE}`,
    '# hardened ignore=dockerfile-workdir-absolute reason="set by the base image"',
    "WORKDIR app",
  );
  const workdir = (findings: Finding[]) =>
    findings
      .filter((f) => f.ruleId === "dockerfile-workdir-absolute")
      .map((f) => [f.exempted ?? false, f.exemptionSource, f.refusedExemption]);

  it("are honoured with source pragmas by default", () => {
    assert.deepEqual(workdir(lintDockerfile(text, { file: "Dockerfile" })), [
      [true, "pragmas", undefined],
    ]);
  });

  it("are refused when allowExemptions.from leaves pragmas out, the finding staying open", () => {
    const findings = lintDockerfile(text, {
      file: "Dockerfile",
      refusalOf: (e) => refusalOf(e, { from: ["config"] }, scope(null), "any"),
    });
    assert.deepEqual(workdir(findings), [
      [
        false,
        undefined,
        'exemption of "dockerfile-workdir-absolute" from pragmas refused: allowExemptions.from is [config]',
      ],
    ]);
  });
});

describe("readGovernance", () => {
  it("reads every field", () => {
    const value = { from: ["config", "args"], rules: { allow: ["privileged"] }, namespaces: ["a"] };
    assert.deepEqual(readGovernance(value, isKnownRuleId), value);
    assert.deepEqual(readGovernance({ rules: "any" }, isKnownRuleId), { rules: "any" });
    assert.deepEqual(readGovernance({}, isKnownRuleId), {});
  });

  const invalid: [unknown, string][] = [
    ["config", 'allowExemptions: got "config"; expected an object with from, rules, namespaces'],
    [{ form: [] }, "allowExemptions.form: unknown setting; expected from, rules or namespaces"],
    [
      { from: ["helm"] },
      'allowExemptions.from: "helm" is not a source; expected any of config, annotations, args, pragmas',
    ],
    [
      { rules: { allow: ["privileged", "privilegd"] } },
      'allowExemptions.rules.allow: "privilegd" is not a rule id (exact ids, no globs)',
    ],
    [
      { rules: { deny: ["host-*"] } },
      'allowExemptions.rules.deny: "host-*" is not a rule id (exact ids, no globs)',
    ],
    [
      { rules: "mandatory" },
      'allowExemptions.rules: got "mandatory"; expected "non-mandatory", "any", {"allow": [rule ids]} or {"deny": [rule ids]}',
    ],
    [
      { namespaces: "prod" },
      'allowExemptions.namespaces: got "prod"; expected a list of non-empty strings',
    ],
  ];
  for (const [value, message] of invalid) {
    it(`refuses ${JSON.stringify(value)}`, () => {
      assert.throws(() => readGovernance(value, isKnownRuleId), { message });
    });
  }
});
