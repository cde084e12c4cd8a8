import { strict as assert } from "assert";
import { kustomizationReferences } from "../../cli/kustomization-references";

describe("kustomizationReferences", () => {
  it("lists every local path a kustomization names, and no URL or inline patch", () => {
    const text = `
resources:
  - deployment.yaml
  - ../../base
  - https://github.com/example/repo//deploy?ref=v1
bases: [legacy]
components: [../components/tls]
crds: [crds/widget.yaml]
patches:
  - path: patches/replicas.yaml
  - patch: |-
      - op: replace
        path: /spec/replicas
        value: 3
patchesStrategicMerge:
  - patches/memory.yaml
  - |-
    apiVersion: apps/v1
    kind: Deployment
    metadata: { name: web }
patchesJson6902:
  - target: { kind: Deployment, name: web }
    path: patches/json.yaml
replacements:
  - path: replacements/host.yaml
transformers: [transformers/labels.yaml]
generators: [generators/secret.yaml]
validators: [validators/check.yaml]
openapi: { path: schema.json }
configMapGenerator:
  - name: app
    files: [app.properties, config=conf/app.conf]
    envs: [env/prod.env]
secretGenerator:
  - name: creds
    env: secrets.env
`;
    assert.deepEqual(kustomizationReferences(text), [
      "deployment.yaml",
      "../../base",
      "legacy",
      "../components/tls",
      "crds/widget.yaml",
      "patches/memory.yaml",
      "transformers/labels.yaml",
      "generators/secret.yaml",
      "validators/check.yaml",
      "patches/replicas.yaml",
      "patches/json.yaml",
      "replacements/host.yaml",
      "schema.json",
      "app.properties",
      "conf/app.conf",
      "env/prod.env",
      "secrets.env",
    ]);
  });

  it("yields nothing for text that is not a kustomization mapping", () => {
    for (const text of ["", "- a\n- b\n", "resources: [a\n", "resources: 3\n"]) {
      assert.deepEqual(kustomizationReferences(text), [], text);
    }
  });
});
