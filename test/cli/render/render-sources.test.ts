import { strict as assert } from "assert";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { renderSources } from "../../../cli/render/render-sources";

/** Where scripts/test-services/renderers.sh links kustomize. */
const RENDERERS = join(__dirname, "..", "..", "..", ".ci", "work", "renderers", "bin");
const NO_VALUES = { values: [], set: [] };

function kustomization(resources: string): string {
  const dir = mkdtempSync(join(tmpdir(), "hardened-kust-"));
  writeFileSync(join(dir, "kustomization.yaml"), `resources: [${resources}]\n`);
  writeFileSync(
    join(dir, "pod.yaml"),
    "apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [{ name: c, image: x }] }\n",
  );
  return dir;
}

describe("renderSources", () => {
  before(() => {
    assert.ok(
      existsSync(join(RENDERERS, "kustomize")),
      `${RENDERERS}/kustomize is missing: run scripts/test-services/renderers.sh`,
    );
  });

  it("renders a kustomization with kustomize build, attributed to its directory", () => {
    const dir = kustomization("pod.yaml");
    const out = renderSources([{ renderer: "kustomize", dir, files: [] }], NO_VALUES, RENDERERS);
    assert.deepEqual(out.skipped, []);
    assert.equal(out.kustomizations, 1);
    assert.deepEqual(
      out.files.map((f) => [f.file, f.renderedBy, f.explicit]),
      [[dir, `kustomize build ${dir}`, false]],
    );
    assert.match(out.files[0].text, /^kind: Pod$/m);
  });

  it("falls back to kubectl kustomize when kustomize is not on PATH", () => {
    const bin = mkdtempSync(join(tmpdir(), "hardened-kubectl-"));
    // Stands in for kubectl: `kubectl kustomize DIR` is `kustomize build DIR`.
    writeFileSync(
      join(bin, "kubectl"),
      `#!/bin/sh\n[ "$1" = kustomize ] || exit 9\nexec "${RENDERERS}/kustomize" build "$2"\n`,
      { mode: 0o755 },
    );
    const dir = kustomization("pod.yaml");
    const out = renderSources([{ renderer: "kustomize", dir, files: [] }], NO_VALUES, bin);
    assert.deepEqual(
      out.files.map((f) => f.renderedBy),
      [`kubectl kustomize ${dir}`],
    );
  });

  it("lists a kustomization whose build fails as render-failed, with the renderer's error", () => {
    const dir = kustomization("missing.yaml");
    const out = renderSources([{ renderer: "kustomize", dir, files: [] }], NO_VALUES, RENDERERS);
    assert.deepEqual(out.files, []);
    assert.equal(out.kustomizations, 0);
    assert.equal(out.skipped.length, 1);
    assert.deepEqual([out.skipped[0].file, out.skipped[0].reason], [dir, "render-failed"]);
    assert.match(
      out.skipped[0].detail,
      new RegExp(`^kustomize build ${dir} failed \\(exit 1: Error: .*missing\\.yaml`),
    );
  });

  it("runs helm template with --values and --set, and attributes each document to its template", () => {
    const bin = mkdtempSync(join(tmpdir(), "hardened-helm-"));
    // Stands in for helm: records its arguments and prints what `helm template` prints for a chart
    // named api with two templates.
    writeFileSync(
      join(bin, "helm"),
      [
        "#!/bin/sh",
        `printf '%s\\n' "$@" > "${bin}/args"`,
        "printf -- '---\\n# Source: api/templates/service.yaml\\napiVersion: v1\\nkind: Service\\nmetadata: {name: api}\\n'",
        "printf -- '---\\n# Source: api/templates/deployment.yaml\\napiVersion: apps/v1\\nkind: Deployment\\nmetadata: {name: api}\\n'",
        "",
      ].join("\n"),
      { mode: 0o755 },
    );
    const out = renderSources(
      [{ renderer: "helm", dir: "charts/api", files: ["charts/api/templates/deployment.yaml"] }],
      { values: ["prod.yaml", "debug.yaml"], set: ["hostNetwork=true"] },
      bin,
    );
    assert.deepEqual(readFileSync(join(bin, "args"), "utf8").split("\n"), [
      "template",
      "charts/api",
      "--values",
      "prod.yaml",
      "--values",
      "debug.yaml",
      "--set",
      "hostNetwork=true",
      "",
    ]);
    const command =
      "helm template charts/api --values prod.yaml --values debug.yaml --set hostNetwork=true";
    assert.deepEqual(
      out.files.map((f) => [f.file, f.renderedBy, f.explicit]),
      [
        ["charts/api/templates/service.yaml", command, false],
        ["charts/api/templates/deployment.yaml", command, false],
      ],
    );
    assert.match(out.files[1].text, /^kind: Deployment$/m);
    assert.deepEqual([out.charts, out.skipped], [1, []]);
  });

  it("lists a chart's files with the helm template command when helm is not on PATH", () => {
    const empty = mkdtempSync(join(tmpdir(), "hardened-empty-"));
    const out = renderSources(
      [{ renderer: "helm", dir: "charts/web", files: ["charts/web/templates/a.yaml"] }],
      { values: ["v.yaml"], set: ["a=b"] },
      empty,
    );
    assert.deepEqual(out.skipped, [
      {
        file: "charts/web/templates/a.yaml",
        document: null,
        reason: "helm-chart",
        detail:
          "helm is not on PATH; render with: helm template charts/web --values v.yaml --set a=b | hardened check -",
      },
    ]);
    assert.equal(out.charts, 0);
  });
});
