import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import { builtinModules } from "module";
import { tmpdir } from "os";
import { join, relative } from "path";

const ROOT = join(__dirname, "..");

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  bundleDependencies?: unknown;
  bundledDependencies?: unknown;
}

const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Manifest;
const peers = manifest.peerDependencies ?? {};

/**
 * The Pulumi SDKs a user's program shares with the package: one copy each, the user's own.
 * `@pulumi/docker` is not one: HardenedImage builds with the Docker CLI, and the policy pack
 * reads Docker resources by their type tokens, so any version of it works beside the package.
 */
const PULUMI_PEERS = ["@pulumi/kubernetes", "@pulumi/policy", "@pulumi/pulumi"];

/** Packages the published code loads only when it runs from its TypeScript sources. */
const SOURCES_ONLY = ["ts-node"];

function installedVersion(name: string): string {
  const text = readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8");
  return (JSON.parse(text) as { version: string }).version.replace(/^v/, "");
}

/** The TypeScript files the published build (`tsconfig.json`) compiles into `bin/`. */
function publishedSources(): string[] {
  const config = JSON.parse(readFileSync(join(ROOT, "tsconfig.json"), "utf8")) as {
    include: string[];
  };
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : path.endsWith(".ts") ? [path] : [];
    });
  return config.include.flatMap((pattern) => {
    const match = /^([^*]+)\/\*\*\/\*\.ts$/.exec(pattern);
    if (match !== null) {
      return walk(join(ROOT, match[1]));
    }
    assert.ok(!pattern.includes("*"), `tsconfig.json include pattern not understood: ${pattern}`);
    return [join(ROOT, pattern)];
  });
}

/**
 * The packages (`@scope/name` or `name`) a source file imports or requires at run time: builtins
 * and type-only imports (erased by the compiler) left out.
 */
function importedPackages(text: string): string[] {
  const source = text.replace(/^import type [^;]*;$/gm, "");
  const specifiers = [
    ...source.matchAll(/\bfrom\s+"([^"]+)"/g),
    ...source.matchAll(/\bimport\s+"([^"]+)"/g),
    ...source.matchAll(/\b(?:require|import)\(\s*"([^"]+)"\s*\)/g),
    ...source.matchAll(/\brequire\.resolve\(\s*"([^"]+)"\s*\)/g),
  ].map((m) => m[1]);
  return specifiers
    .filter((s) => !s.startsWith(".") && !s.startsWith("node:"))
    .map((s) =>
      s
        .split("/")
        .slice(0, s.startsWith("@") ? 2 : 1)
        .join("/"),
    )
    .filter((name) => !builtinModules.includes(name));
}

describe("package.json", () => {
  it("declares the Pulumi SDKs as peer dependencies, and the repository installs them as devDependencies", () => {
    assert.deepEqual(Object.keys(peers).sort(), PULUMI_PEERS);
    for (const name of PULUMI_PEERS) {
      assert.equal(manifest.dependencies?.[name], undefined, `${name} is still a dependency`);
      assert.equal(manifest.devDependencies?.[name], peers[name], `${name}: devDependency range`);
    }
    assert.equal(manifest.bundleDependencies, undefined);
    assert.equal(manifest.bundledDependencies, undefined);
  });

  it("gives each peer a range that starts at the version the tests run with", () => {
    for (const name of PULUMI_PEERS) {
      assert.match(peers[name], /^[\^~]\d+\.\d+\.\d+$/, `${name}: ${peers[name]}`);
      assert.equal(peers[name].slice(1), installedVersion(name), `${name}: ${peers[name]}`);
    }
  });

  it("has every peer range satisfied by the installed version, as npm itself judges it", () => {
    // npm ls reads the root's devDependencies edge over its peer edge, so judge the peer ranges
    // alone: a manifest whose only dependencies are the peers, over the repository's node_modules.
    const dir = mkdtempSync(join(tmpdir(), "hardened-peers-"));
    try {
      symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
      const judged = (ranges: Record<string, string>) => {
        writeFileSync(
          join(dir, "package.json"),
          JSON.stringify({ name: "peers", version: "0.0.0", dependencies: ranges }),
        );
        let out: string;
        try {
          out = execFileSync("npm", ["ls", "--json", "--depth=0", "--offline"], {
            cwd: dir,
            encoding: "utf8",
            stdio: ["ignore", "pipe", "ignore"],
          });
        } catch (error) {
          out = (error as { stdout: string }).stdout;
        }
        const tree = JSON.parse(out) as {
          dependencies: Record<string, { version?: string; invalid?: string; missing?: boolean }>;
        };
        return Object.keys(ranges).map((name) => ({ name, ...tree.dependencies[name] }));
      };
      for (const dep of judged(peers)) {
        assert.equal(dep.invalid, undefined, `${dep.name}@${dep.version}: ${dep.invalid}`);
        assert.equal(dep.missing, undefined, `${dep.name} is not installed`);
        assert.equal(dep.version?.replace(/^v/, ""), installedVersion(dep.name));
      }
      // The same judge refuses a range the installed version is outside of.
      const [outside] = judged({ "@pulumi/pulumi": `>${installedVersion("@pulumi/pulumi")}` });
      assert.match(outside.invalid ?? "", /from the root project/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("has the published code import the Pulumi SDKs only as peers, and every other package as a dependency", () => {
    const imported = new Map<string, string>();
    for (const file of publishedSources()) {
      for (const name of importedPackages(readFileSync(file, "utf8"))) {
        if (!imported.has(name)) {
          imported.set(name, relative(ROOT, file));
        }
      }
    }
    const pulumi = [...imported.keys()].filter((name) => name.startsWith("@pulumi/")).sort();
    assert.deepEqual(pulumi, PULUMI_PEERS, "the @pulumi packages the published code imports");
    for (const [name, file] of imported) {
      const declared = name.startsWith("@pulumi/")
        ? peers[name]
        : SOURCES_ONLY.includes(name)
          ? manifest.devDependencies?.[name]
          : manifest.dependencies?.[name];
      assert.ok(
        declared !== undefined,
        `${file} imports ${name}, which is not a ${name.startsWith("@pulumi/") ? "peer " : ""}dependency`,
      );
    }
  });
});
