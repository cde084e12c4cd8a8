import { ChildProcessWithoutNullStreams, execFileSync, spawn } from "child_process";
import { join } from "path";
import { createInterface } from "readline";

const BUILD_SCRIPT = join(
  __dirname,
  "..",
  "..",
  "scripts",
  "test-services",
  "build-pss-reference.sh",
);

/**
 * The path of psa-eval (test/pss-reference), building it first when the cache lacks it. On a
 * machine set up by scripts/test-services/start.sh this only hashes the sources.
 */
export function psaEvalBinary(): string {
  return execFileSync("bash", [BUILD_SCRIPT], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
}

/**
 * A running psa-eval for one level and version: pods go in one JSON line each, the failing
 * upstream check ids come back in the same order. Requests may overlap; answers are matched
 * to them first in, first out.
 */
export class PsaOracle {
  private readonly process: ChildProcessWithoutNullStreams;
  private readonly waiting: {
    readonly resolve: (ids: string[]) => void;
    readonly reject: (error: Error) => void;
  }[] = [];
  private stderr = "";

  /** Starts `binary` for `level` (`baseline` or `restricted`) and `version` (`v1.N` or `latest`). */
  constructor(
    binary: string,
    readonly level: string,
    readonly version: string,
  ) {
    this.process = spawn(binary, [level, version]);
    this.process.stderr.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    createInterface({ input: this.process.stdout }).on("line", (line) => {
      this.waiting.shift()?.resolve(JSON.parse(line) as string[]);
    });
    this.process.on("exit", (code) => {
      const error = new Error(`psa-eval ${level} ${version} exited with ${code}: ${this.stderr}`);
      this.waiting.splice(0).forEach((w) => w.reject(error));
    });
  }

  /** The ids of the upstream checks `pod` fails, sorted. */
  evaluate(pod: unknown): Promise<string[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.process.stdin.write(`${JSON.stringify(pod)}\n`);
    });
  }

  /** Ends the process. */
  close(): void {
    this.process.stdin.end();
  }
}
