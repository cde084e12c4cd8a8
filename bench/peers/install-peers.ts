import { spawnSync } from "child_process";
import { join } from "path";

/** A peer tool as `scripts/bench/install-peers.sh` left it: installed, or why not. */
export type PeerInstall =
  | {
      readonly tool: string;
      readonly version: string;
      readonly installed: true;
      readonly executable: string;
      readonly installSeconds: number;
    }
  | {
      readonly tool: string;
      readonly version: string;
      readonly installed: false;
      readonly reason: string;
    };

const SCRIPT = join(__dirname, "..", "..", "scripts", "bench", "install-peers.sh");

/** Parses the script's lines: `tool version installed executable seconds` or `tool version unavailable reason`. */
export function parseInstallLines(text: string): PeerInstall[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const [tool, version, status, ...rest] = line.split("\t");
      if (status === "installed") {
        return {
          tool,
          version,
          installed: true,
          executable: rest[0],
          installSeconds: Number(rest[1] ?? 0),
        };
      }
      return { tool, version, installed: false, reason: rest.join(" ") || `status ${status}` };
    });
}

/**
 * Installs the peers (or finds them in the cache) with the repository's script; its progress goes to
 * this process's stderr. A script that cannot run makes every peer unavailable, with its error.
 */
export function installPeers(tools: readonly string[]): PeerInstall[] {
  const result = spawnSync("bash", [SCRIPT, ...tools], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 20,
  });
  const parsed = parseInstallLines(result.stdout ?? "");
  const reason = `scripts/bench/install-peers.sh failed (${result.error?.message ?? `exit ${result.status}`})`;
  return tools.map(
    (tool) =>
      parsed.find((p) => p.tool === tool) ?? { tool, version: "-", installed: false, reason },
  );
}
