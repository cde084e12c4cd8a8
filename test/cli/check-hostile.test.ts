import { strict as assert } from "assert";
import { runCli } from "../support/run-cli";

const HARDENED_POD = (securityContext: string) =>
  [
    "apiVersion: v1",
    "kind: Pod",
    "metadata: {name: p}",
    "spec:",
    "  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}",
    "  containers:",
    "  - name: app",
    "    image: registry.example/app@sha256:" + "0".repeat(64),
    "    securityContext:",
    "      allowPrivilegeEscalation: false",
    "      capabilities: {drop: [ALL]}",
    ...securityContext.split("\n").map((line) => `      ${line}`),
    "",
  ].join("\n");

function ruleFindings(stdin: string) {
  const run = runCli(["check", "--format", "json", "-"], { stdin });
  const json = JSON.parse(run.stdout) as { findings: { ruleId: string; path: string }[] };
  return { code: run.code, findings: json.findings.map((f) => `${f.ruleId} ${f.path}`) };
}

describe("hardened check on manifests written to slip past it", function () {
  this.timeout(60_000);

  const cases: [string, string, string[]][] = [
    [
      "privileged: yes",
      "privileged: yes",
      ["privileged spec.containers[0].securityContext.privileged"],
    ],
    [
      "a merge key carrying privileged: true",
      "<<: {privileged: true}",
      ["privileged spec.containers[0].securityContext.privileged"],
    ],
    [
      "a merge key overriding an earlier privileged: false",
      "privileged: false\n<<: {privileged: true}",
      ["privileged spec.containers[0].securityContext.privileged"],
    ],
    [
      "a duplicate key: the last one counts",
      "privileged: false\nprivileged: on",
      ["privileged spec.containers[0].securityContext.privileged"],
    ],
  ];
  for (const [name, securityContext, expected] of cases) {
    it(`flags ${name}`, () => {
      const run = ruleFindings(HARDENED_POD(securityContext));
      assert.equal(run.code, 1);
      assert.deepEqual(
        run.findings.filter((f) => expected.includes(f)),
        expected,
      );
    });
  }

  it("flags a privileged pod in a List nested in a List, at its full path", () => {
    const pod = HARDENED_POD("privileged: true")
      .split("\n")
      .map((line) => `      ${line}`)
      .join("\n")
      .replace("      apiVersion", "    - apiVersion");
    const run = ruleFindings(
      `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: List\n  items:\n${pod.replace(/^ {2}/gm, "")}\n`,
    );
    assert.equal(run.code, 1);
    assert.ok(
      run.findings.includes(
        "privileged items[0].items[0].spec.containers[0].securityContext.privileged",
      ),
      run.findings.join("\n"),
    );
  });

  it("flags hostNetwork: on and runAsUser: 0b0", () => {
    const run = ruleFindings(
      HARDENED_POD("runAsUser: 0b0").replace("spec:\n", "spec:\n  hostNetwork: on\n"),
    );
    assert.equal(run.code, 1);
    for (const expected of [
      "host-namespaces spec.hostNetwork",
      "run-as-user spec.containers[0].securityContext.runAsUser",
    ]) {
      assert.ok(run.findings.includes(expected), run.findings.join("\n"));
    }
  });

  const refused: [string, string, string][] = [
    [
      'runAsUser: "0"',
      HARDENED_POD('runAsUser: "0"'),
      "hardened: -: document 0: spec.containers[0].securityContext.runAsUser: expected a 64-bit integer, found a string; the API server rejects this object\n",
    ],
    [
      "containers: x",
      "apiVersion: v1\nkind: Pod\nspec:\n  containers: x\n",
      "hardened: -: document 0: spec.containers: expected a list, found a string; the API server rejects this object\n",
    ],
    [
      "spec a list",
      "apiVersion: v1\nkind: Pod\nspec: []\n",
      "hardened: -: document 0: spec: expected a mapping, found a list; the API server rejects this object\n",
    ],
    [
      "an undefined alias",
      "apiVersion: v1\nkind: Pod\nspec: *nothing\n",
      "hardened: -: document 0: spec: undefined alias *nothing\n",
    ],
    [
      "an alias bomb",
      [
        "a: &a [x, x, x, x, x, x, x, x, x, x]",
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
        "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
        "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]",
        "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]",
        "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]",
        "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]",
        "kind: Pod",
        "",
      ].join("\n"),
      "hardened: -: document 0: f[7][0][7][1][2][4]: aliases expand to more than 1000000 nodes\n",
    ],
    [
      "nesting deeper than 500 levels",
      `kind: Pod\nx: ${"[".repeat(600)}${"]".repeat(600)}\n`,
      "hardened: -: document 0: x[0][0][0]: nested deeper than 500 levels\n",
    ],
  ];
  for (const [name, stdin, message] of refused) {
    it(`refuses ${name} with exit 2 and one line naming the field`, () => {
      const run = runCli(["check", "-"], { stdin });
      assert.equal(run.stderr, message);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, "");
    });
  }
});
