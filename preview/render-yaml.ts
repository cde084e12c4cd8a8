import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { stringify } from "yaml";
import { AnalyzedResource } from "./analyzer/analyzer-client";
import { SecretValue } from "./analyzer/properties";
import { unknownPaths } from "./count-unknowns";

/** What `renderYaml` wrote, and what it could not. */
export interface RenderedYaml {
  /** Written manifests, relative to the output folder, sorted. */
  readonly written: string[];
  /** Kubernetes resources left out because some input was not known before deployment. */
  readonly skipped: string[];
}

function reveal(value: unknown): unknown {
  if (value instanceof SecretValue) {
    return reveal(value.value);
  }
  if (Array.isArray(value)) {
    return value.map(reveal);
  }
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reveal(v)]));
  }
  return value;
}

/**
 * Writes each Kubernetes resource's inputs as one YAML manifest where the Kubernetes provider's
 * `renderYamlToDirectory` puts it: `<dir>/1-manifest/<apiVersion>-<kind>-<namespace>-<name>.yaml`
 * (`/` and `:` in the apiVersion as `_`, the kind in lower case, `default` for no namespace), and
 * CustomResourceDefinitions under `0-crd/`. Like the provider, it writes secret values in plain
 * text. A resource with an input that is not known yet cannot be rendered and is listed in
 * `skipped` instead; a resource with no `metadata.name` is named by its Pulumi name, as the
 * provider's auto-naming would (without the random suffix).
 */
export function renderYaml(resources: readonly AnalyzedResource[], dir: string): RenderedYaml {
  const written: string[] = [];
  const skipped: string[] = [];
  for (const resource of resources) {
    if (!resource.type.startsWith("kubernetes:")) {
      continue;
    }
    if (unknownPaths(resource.properties).length > 0) {
      skipped.push(`${resource.type}: ${resource.name}`);
      continue;
    }
    const manifest = reveal(resource.properties) as {
      apiVersion: string;
      kind: string;
      metadata?: { name?: string; namespace?: string };
    };
    const metadata = { ...manifest.metadata, name: manifest.metadata?.name ?? resource.name };
    const apiVersion = manifest.apiVersion.replace(/[/:]/g, "_");
    const file = `${apiVersion}-${manifest.kind.toLowerCase()}-${metadata.namespace || "default"}-${metadata.name}.yaml`;
    const folder = manifest.kind === "CustomResourceDefinition" ? "0-crd" : "1-manifest";
    mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, folder, file), stringify({ ...manifest, metadata }));
    written.push(join(folder, file));
  }
  return { written: written.sort(), skipped };
}
