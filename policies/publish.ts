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
 * Stages a self-contained copy of the pack for `pulumi policy publish`, which packs the pack
 * directory with `npm pack` and has every consumer run `npm install` in it: the compiled
 * `bin/rules` and `bin/policies`, `PulumiPolicy.yaml`, and a `package.json` whose `main` is the
 * compiled entry and whose dependencies are `@pulumi/pulumi` (the engine starts the pack with its
 * `cmd/run-policy-pack`) and exactly the npm packages those files require, at the versions the
 * repository's package.json names. Needs `npm run build` first.
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
  fs.rmSync(outDir, { recursive: true, force: true });
  for (const dir of ["rules", "policies"]) {
    fs.cpSync(path.join(bin, dir), path.join(outDir, dir), {
      recursive: true,
      filter: (source) => !source.endsWith(".map") && !source.endsWith(".d.ts"),
    });
  }
  const root = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
    license?: string;
  };
  const pack = JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, "policies", "package.json"), "utf8"),
  );
  const dependencies: Record<string, string> = {};
  for (const name of ["@pulumi/pulumi", ...requiredPackages(jsFiles(outDir))]) {
    const version = root.dependencies[name];
    if (version === undefined) {
      throw new StagePackError(
        `the pack requires "${name}", which is not a dependency in ${path.join(REPO_ROOT, "package.json")}`,
      );
    }
    dependencies[name] = version;
  }
  fs.writeFileSync(
    path.join(outDir, "package.json"),
    `${JSON.stringify({ ...pack, private: undefined, main: "policies/index.js", dependencies }, null, 2)}\n`,
  );
  fs.copyFileSync(
    path.join(REPO_ROOT, "policies", "PulumiPolicy.yaml"),
    path.join(outDir, "PulumiPolicy.yaml"),
  );
  return outDir;
}

if (require.main === module) {
  const out = path.resolve(
    process.argv[2] ?? path.join(REPO_ROOT, "bin", "publish", "hardened-containers"),
  );
  process.stdout.write(`${stagePolicyPack(out)}\n`);
}
