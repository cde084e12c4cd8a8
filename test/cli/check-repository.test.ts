import { strict as assert } from "assert";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCli } from "../support/run-cli";

/**
 * `hardened check` at the root of a realistic repository (test/fixtures/repo): manifests of every
 * workload kind, a Helm chart, a kustomize base and overlay, application configs, a compose file,
 * CI workflows, values files and a README with YAML front matter.
 */
const REPO = "test/fixtures/repo";
const ROOT = join(__dirname, "..", "..");
/** A PATH with no renderer on it: the CLI runs as an absolute path, so it needs none. */
const NO_RENDERERS = mkdtempSync(join(tmpdir(), "hardened-empty-path-"));
/** Where scripts/test-services/renderers.sh links kustomize. */
const RENDERERS = join(ROOT, ".ci", "work", "renderers", "bin");
/** Where scripts/test-services/renderers.sh links helm (v4, built from the Go module proxy). */
const HELM_BIN = join(ROOT, ".ci", "work", "renderers", "helm", "bin");

interface Json {
  findings: Record<string, unknown>[];
  skipped: { file: string; document: number | null; reason: string; detail: string }[];
  summary: Record<string, unknown>;
}

function check(args: string[], path: string) {
  const run = runCli(["check", ...args], { env: { PATH: path } });
  return { ...run, json: () => JSON.parse(run.stdout) as Json };
}

const NOT_KUBERNETES = 'not a mapping with a string "apiVersion" and "kind"';
const HELM = `helm is not on PATH; render with: helm template ${REPO}/charts/api | hardened check -`;
const kustomize = (dir: string) =>
  `kustomize and kubectl are not on PATH; render with: kubectl kustomize ${REPO}/${dir} | hardened check -`;

/** What the repository holds that is not a workload to check, whatever renders. */
const ALWAYS_SKIPPED = [
  [".github", null, "hidden-directory", "hidden directories are not walked; name it to check it"],
  [".gitlab-ci.yml", 0, "not-kubernetes", NOT_KUBERNETES],
  ["README.md", null, "not-yaml", "not a .yaml, .yml, .json file"],
  ["charts/api/Chart.yaml", 0, "not-kubernetes", NOT_KUBERNETES],
  ["charts/api/templates/NOTES.txt", null, "helm-chart", HELM],
  ["charts/api/templates/_helpers.tpl", null, "helm-chart", HELM],
  ["charts/api/templates/deployment.yaml", null, "helm-chart", HELM],
  ["charts/api/templates/service.yaml", null, "helm-chart", HELM],
  ["charts/api/values.yaml", 0, "not-kubernetes", NOT_KUBERNETES],
  ["config/app.json", 0, "not-kubernetes", NOT_KUBERNETES],
  ["config/cassandra.yaml", 0, "not-kubernetes", NOT_KUBERNETES],
  ["config/empty.yaml", null, "empty", "no YAML document"],
  ["config/openapi.yaml", 0, "not-kubernetes", NOT_KUBERNETES],
];
const KUSTOMIZATION_SKIPPED = [
  ["deploy/base/deployment.yaml", null, "kustomization", kustomize("deploy/base")],
  ["deploy/base/kustomization.yaml", null, "kustomization", kustomize("deploy/base")],
  ["deploy/base/service.yaml", null, "kustomization", kustomize("deploy/base")],
  [
    "deploy/overlays/prod/config/prod.env",
    null,
    "kustomization",
    kustomize("deploy/overlays/prod"),
  ],
  [
    "deploy/overlays/prod/kustomization.yaml",
    null,
    "kustomization",
    kustomize("deploy/overlays/prod"),
  ],
  [
    "deploy/overlays/prod/patches/capture-traffic.yaml",
    null,
    "kustomization",
    kustomize("deploy/overlays/prod"),
  ],
];
const TAIL_SKIPPED = [
  ["docker-compose.yml", 0, "not-kubernetes", NOT_KUBERNETES],
  [
    "k8s/webapp.yaml",
    0,
    "unsupported-workload-kind",
    "WebApp admin has a pod spec at spec.template.spec; no rule evaluates kind WebApp; declare its pod template under podTemplates in the --config file to check it",
  ],
  ["scripts/deploy.sh", null, "not-yaml", "not a .yaml, .yml, .json file"],
  ["values/debug-values.yaml", 0, "not-kubernetes", NOT_KUBERNETES],
];

/** The findings in the plain manifests, in the baseline profile. */
const MANIFEST_FINDINGS = [
  [
    "k8s/jobs.yaml",
    0,
    "CronJob",
    "nightly-report",
    "privileged",
    "spec.jobTemplate.spec.template.spec.initContainers[0].securityContext.privileged",
    "fix-permissions",
    26,
  ],
  [
    "k8s/monitoring/node-exporter.yaml",
    0,
    "DaemonSet",
    "node-exporter",
    "host-namespaces",
    "spec.template.spec.hostNetwork",
    null,
    13,
  ],
  [
    "k8s/monitoring/node-exporter.yaml",
    0,
    "DaemonSet",
    "node-exporter",
    "host-namespaces",
    "spec.template.spec.hostPID",
    null,
    14,
  ],
  [
    "k8s/monitoring/node-exporter.yaml",
    0,
    "DaemonSet",
    "node-exporter",
    "host-path-volumes",
    "spec.template.spec.volumes[1].hostPath",
    null,
    41,
  ],
];

const relative = (file: string) => file.slice(REPO.length + 1);

function findingRows(json: Json) {
  return json.findings.map((f) => [
    relative(f.file as string),
    f.document,
    f.kind,
    f.name,
    f.ruleId,
    f.path,
    f.container,
    f.line ?? f.renderedBy,
  ]);
}

function skippedRows(json: Json) {
  return json.skipped.map((s) => [relative(s.file), s.document, s.reason, s.detail]);
}

describe("hardened check on a whole repository", () => {
  it("checks every workload, skips the rest with a reason, and lists charts and kustomizations it cannot render", () => {
    const run = check(["--format", "json", "--profile", "baseline", REPO], NO_RENDERERS);
    assert.equal(run.stderr, "", "no warning or error on stderr");
    assert.equal(run.code, 1);
    const json = run.json();
    assert.deepEqual(findingRows(json), MANIFEST_FINDINGS);
    assert.deepEqual(skippedRows(json), [
      ...ALWAYS_SKIPPED,
      ...KUSTOMIZATION_SKIPPED,
      ...TAIL_SKIPPED,
    ]);
    assert.deepEqual(json.summary, {
      errors: 4,
      warnings: 0,
      notes: 0,
      exempted: 0,
      checked: 9,
      otherObjects: 7,
      notChecked: 1,
      files: 17,
      charts: 0,
      kustomizations: 0,
      skipped: 22,
      skippedByReason: {
        empty: 1,
        "helm-chart": 4,
        "hidden-directory": 1,
        kustomization: 6,
        "not-kubernetes": 8,
        "not-yaml": 2,
      },
      profile: "baseline",
      pssVersion: "latest",
    });
  });

  it("renders kustomizations with kustomize and attributes their findings to the kustomization", () => {
    assert.ok(
      existsSync(join(RENDERERS, "kustomize")),
      `${RENDERERS}/kustomize is missing: run scripts/test-services/renderers.sh`,
    );
    const run = check(["--format", "json", "--profile", "baseline", REPO], RENDERERS);
    assert.equal(run.stderr, "");
    assert.equal(run.code, 1);
    const json = run.json();
    assert.deepEqual(findingRows(json), [
      ...MANIFEST_FINDINGS,
      [
        "deploy/overlays/prod",
        2,
        "Deployment",
        "payments",
        "capabilities-baseline",
        "spec.template.spec.containers[0].securityContext.capabilities.add[0]",
        "payments",
        `kustomize build ${REPO}/deploy/overlays/prod`,
      ],
    ]);
    assert.equal(
      json.findings.some((f) => (f.file as string).endsWith("capture-traffic.yaml")),
      false,
      "the overlay's patch is not checked as a loose fragment",
    );
    assert.deepEqual(skippedRows(json), [...ALWAYS_SKIPPED, ...TAIL_SKIPPED]);
    assert.deepEqual(
      [json.summary.checked, json.summary.otherObjects, json.summary.kustomizations],
      [11, 10, 2],
      "base and overlay each render a Deployment and a Service; the overlay a ConfigMap",
    );
    const text = check(["--profile", "baseline", REPO], RENDERERS).stdout;
    assert.ok(
      text.includes(
        `${REPO}/deploy/overlays/prod document 2 (rendered by kustomize build ${REPO}/deploy/overlays/prod): Deployment payments/payments\n` +
          "  error   capabilities-baseline  spec.template.spec.containers[0].securityContext.capabilities.add[0] (container payments)\n",
      ),
      text,
    );
    assert.match(text, /^17 files read, 2 kustomizations rendered: 10 other Kubernetes objects, /m);
  });

  it("prints one line of counts, and every skipped input with --verbose", () => {
    const run = check(["--profile", "baseline", REPO], NO_RENDERERS);
    assert.equal(run.code, 1);
    assert.ok(
      run.stdout.endsWith(
        "17 files read: 7 other Kubernetes objects, 1 workload of an unsupported kind not checked; " +
          "22 skipped (1 empty, 4 helm-chart, 1 hidden-directory, 6 kustomization, 8 not-kubernetes, 2 not-yaml); " +
          "--verbose lists them\n" +
          "4 errors, 0 warnings, 0 notes in 9 workloads checked (profile baseline, pssVersion latest)\n",
      ),
      run.stdout,
    );
    assert.doesNotMatch(run.stdout, /^skipped:$/m);
    const verbose = check(["--verbose", "--profile", "baseline", REPO], NO_RENDERERS);
    assert.ok(
      verbose.stdout.includes(
        `\nskipped:\n  ${REPO}/.github: hidden-directory: hidden directories are not walked; name it to check it\n` +
          `  ${REPO}/.gitlab-ci.yml document 0: not-kubernetes: ${NOT_KUBERNETES}\n`,
      ),
      verbose.stdout,
    );
    assert.match(
      verbose.stdout,
      /^ {2}test\/fixtures\/repo\/k8s\/webapp\.yaml document 0: unsupported-workload-kind: WebApp admin has a pod spec at spec\.template\.spec; no rule evaluates kind WebApp; declare its pod template under podTemplates in the --config file to check it$/m,
    );
    assert.equal(
      verbose.stdout.split("\n").filter((l) => /^ {2}\S.*: [a-z-]+: /.test(l)).length,
      23,
    );
  });

  it("renders the Helm chart with the real helm, with --values and --set, and attributes its findings to the template", () => {
    assert.ok(
      existsSync(join(HELM_BIN, "helm")),
      `${HELM_BIN}/helm is missing: run scripts/test-services/renderers.sh`,
    );
    const helmOnly = check(
      ["--format", "json", "--profile", "baseline", `${REPO}/charts`],
      HELM_BIN,
    );
    assert.equal(helmOnly.stderr, "");
    assert.equal(helmOnly.code, 0, "the chart's defaults pass baseline");
    assert.deepEqual(
      [helmOnly.json().summary.charts, helmOnly.json().summary.checked],
      [1, 1],
      "the chart renders one Deployment (and a Service)",
    );
    const command =
      `helm template ${REPO}/charts/api --values ${REPO}/values/debug-values.yaml` +
      " --set replicaCount=1";
    const debug = check(
      [
        "--format",
        "json",
        "--profile",
        "baseline",
        "--values",
        `${REPO}/values/debug-values.yaml`,
        "--set",
        "replicaCount=1",
        REPO,
      ],
      `${HELM_BIN}:${RENDERERS}`,
    );
    assert.equal(debug.stderr, "");
    assert.equal(debug.code, 1);
    const json = debug.json();
    assert.deepEqual(
      findingRows(json).filter(([file]) => String(file).startsWith("charts/")),
      [
        [
          "charts/api/templates/deployment.yaml",
          0,
          "Deployment",
          "release-name-api",
          "host-namespaces",
          "spec.template.spec.hostNetwork",
          null,
          command,
        ],
      ],
      "the debug values turn hostNetwork on; the finding names the template and the command",
    );
    assert.deepEqual(
      json.skipped.filter((s) => s.reason === "helm-chart"),
      [],
      "no chart file is left unrendered",
    );
    assert.deepEqual([json.summary.charts, json.summary.kustomizations], [1, 2]);
  });

  it("passes --values and --set to helm template, in the command it shows", () => {
    const run = check(
      [
        "--format",
        "json",
        "--values",
        `${REPO}/values/debug-values.yaml`,
        "--set",
        "replicaCount=1",
        "--set",
        "image.tag=a b",
        `${REPO}/charts`,
      ],
      NO_RENDERERS,
    );
    assert.equal(run.code, 0);
    const details = new Set(run.json().skipped.map((s) => s.detail));
    assert.deepEqual(
      [...details],
      [
        NOT_KUBERNETES,
        `helm is not on PATH; render with: helm template ${REPO}/charts/api --values ${REPO}/values/debug-values.yaml --set replicaCount=1 --set 'image.tag=a b' | hardened check -`,
      ],
    );
  });

  it("prints no parser warning for templated YAML outside a chart, and still rejects malformed YAML found while walking", () => {
    const dir = mkdtempSync(join(tmpdir(), "hardened-templated-"));
    mkdirSync(join(dir, "ansible"));
    // `{{ item }}: x` parses as a mapping used as a key, which the yaml package warns about.
    writeFileSync(join(dir, "ansible/vars.yml"), "labels:\n  {{ item }}: enabled\n? [a, b]\n: c\n");
    const run = check(["--format", "json", dir], NO_RENDERERS);
    assert.equal(run.stderr, "");
    assert.equal(run.code, 0);
    assert.deepEqual(
      run.json().skipped.map((s) => [s.file, s.document, s.reason]),
      [[join(dir, "ansible/vars.yml"), 0, "not-kubernetes"]],
    );
    writeFileSync(join(dir, "broken.yaml"), "apiVersion: v1\nkind: Pod\n---\nspec: [a\n");
    const broken = check([dir], NO_RENDERERS);
    assert.equal(broken.code, 2);
    assert.match(
      broken.stderr,
      /^hardened: .*\/broken\.yaml: document 1 \(line \d+\): malformed YAML/,
    );
  });

  it("rejects a non-Kubernetes file named on the command line with exit 2", () => {
    for (const file of ["docker-compose.yml", "values/debug-values.yaml", "config/app.json"]) {
      const run = check([`${REPO}/${file}`], NO_RENDERERS);
      assert.equal(run.code, 2, file);
      assert.ok(
        run.stderr.startsWith(`hardened: ${REPO}/${file}: document 0: not a Kubernetes object`),
        run.stderr,
      );
    }
  });

  it("rejects empty input on stdin and an empty file named on the command line with exit 2", () => {
    for (const stdin of ["", "\n# nothing\n---\n"]) {
      const run = runCli(["check", "-"], { stdin });
      assert.equal(run.code, 2);
      assert.equal(
        run.stderr,
        "hardened: standard input: empty input, no YAML document to check (did the command that produced it fail?)\n",
      );
    }
    const run = check([`${REPO}/config/empty.yaml`], NO_RENDERERS);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /config\/empty\.yaml: empty input, no YAML document to check/);
  });
});
