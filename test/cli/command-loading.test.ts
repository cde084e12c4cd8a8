import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import { join } from "path";
import { runCli } from "../support/run-cli";

const ROOT = join(__dirname, "..", "..");

/** Modules that only some commands need: none may load before the command that needs it runs. */
const HEAVY = [
  "node_modules/@pulumi/",
  "node_modules/@grpc/",
  "node_modules/ajv",
  "node_modules/dockerfile-ast/",
  "node_modules/yaml/",
  "node_modules/tar-stream/",
  "/rules/catalog.ts",
  "/preview/",
  "/oci/client.ts",
  "/examples",
];

/** The modules loaded once the program is built with every command registered, as at start. */
function modulesAtStart(): string[] {
  const script = [
    `require(${JSON.stringify(join(ROOT, "cli", "program.ts"))}).buildProgram();`,
    "process.stdout.write(JSON.stringify(Object.keys(require.cache)));",
  ].join("\n");
  const out = execFileSync(
    process.execPath,
    ["-r", require.resolve("ts-node/register/transpile-only"), "-e", script],
    { cwd: ROOT, encoding: "utf8" },
  );
  return (JSON.parse(out) as string[]).map((path) => path.split("\\").join("/"));
}

describe("hardened loads what a command needs when it runs", function () {
  this.timeout(60_000);

  it("registers every command without loading the SDKs, rule catalog or readers", () => {
    const loaded = modulesAtStart();
    const early = loaded.filter((path) => HEAVY.some((heavy) => path.includes(heavy)));
    assert.deepEqual(early, []);
  });

  it("still lists every command in --help", () => {
    const run = runCli(["--help"]);
    assert.equal(run.code, 0);
    for (const command of ["check", "lint", "pin", "report", "preview", "rules", "verify"]) {
      assert.match(run.stdout, new RegExp(`^\\s+${command}\\b`, "m"), command);
    }
  });
});
