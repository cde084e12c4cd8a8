import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import { join } from "path";
import { InputError } from "../../../shared/input-error";
import { parseManifests } from "../../../cli/manifests/parse-manifests";
import { KUBERNETES_YAML_CORPUS } from "./kubernetes-yaml.corpus";

/** What test/k8s-yaml-reference reports for one document. */
interface Reference {
  readonly json: string | null;
  readonly error: string | null;
  readonly typedError: string | null;
}

const BUILD_SCRIPT = join(
  __dirname,
  "..",
  "..",
  "..",
  "scripts",
  "test-services",
  "build-k8s-yaml-reference.sh",
);

function decodeWithKubernetes(docs: readonly string[]): Reference[] {
  const binary = execFileSync("bash", [BUILD_SCRIPT], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
  return JSON.parse(
    execFileSync(binary, { input: JSON.stringify(docs), encoding: "utf8" }),
  ) as Reference[];
}

function ours(yaml: string): { value: unknown } | { error: string } {
  try {
    const [manifest] = parseManifests({ file: "case.yaml", text: yaml });
    return { value: manifest.object };
  } catch (error) {
    if (error instanceof InputError) {
      return { error: error.message };
    }
    throw error;
  }
}

describe("hardened check reads YAML as Kubernetes does (against sigs.k8s.io/yaml and k8s.io/api)", function () {
  this.timeout(300_000);
  let references: Reference[] = [];

  before(() => {
    references = decodeWithKubernetes(KUBERNETES_YAML_CORPUS.map((c) => c.yaml));
  });

  KUBERNETES_YAML_CORPUS.forEach((c, i) => {
    it(c.name, () => {
      const reference = references[i];
      const got = ours(c.yaml);
      if (c.refused !== undefined) {
        assert.equal(reference.error, null);
        assert.deepStrictEqual(got, { error: c.refused });
        return;
      }
      if (reference.error !== null || reference.typedError !== null) {
        assert.ok(
          "error" in got,
          `Kubernetes rejects it (${reference.error ?? reference.typedError}); we read ${JSON.stringify(got)}`,
        );
        assert.match(got.error, /^case\.yaml: document 0: /);
        return;
      }
      assert.ok("value" in got, `Kubernetes accepts it; we refused: ${JSON.stringify(got)}`);
      assert.deepStrictEqual(got.value, JSON.parse(reference.json as string));
    });
  });

  it("names the file, document and field of a wrong type", () => {
    assert.deepStrictEqual(
      ours(KUBERNETES_YAML_CORPUS.find((c) => c.name === "runAsUser a string")!.yaml),
      {
        error:
          "case.yaml: document 0: spec.containers[0].securityContext.runAsUser: expected a 64-bit integer, found a string; the API server rejects this object",
      },
    );
  });
});
