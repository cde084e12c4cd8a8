import { strict as assert } from "assert";
import { cycloneDxSbom } from "../../../image/report/sbom";
import { InstalledPackage } from "../../../rules/image/inventory/packages";
import { cycloneDx15Errors } from "../../support/cyclonedx";
import { imageModel } from "../../rules/image/image-fixtures";

const PACKAGES: InstalledPackage[] = [
  {
    ecosystem: "deb",
    name: "libc6",
    version: "2.36-9+deb12u4",
    path: "/var/lib/dpkg/status",
    purl: "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64",
  },
  {
    ecosystem: "npm",
    name: "left-pad",
    version: "1.3.0",
    path: "/app/node_modules/left-pad",
    purl: "pkg:npm/left-pad@1.3.0",
  },
  {
    ecosystem: "npm",
    name: "left-pad",
    version: "1.3.0",
    path: "/app/node_modules/x/node_modules/left-pad",
    purl: "pkg:npm/left-pad@1.3.0",
  },
];

describe("cycloneDxSbom", () => {
  const model = { ...imageModel(), digest: `sha256:${"e".repeat(64)}` };
  const bom = cycloneDxSbom(model, PACKAGES, {
    date: new Date("2026-01-02T03:04:05.678Z"),
    toolVersion: "0.1.0",
  });

  it("validates against the CycloneDX 1.5 JSON schema", () => {
    assert.equal(cycloneDx15Errors(bom), null);
  });

  it("catches a document the schema refuses (the validation can fail)", () => {
    assert.notEqual(cycloneDx15Errors({ ...bom, specVersion: 15 }), null);
    assert.notEqual(cycloneDx15Errors({ ...bom, components: [{ type: "box", name: "x" }] }), null);
  });

  it("lists each package with its purl and path, bom-refs unique", () => {
    const components = bom.components as Record<string, unknown>[];
    assert.deepEqual(
      components.map((c) => [c["bom-ref"], c.name, c.version, c.purl]),
      [
        [
          "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64",
          "libc6",
          "2.36-9+deb12u4",
          PACKAGES[0].purl,
        ],
        ["pkg:npm/left-pad@1.3.0", "left-pad", "1.3.0", "pkg:npm/left-pad@1.3.0"],
        ["pkg:npm/left-pad@1.3.0#2", "left-pad", "1.3.0", "pkg:npm/left-pad@1.3.0"],
      ],
    );
    assert.deepEqual(components[2].properties, [
      { name: "hardened:ecosystem", value: "npm" },
      { name: "hardened:path", value: "/app/node_modules/x/node_modules/left-pad" },
    ]);
  });

  it("describes the image as a container with its digest, and the tool", () => {
    const metadata = bom.metadata as Record<string, Record<string, unknown>>;
    assert.equal(metadata.timestamp, "2026-01-02T03:04:05Z");
    assert.deepEqual(metadata.component, {
      type: "container",
      "bom-ref": "registry.example.com/app:1.0",
      name: "registry.example.com/app:1.0",
      version: `sha256:${"e".repeat(64)}`,
      hashes: [{ alg: "SHA-256", content: "e".repeat(64) }],
      properties: [{ name: "hardened:platform", value: "linux/amd64" }],
    });
    assert.deepEqual(metadata.tools, {
      components: [{ type: "application", name: "hardened", version: "0.1.0" }],
    });
    assert.match(
      String(bom.serialNumber),
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    assert.equal(
      cycloneDxSbom(model, PACKAGES, { date: new Date(), toolVersion: "9" }).serialNumber,
      bom.serialNumber,
    );
  });
});
