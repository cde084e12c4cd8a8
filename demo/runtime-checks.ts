import { captureHardened } from "./run-hardened";

/** The seed's three runtime checks, each with the runtime rule of `hardened verify --runtime` that makes it. */
export const RUNTIME_CHECKS = [
  { check: "whoami is not root", ruleId: "image-runtime-non-root" },
  { check: "/bin/sh cannot start", ruleId: "image-runtime-no-shell" },
  { check: "touch /test is refused", ruleId: "image-runtime-writable-rootfs" },
] as const;

/** One image's result of each of {@link RUNTIME_CHECKS}: the failing finding's message, or null. */
export type RuntimeResults = readonly (string | null)[];

/**
 * Runs `hardened verify --runtime --format json` on `image` and returns, per runtime check, the
 * message of its finding (the check failed) or null (it passed). Throws when verify cannot run
 * (exit 2 or output that is not its JSON).
 */
export async function runtimeResults(image: string): Promise<RuntimeResults> {
  const args = ["verify", "--runtime", "--format", "json", image];
  const run = await captureHardened(args);
  let findings: { ruleId: string; message: string }[];
  try {
    ({ findings } = JSON.parse(run.stdout) as { findings: typeof findings });
  } catch {
    throw new Error(
      `hardened ${args.join(" ")} exited ${run.code} without its JSON: ${run.stderr.trim()}`,
    );
  }
  return RUNTIME_CHECKS.map(
    ({ ruleId }) => findings.find((f) => f.ruleId === ruleId)?.message ?? null,
  );
}

/**
 * The lines that show the runtime checks of the hardened image and of the image before hardening,
 * side by side, then why each check failed.
 */
export function runtimeLines(after: RuntimeResults, before: RuntimeResults): string[] {
  const width = Math.max(...RUNTIME_CHECKS.map((c) => `${c.check} (${c.ruleId})`.length));
  const result = (message: string | null) => (message === null ? "PASS" : "FAIL");
  return [
    "RUNTIME CHECKS (hardened verify --runtime):",
    `  ${"check".padEnd(width)}  hardened  before`,
    ...RUNTIME_CHECKS.map(
      (c, i) =>
        `  ${`${c.check} (${c.ruleId})`.padEnd(width)}  ${result(after[i]).padEnd(8)}  ${result(before[i])}`,
    ),
    ...RUNTIME_CHECKS.flatMap((c, i) => [
      ...(after[i] === null ? [] : [`  hardened, ${c.check}: ${after[i]}`]),
      ...(before[i] === null ? [] : [`  before, ${c.check}: ${before[i]}`]),
    ]),
  ];
}

/**
 * Shows the runtime checks of both images and says whether they behaved as the demo describes:
 * every check passes on the hardened image and fails on the image before hardening. Returns
 * undefined when they did, else what differed.
 */
export async function showRuntimeChecks(
  after: string,
  before: string,
  write: (line: string) => void,
): Promise<string | undefined> {
  const afterResults = await runtimeResults(after);
  const beforeResults = await runtimeResults(before);
  for (const line of runtimeLines(afterResults, beforeResults)) {
    write(line);
  }
  const unexpected = [
    ...RUNTIME_CHECKS.filter((_, i) => afterResults[i] !== null).map(
      (c) => `${c.check} failed on the hardened image`,
    ),
    ...RUNTIME_CHECKS.filter((_, i) => beforeResults[i] === null).map(
      (c) => `${c.check} passed on the image before hardening`,
    ),
  ];
  return unexpected.length === 0 ? undefined : unexpected.join("; ");
}
