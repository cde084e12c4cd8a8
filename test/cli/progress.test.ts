import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
/** Pushed by scripts/test-services/start.sh: FROM scratch with one file. */
const TINY = "127.0.0.1:5000/tiny:latest";

function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `hardened ARGS` from source, its stdout and stderr on a real pseudo-terminal (util-linux `script`). */
function onTerminal(args: readonly string[], env: Record<string, string> = {}): string {
  const command = [
    process.execPath,
    "-r",
    require.resolve("ts-node/register/transpile-only"),
    join(ROOT, "cli", "hardened.ts"),
    ...args,
  ]
    .map(shellQuote)
    .join(" ");
  const result = spawnSync("script", ["-qec", command, "/dev/null"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, TS_NODE_PROJECT: join(ROOT, "tsconfig.json"), ...env },
  });
  assert.ok(
    result.status === 0 || result.status === 1,
    `exit ${result.status}: ${result.stdout}${result.stderr}`,
  );
  return result.stdout;
}

/** The same, with standard error a pipe: not a terminal. */
function offTerminal(args: readonly string[], env: Record<string, string> = {}): string {
  const result = spawnSync(
    process.execPath,
    [
      "-r",
      require.resolve("ts-node/register/transpile-only"),
      join(ROOT, "cli", "hardened.ts"),
      ...args,
    ],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, "tsconfig.json"), ...env },
    },
  );
  return result.stderr;
}

describe("progress on a terminal (verify, report)", function () {
  this.timeout(180_000);
  let dir: string;
  let archive: string;

  before(function () {
    const docker = (args: string[]) => spawnSync("docker", args, { encoding: "utf8" });
    if (docker(["pull", "-q", TINY]).status !== 0) {
      console.log(`      (${TINY} not reachable: run scripts/test-services/start.sh)`);
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), "hardened-progress-"));
    archive = join(dir, "tiny.tar");
    const saved = docker(["save", "-o", archive, TINY]);
    assert.equal(saved.status, 0, saved.stderr);
  });
  after(() => dir !== undefined && rmSync(dir, { recursive: true, force: true }));

  // Progress starts after a second; the tests shorten that so a small image shows it.
  const now = { HARDENED_PROGRESS_DELAY_MS: "0" };

  /** The escape that clears the line: carriage return, then erase the whole line. */
  const CLEAR = "\r\u001b[2K";

  it("verify shows the layers and bytes read, then clears the line", () => {
    const out = onTerminal(["verify", "--archive", archive, "--fail-on", "none"], now);
    assert.match(out, /hardened verify: 1 layer read, \d+(\.\d)? (B|KiB)/);
    assert.ok(out.includes(`${CLEAR}hardened verify: `), "drawn in place");
    const lastDrawing = out.slice(out.lastIndexOf(`${CLEAR}hardened verify: `) + CLEAR.length);
    const end = lastDrawing.indexOf("\r");
    assert.ok(
      !lastDrawing.slice(0, end).includes("\n") && lastDrawing.startsWith(CLEAR, end),
      "cleared before anything else is written",
    );
  });

  it("report shows it too", () => {
    const out = onTerminal(["report", "--archive", archive], now);
    assert.match(out, /hardened report: 1 layer read/);
  });

  it("nothing with --quiet, nothing when stderr is not a terminal, nothing for work under the delay", () => {
    assert.doesNotMatch(
      onTerminal(["verify", "--archive", archive, "--quiet", "--fail-on", "none"], now),
      /layer read/,
    );
    assert.doesNotMatch(onTerminal(["report", "--archive", archive, "--quiet"], now), /layer read/);
    assert.doesNotMatch(
      offTerminal(["verify", "--archive", archive, "--fail-on", "none"], now),
      /layer read/,
    );
    assert.doesNotMatch(
      onTerminal(["verify", "--archive", archive, "--fail-on", "none"], {
        HARDENED_PROGRESS_DELAY_MS: "60000",
      }),
      /layer read/,
    );
  });
});
