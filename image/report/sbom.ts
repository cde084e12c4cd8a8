import { createHash } from "crypto";
import { InstalledPackage } from "../../rules/image/inventory/packages";
import { ImageModel } from "../../rules/image/model";

/** A CycloneDX 1.5 JSON document, as `hardened report --sbom` writes it. */
export type CycloneDxBom = Record<string, unknown>;

/** What the SBOM is made from besides the packages. */
export interface SbomContext {
  /** When it was made. */
  readonly date: Date;
  /** The `hardened` version, named as the tool. */
  readonly toolVersion: string;
}

/** A UUID (version 4 layout) derived from `text`, so the same image gives the same serial number. */
function uuidOf(text: string): string {
  const hex = createHash("sha256").update(text).digest("hex").slice(0, 32).split("");
  hex[12] = "4";
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * The image's software bill of materials in CycloneDX 1.5 JSON: the image as the metadata
 * component (a `container`, with its digest as a hash when known), and one `library` component
 * per installed package with its package URL and the path it was found at (property
 * `hardened:path`). `bom-ref`s are the package URLs, suffixed `#2`, `#3`... when a package is
 * installed at several paths. The serial number is derived from the image and the packages.
 */
export function cycloneDxSbom(
  model: ImageModel,
  packages: readonly InstalledPackage[],
  context: SbomContext,
): CycloneDxBom {
  const seen = new Map<string, number>();
  const components = packages.map((p) => {
    const n = (seen.get(p.purl) ?? 0) + 1;
    seen.set(p.purl, n);
    return {
      type: "library",
      "bom-ref": n === 1 ? p.purl : `${p.purl}#${n}`,
      name: p.name,
      version: p.version,
      purl: p.purl,
      properties: [
        { name: "hardened:ecosystem", value: p.ecosystem },
        { name: "hardened:path", value: p.path },
      ],
    };
  });
  const digest = model.digest;
  const image = {
    type: "container",
    "bom-ref": model.source,
    name: model.source,
    ...(digest !== undefined && /^sha256:[0-9a-f]{64}$/.test(digest)
      ? { version: digest, hashes: [{ alg: "SHA-256", content: digest.slice("sha256:".length) }] }
      : {}),
    properties: [{ name: "hardened:platform", value: model.platform }],
  };
  return {
    bomFormat: "CycloneDX",
    specVersion: "1.5",
    serialNumber: `urn:uuid:${uuidOf(`${model.source}\n${digest ?? ""}\n${packages.map((p) => `${p.purl} ${p.path}`).join("\n")}`)}`,
    version: 1,
    metadata: {
      timestamp: context.date.toISOString().replace(/\.\d{3}Z$/, "Z"),
      tools: {
        components: [{ type: "application", name: "hardened", version: context.toolVersion }],
      },
      component: image,
    },
    components,
  };
}
