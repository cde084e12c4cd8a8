import * as fs from "fs";
import { builtinModules } from "module";
import * as path from "path";

/** The repository root, seen from `bin/policies` (compiled) or `policies` (ts-node). */
const REPO_ROOT = path.resolve(
  __dirname,
  path.basename(path.dirname(__dirname)) === "bin" ? "../.." : "..",
);

/** Thrown when the pack cannot be staged; says what is missing and how to produce it. */
export class StagePackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StagePackError";
  }
}

function jsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? jsFiles(full) : entry.name.endsWith(".js") ? [full] : [];
  });
}

function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** The npm packages the compiled files require, other than Node built-ins and relative paths. */
function requiredPackages(files: readonly string[]): string[] {
  const found = new Set<string>();
  for (const file of files) {
    for (const match of fs.readFileSync(file, "utf8").matchAll(/require\("([^"./][^"]*)"\)/g)) {
      const name = packageOf(match[1]);
      if (!name.startsWith("node:") && !builtinModules.includes(name)) {
        found.add(name);
      }
    }
  }
  return [...found].sort();
}

/**
 * The dependencies of a pack made of `files` (compiled JavaScript): `@pulumi/pulumi` (the engine
 * starts a pack with its `cmd/run-policy-pack`) and exactly the npm packages the files require, at
 * the ranges the repository's package.json names (as dependencies or peer dependencies).
 */
export function packDependencies(files: readonly string[]): Record<string, string> {
  const root = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  const dependencies: Record<string, string> = {};
  for (const name of ["@pulumi/pulumi", ...requiredPackages(files)].sort()) {
    const version = root.dependencies?.[name] ?? root.peerDependencies?.[name];
    if (version === undefined) {
      throw new StagePackError(
        `the pack requires "${name}", which is not a dependency in ${path.join(REPO_ROOT, "package.json")}`,
      );
    }
    dependencies[name] = version;
  }
  return dependencies;
}

/** Where the build puts the compiled pack, inside the pack folder: `policies/lib`. */
export const PACK_LIB = path.join(REPO_ROOT, "policies", "lib");

/**
 * Replaces `outDir` with the compiled pack: the JavaScript in `bin/policies` and `bin/rules` of
 * every source that still exists (a stale output of a moved or deleted file is left behind), in
 * `outDir/policies` and `outDir/rules`. The copy is made beside `outDir` and renamed into place,
 * so a pack starting meanwhile from `outDir` reads the old copy or the new one, never half of one.
 * Needs `npm run build` (or the tests' `buildPack`) first.
 */
export function copyCompiledPack(outDir: string): void {
  const bin = path.join(REPO_ROOT, "bin");
  const fresh = `${outDir}.new-${process.pid}`;
  const old = `${outDir}.old-${process.pid}`;
  fs.rmSync(fresh, { recursive: true, force: true });
  for (const dir of ["rules", "policies"]) {
    fs.cpSync(path.join(bin, dir), path.join(fresh, dir), {
      recursive: true,
      filter: (source) => {
        const inSources = path.join(REPO_ROOT, path.relative(bin, source));
        return fs.statSync(source).isDirectory()
          ? fs.existsSync(inSources)
          : source.endsWith(".js") && fs.existsSync(inSources.replace(/\.js$/, ".ts"));
      },
    });
  }
  if (fs.existsSync(outDir)) {
    fs.renameSync(outDir, old);
  }
  fs.renameSync(fresh, outDir);
  fs.rmSync(old, { recursive: true, force: true });
}

/**
 * Stages a self-contained copy of the pack for `pulumi policy publish`, which packs the pack
 * directory with `npm pack` and has every consumer run `npm install` in it: the compiled
 * `bin/rules` and `bin/policies`, `PulumiPolicy.yaml`, and a `package.json` whose `main` is the
 * compiled entry and whose dependencies are `@pulumi/pulumi` (the engine starts the pack with its
 * `cmd/run-policy-pack`) and exactly the npm packages those files require, at the versions the
 * repository's package.json names. Needs `npm run build` first. (The built pack folder,
 * `policies/` with its `lib/`, is such a pack too, as the published package holds it.)
 *
 * @param outDir the directory to create (replaced when it exists).
 * @returns `outDir`.
 */
export function stagePolicyPack(outDir: string): string {
  const bin = path.join(REPO_ROOT, "bin");
  if (!fs.existsSync(path.join(bin, "policies", "index.js"))) {
    throw new StagePackError(
      `${path.join(bin, "policies", "index.js")} does not exist: run "npm run build" first`,
    );
  }
  copyCompiledPack(outDir);
  const pack = JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, "policies", "package.json"), "utf8"),
  );
  const dependencies = packDependencies(jsFiles(outDir));
  fs.writeFileSync(
    path.join(outDir, "package.json"),
    `${JSON.stringify({ ...pack, private: undefined, main: "policies/index.js", files: undefined, dependencies }, null, 2)}\n`,
  );
  fs.copyFileSync(
    path.join(REPO_ROOT, "policies", "PulumiPolicy.yaml"),
    path.join(outDir, "PulumiPolicy.yaml"),
  );
  return outDir;
}

if (require.main === module && process.argv[2] === "--lib") {
  // `npm run build`: the pack folder gets its compiled code, so it is a pack by itself.
  copyCompiledPack(PACK_LIB);
} else if (require.main === module) {
  const out = path.resolve(
    process.argv[2] ?? path.join(REPO_ROOT, "bin", "publish", "hardened-containers"),
  );
  process.stdout.write(`${stagePolicyPack(out)}\n`);
}
