import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import { readFileSync, readdirSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..", "..", "..");
const EXAMPLE = join(ROOT, "examples", "unit-testing");
const DOCS = readFileSync(join(ROOT, "docs", "hardened-image.md"), "utf8");

/** The fenced `ts` blocks of the docs' unit-testing section. */
function recipeBlocks(): string[] {
  const heading = "## Unit tests with mocks";
  const start = DOCS.indexOf(heading);
  assert.ok(start >= 0, `docs/hardened-image.md has no "${heading}"`);
  const next = DOCS.indexOf("\n## ", start + heading.length);
  return [...DOCS.slice(start, next < 0 ? undefined : next).matchAll(/```ts\n([\s\S]*?)```/g)].map(
    (m) => m[1],
  );
}

function runMocha(): { code: number | null; output: string } {
  const run = spawnSync(
    process.execPath,
    [
      "-r",
      "ts-node/register/transpile-only",
      "-r",
      join(ROOT, "test", "support", "no-network.ts"),
      join(ROOT, "node_modules", "mocha", "bin", "mocha.js"),
      "--no-config",
      "--require",
      "ts-node/register/transpile-only",
      "--extension",
      "ts",
      "--timeout",
      "60000",
      join(EXAMPLE, "index.test.ts"),
    ],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, "tsconfig.json") },
    },
  );
  return { code: run.status, output: `${run.stdout}\n${run.stderr}` };
}

/** Runs `script` with the no-network hook preloaded. */
function runHooked(script: string): { code: number | null; output: string } {
  const run = spawnSync(
    process.execPath,
    [
      "-r",
      "ts-node/register/transpile-only",
      "-r",
      join(ROOT, "test", "support", "no-network.ts"),
      "-e",
      script,
    ],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, "tsconfig.json") },
    },
  );
  return { code: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe("the no-network hook", () => {
  it("catches the registry client's connection and fails the process", function () {
    this.timeout(60000);
    const run = runHooked(
      'const { RegistryClient } = require("./oci/client");' +
        'const { parseImageReference } = require("./rules/image-reference");' +
        'new RegistryClient({}).resolveDigest(parseImageReference("127.0.0.1:5000/x:1")).catch(() => undefined);',
    );
    assert.notEqual(run.code, 0, run.output);
    assert.match(run.output, /NETWORK I\/O: connect/);
  });

  it("catches an unhandled rejection and fails the process", function () {
    this.timeout(60000);
    const run = runHooked('Promise.reject(new Error("lost"));');
    assert.notEqual(run.code, 0, run.output);
    assert.match(run.output, /UNHANDLED REJECTION: Error: lost/);
  });
});

describe("the unit-testing recipe (docs/hardened-image.md, examples/unit-testing)", () => {
  it("is the code the docs show", () => {
    const blocks = recipeBlocks();
    assert.equal(blocks.length, 2);
    assert.equal(blocks[0], readFileSync(join(EXAMPLE, "index.ts"), "utf8"));
    assert.equal(blocks[1], readFileSync(join(EXAMPLE, "index.test.ts"), "utf8"));
  });

  it("passes under mocha with every connection and DNS lookup refused, and no unhandled rejection", function () {
    this.timeout(180000);
    const before = readdirSync(join(EXAMPLE, "app")).sort();
    const run = runMocha();
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /3 passing/);
    assert.doesNotMatch(run.output, /NETWORK I\/O|UNHANDLED REJECTION|failing/);
    assert.deepEqual(
      readdirSync(join(EXAMPLE, "app")).sort(),
      before,
      "nothing written to the context",
    );
  });
});
