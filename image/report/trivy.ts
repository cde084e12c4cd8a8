import { spawn } from "child_process";

/** Vulnerability counts of one image, as a scanner reported them. */
export interface VulnerabilityCounts {
  /** Every reported vulnerability (one per package and CVE). */
  readonly total: number;
  /** Those of severity CRITICAL. */
  readonly critical: number;
  /** Those of severity HIGH. */
  readonly high: number;
}

/** A scan that could not be run or read. */
export class TrivyError extends Error {
  constructor(image: string, detail: string) {
    super(`trivy could not scan ${image}: ${detail}`);
    this.name = "TrivyError";
  }
}

/** Counts the vulnerabilities of a `trivy image --format json` report. */
export function countTrivyVulnerabilities(json: string, image: string): VulnerabilityCounts {
  let report: { Results?: { Vulnerabilities?: { Severity?: string }[] | null }[] | null };
  try {
    report = JSON.parse(json) as typeof report;
  } catch {
    throw new TrivyError(image, "its output is not JSON");
  }
  const severities = (report.Results ?? []).flatMap((r) =>
    (r.Vulnerabilities ?? []).map((v) => v.Severity ?? "UNKNOWN"),
  );
  return {
    total: severities.length,
    critical: severities.filter((s) => s === "CRITICAL").length,
    high: severities.filter((s) => s === "HIGH").length,
  };
}

/** True when a `trivy` executable is on PATH. */
export function trivyAvailable(): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn("trivy", ["--version"], { stdio: "ignore" });
    child.on("error", () => resolve(false));
    child.on("close", (code) => resolve(code === 0));
  });
}

/** Scans `image` with `trivy image --format json --quiet` and counts what it found. */
export function scanWithTrivy(
  image: string,
  extraArgs: readonly string[] = [],
): Promise<VulnerabilityCounts> {
  return new Promise((resolve, reject) => {
    const child = spawn("trivy", ["image", "--format", "json", "--quiet", ...extraArgs, image], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => err.push(c));
    child.on("error", (e) => reject(new TrivyError(image, e.message)));
    child.on("close", (code) => {
      if (code !== 0) {
        reject(
          new TrivyError(image, Buffer.concat(err).toString("utf8").trim() || `exit code ${code}`),
        );
        return;
      }
      try {
        resolve(countTrivyVulnerabilities(Buffer.concat(out).toString("utf8"), image));
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}
