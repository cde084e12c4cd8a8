import { existsSync, readFileSync, statSync } from "fs";
import { join, resolve } from "path";
import { parse } from "yaml";
import { InputError } from "../shared/input-error";

/** Where a Pulumi program starts, and its project name. */
export interface ProgramEntry {
  /** The program's folder. */
  readonly dir: string;
  /** The project name from Pulumi.yaml. */
  readonly project: string;
  /** The file to load. */
  readonly entry: string;
  /** Config defaults from Pulumi.yaml's `config` block, as `project:key` → value. */
  readonly configDefaults: Readonly<Record<string, string>>;
}

/** The `default` (or `value`) of each key in Pulumi.yaml's `config` block, as the CLI applies them. */
function projectConfigDefaults(config: unknown, project: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof config !== "object" || config === null) {
    return out;
  }
  for (const [rawKey, spec] of Object.entries(config)) {
    const declared = typeof spec === "object" && spec !== null && !Array.isArray(spec);
    const value = declared
      ? ((spec as { value?: unknown; default?: unknown }).value ??
        (spec as { default?: unknown }).default)
      : spec;
    if (value !== undefined) {
      out[rawKey.includes(":") ? rawKey : `${project}:${rawKey}`] =
        typeof value === "string" ? value : JSON.stringify(value);
    }
  }
  return out;
}

/**
 * Finds a TypeScript or JavaScript Pulumi program's entry point the way the Node.js language host
 * does: Pulumi.yaml's `main` (a file or folder), then package.json's `main`, then `index.ts` or
 * `index.js`. Throws an `InputError` naming the folder when it is not a Node.js Pulumi program.
 */
export function findProgramEntry(programDir: string): ProgramEntry {
  const dir = resolve(programDir);
  const projectFile = join(dir, "Pulumi.yaml");
  if (!existsSync(projectFile)) {
    throw new InputError(`${programDir} is not a Pulumi program: no Pulumi.yaml`);
  }
  const project = parse(readFileSync(projectFile, "utf8")) as {
    name?: unknown;
    runtime?: unknown;
    main?: unknown;
    config?: unknown;
  };
  const runtime =
    typeof project.runtime === "object" && project.runtime !== null
      ? (project.runtime as { name?: unknown }).name
      : project.runtime;
  if (runtime !== "nodejs") {
    throw new InputError(
      `${projectFile}: runtime is ${JSON.stringify(runtime)}; hardened preview runs nodejs programs only`,
    );
  }
  if (typeof project.name !== "string") {
    throw new InputError(`${projectFile}: missing project name`);
  }
  const main = typeof project.main === "string" ? join(dir, project.main) : dir;
  const base = existsSync(main) && statSync(main).isFile() ? undefined : main;
  const pkgFile = base === undefined ? "" : join(base, "package.json");
  const pkgMain =
    base !== undefined && existsSync(pkgFile)
      ? (JSON.parse(readFileSync(pkgFile, "utf8")) as { main?: string }).main
      : undefined;
  const candidates =
    base === undefined
      ? [main]
      : [...(pkgMain ? [join(base, pkgMain)] : []), join(base, "index.ts"), join(base, "index.js")];
  const entry = candidates.find((c) => existsSync(c));
  if (!entry) {
    throw new InputError(`${programDir}: no program entry point (tried ${candidates.join(", ")})`);
  }
  return {
    dir,
    project: project.name,
    entry,
    configDefaults: projectConfigDefaults(project.config, project.name),
  };
}
