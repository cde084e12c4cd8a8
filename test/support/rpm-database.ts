import { execFileSync, spawnSync } from "child_process";
import { mkdirSync, readdirSync, writeFileSync } from "fs";
import { join } from "path";

/** A package to install into a test rpm database. */
export interface TestRpm {
  readonly name: string;
  readonly version: string;
  readonly release: string;
  readonly epoch?: number;
  /** Bytes of description: a large one makes the header overflow its SQLite page. */
  readonly descriptionBytes?: number;
}

/** Skips the suite when Debian's `rpm` package (rpm, rpmbuild) is not installed. */
export function requireRpm(context: Mocha.Context): void {
  const found = ["rpm", "rpmbuild"].every(
    (tool) => spawnSync(tool, ["--version"], { stdio: "ignore" }).status === 0,
  );
  if (!found) {
    console.log(
      "    (rpm and rpmbuild are not on PATH: scripts/test-services/start.sh installs them)",
    );
    context.skip();
  }
}

function spec(packages: readonly TestRpm[]): string {
  const section = (p: TestRpm, main: boolean) =>
    [
      main ? `Name: ${p.name}` : `%package -n ${p.name}`,
      ...(main ? [`Version: ${p.version}`, `Release: ${p.release}`, "License: MIT"] : []),
      ...(main ? [] : [`Version: ${p.version}`, `Release: ${p.release}`]),
      ...(p.epoch === undefined ? [] : [`Epoch: ${p.epoch}`]),
      `Summary: test package ${p.name}`,
      ...(main ? ["BuildArch: noarch"] : []),
      main ? "%description" : `%description -n ${p.name}`,
      "x".repeat(p.descriptionBytes ?? 16),
      main ? "%files" : `%files -n ${p.name}`,
      "",
    ].join("\n");
  return packages.map((p, i) => section(p, i === 0)).join("\n");
}

/**
 * Builds `packages` with rpmbuild (one spec, the first the main package, the others subpackages
 * that inherit its epoch when they have none of their own,
 * all noarch and empty) and installs them with `rpm --justdb` into a new sqlite rpm database in
 * `dir/db`. Returns the database file's path (`dir/db/rpmdb.sqlite`).
 */
export function buildRpmDatabase(dir: string, packages: readonly TestRpm[]): string {
  const top = join(dir, "rpmbuild");
  const db = join(dir, "db");
  mkdirSync(join(top, "SPECS"), { recursive: true });
  mkdirSync(db, { recursive: true });
  const specFile = join(top, "SPECS", "test.spec");
  writeFileSync(specFile, spec(packages));
  const quiet = { stdio: ["ignore", "ignore", "pipe"] as ("ignore" | "pipe")[] };
  execFileSync("rpmbuild", ["--define", `_topdir ${top}`, "-bb", specFile], quiet);
  const rpmDir = join(top, "RPMS", "noarch");
  const rpms = readdirSync(rpmDir).map((name) => join(rpmDir, name));
  const dbArgs = ["--dbpath", db, "--define", "_db_backend sqlite"];
  execFileSync("rpm", [...dbArgs, "--initdb"], quiet);
  execFileSync("rpm", [...dbArgs, "-i", "--justdb", "--nodeps", "--ignoreos", ...rpms], quiet);
  return join(db, "rpmdb.sqlite");
}

/** What `rpm -qa` lists of the database at `path`: `name epoch:version-release arch`, sorted. */
export function rpmQueryAll(path: string): string[] {
  const db = path.slice(0, path.lastIndexOf("/"));
  return execFileSync(
    "rpm",
    ["--dbpath", db, "-qa", "--queryformat", "%{NAME} %{EPOCH}:%{VERSION}-%{RELEASE} %{ARCH}\\n"],
    { encoding: "utf8" },
  )
    .trim()
    .split("\n")
    .map((line) => line.replace(" (none):", " "))
    .sort();
}
