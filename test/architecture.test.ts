import { strict as assert } from "assert";
import { existsSync, readFileSync, readdirSync } from "fs";
import { dirname, join, relative, resolve, sep } from "path";

/*
 * The layering the design guide asks for, checked on every source file of the repository: the
 * SDKs' internals behind one fence, `test/` a leaf, the pack folder only the pack, each front door
 * importing the shared pieces rather than another front door.
 */

const ROOT = join(__dirname, "..");

/** The one module allowed to reach into the Pulumi SDKs beyond their public surface. */
const FENCE = "policies/sdk-internals.ts";

/** Folders that hold no source of the project: installs, build output (`policies/lib*` too). */
const SKIPPED = new Set(["node_modules", "bin", ".git", ".bench", ".demo", ".ci", "rendered"]);
const BUILT = join(ROOT, "policies", "lib");

function sourceFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return SKIPPED.has(entry.name) || path.startsWith(BUILT) ? [] : sourceFiles(path);
    }
    return /\.(ts|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** `text` without its comments (a rough cut: enough for the TypeScript written here). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

/** Every source file but this one (which names the paths it looks for), comments left out. */
const FILES = sourceFiles()
  .filter((path) => path !== __filename)
  .map((path) => ({
    path: relative(ROOT, path).split(sep).join("/"),
    text: code(readFileSync(path, "utf8")),
  }));

/** Module specifiers a file imports or requires (static, dynamic and `require.resolve`). */
function specifiers(text: string): string[] {
  return [
    ...text.matchAll(/\bfrom\s+["']([^"']+)["']/g),
    ...text.matchAll(/\bimport\s+["']([^"']+)["']/g),
    ...text.matchAll(/\b(?:import|require|require\.resolve)\(\s*["']([^"']+)["']/g),
  ].map((m) => m[1]);
}

/** Repository paths (relative, `/`-separated, no extension) of the files `file` imports. */
function localImports(file: { path: string; text: string }): string[] {
  return specifiers(file.text)
    .filter((s) => s.startsWith("./") || s.startsWith("../"))
    .map((s) =>
      relative(ROOT, resolve(ROOT, dirname(file.path), s))
        .split(sep)
        .join("/"),
    );
}

/**
 * Paths below `@pulumi/pulumi` that are public: the documented Automation API, the generated
 * stubs of the Pulumi gRPC protocol (the contract between the engine and its plugins, which the
 * Analyzer harness speaks as the engine does), the entry the Pulumi CLI starts a Node.js policy
 * pack with, and package manifests.
 */
const PUBLIC_SUBPATHS = [
  /^@pulumi\/pulumi\/automation$/,
  /^@pulumi\/pulumi\/proto\/[a-z_]+_(?:grpc_)?pb$/,
  /^@pulumi\/pulumi\/cmd\/run-policy-pack$/,
  /^@pulumi\/(?:pulumi|policy)\/package\.json$/,
];

function isUnder(path: string, folder: string): boolean {
  return path === folder || path.startsWith(`${folder}/`);
}

describe("architecture", () => {
  it("reaches non-public paths of @pulumi/policy and @pulumi/pulumi only in the fence module", () => {
    const offenders = FILES.filter((f) => f.path !== FENCE).flatMap((f) =>
      [
        ...[...f.text.matchAll(/["'`](@pulumi\/(?:policy|pulumi)\/[^"'`]+)["'`]/g)]
          .map((m) => m[1])
          .filter((path) => !PUBLIC_SUBPATHS.some((p) => p.test(path))),
        // Resolving from inside an SDK's folder reaches its private dependencies.
        ...[...f.text.matchAll(/resolve\(\s*["'](@pulumi\/(?:policy|pulumi))["']\s*\)/g)].map(
          (m) => `modules resolved from ${m[1]}`,
        ),
      ].map((path) => `${f.path}: ${path}`),
    );
    assert.deepEqual(offenders, []);
    assert.ok(FILES.some((f) => f.path === FENCE && f.text.includes("@pulumi/policy/deserialize")));
  });

  it("has nothing outside test/ import anything from test/", () => {
    const offenders = FILES.filter((f) => !isUnder(f.path, "test")).flatMap((f) =>
      localImports(f)
        .filter((target) => isUnder(target, "test"))
        .map((target) => `${f.path} imports ${target}`),
    );
    assert.deepEqual(offenders, []);
  });

  it("keeps the pack folder to the pack: no protocol harness, imports of policies/ and rules/ only", () => {
    assert.equal(existsSync(join(ROOT, "policies", "protocol")), false);
    const offenders = FILES.filter((f) => isUnder(f.path, "policies")).flatMap((f) => [
      ...localImports(f)
        .filter((target) => !isUnder(target, "policies") && !isUnder(target, "rules"))
        .map((target) => `${f.path} imports ${target}`),
      ...specifiers(f.text)
        .filter((s) => s.startsWith("@pulumi/pulumi/proto/"))
        .map((s) => `${f.path} imports the protocol stubs ${s}`),
    ]);
    assert.deepEqual(offenders, []);
  });

  it("has preview/ and the examples import shared modules, not the CLI", () => {
    const offenders = FILES.filter(
      (f) => isUnder(f.path, "preview") || isUnder(f.path, "examples"),
    ).flatMap((f) =>
      localImports(f)
        .filter((target) => isUnder(target, "cli"))
        .map((target) => `${f.path} imports ${target}`),
    );
    assert.deepEqual(offenders, []);
  });

  it("keeps rules/ free of Pulumi", () => {
    const offenders = FILES.filter((f) => isUnder(f.path, "rules")).flatMap((f) =>
      specifiers(f.text)
        .filter((s) => s.startsWith("@pulumi/"))
        .map((s) => `${f.path} imports ${s}`),
    );
    assert.deepEqual(offenders, []);
  });
});
