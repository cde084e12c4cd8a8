import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { stringify } from "yaml";
import { CapturedResource } from "./mocks";

/**
 * Writes every captured Kubernetes resource's inputs as one YAML manifest, at the path the
 * Kubernetes provider's `renderYamlToDirectory` uses (pulumi-kubernetes `renderPathForResource`):
 * `<dir>/1-manifest/<apiVersion>-<kind>-<namespace>-<name>.yaml`, with `/` and `:` in the
 * apiVersion replaced by `_`, the kind lower-cased, `default` for an unset namespace, and
 * CustomResourceDefinitions under `0-crd/` instead. Returns the written paths, relative to `dir`.
 */
export function renderYaml(resources: readonly CapturedResource[], dir: string): string[] {
  const written: string[] = [];
  for (const resource of resources) {
    if (!resource.type.startsWith("kubernetes:")) {
      continue;
    }
    const inputs = resource.inputs as {
      apiVersion: string;
      kind: string;
      metadata: { name: string; namespace?: string };
    };
    const apiVersion = inputs.apiVersion.replace(/[/:]/g, "_");
    const namespace = inputs.metadata.namespace || "default";
    const file = `${apiVersion}-${inputs.kind.toLowerCase()}-${namespace}-${inputs.metadata.name}.yaml`;
    const folder = inputs.kind === "CustomResourceDefinition" ? "0-crd" : "1-manifest";
    mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, folder, file), stringify(inputs));
    written.push(join(folder, file));
  }
  return written.sort();
}
