import { existsSync, mkdirSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { createEngineWorkspace } from "../preview/engine/engine-workspace";
import { runEngineOperation } from "../preview/engine/run-engine-operation";
import { BenchResult } from "./bench-result";
import { writeNoopPack } from "./policy-pack";

const ROOT = join(__dirname, "..");
const WORKLOADS = 300;
const RUNS = 3;

/** The engine `scripts/engine/install.sh` built, linked at `.ci/work/engine`. */
const ENGINE_BIN = join(ROOT, ".ci", "work", "engine", "bin");

/** A Pulumi program of `count` hardened Deployments, rendered to YAML (no cluster needed). */
function writeProgram(dir: string, count: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "Pulumi.yaml"), "name: engine-bench\nruntime: nodejs\n");
  writeFileSync(
    join(dir, "index.ts"),
    `import * as k8s from "@pulumi/kubernetes";
const provider = new k8s.Provider("render", { renderYamlToDirectory: ${JSON.stringify(join(dir, "rendered"))} });
for (let i = 0; i < ${count}; i++) {
  const labels = { app: \`app-\${i}\` };
  new k8s.apps.v1.Deployment(\`app-\${i}\`, {
    metadata: { name: \`app-\${i}\`, namespace: "bench" },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, seccompProfile: { type: "RuntimeDefault" } },
          containers: [{
            name: "app",
            image: "registry.example.com/app@sha256:${"a".repeat(64)}",
            securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
            resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { memory: "64Mi" } },
          }],
        },
      },
    },
  }, { provider });
}
`,
  );
}

/** Milliseconds of one `pulumi preview` of the workspace's program. */
async function timePreview(
  workspace: ReturnType<typeof createEngineWorkspace>,
  policyPacks: string[],
): Promise<number> {
  const start = process.hrtime.bigint();
  const result = await runEngineOperation(workspace, "preview", {
    engineBin: ENGINE_BIN,
    policyPacks,
    env: { PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true" },
  });
  if (result.exitCode !== 0) {
    throw new Error(`pulumi preview exited ${result.exitCode}: ${result.stderr || result.stdout}`);
  }
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The wall time of the real `pulumi preview` on a program of 300 Kubernetes Deployments, with the
 * hardened-containers pack and without it, alternating runs in the same process; the pack may add
 * at most 10%. Needs the engine from `scripts/engine/install.sh`.
 */
export async function benchEnginePreview(): Promise<BenchResult> {
  if (!existsSync(join(ENGINE_BIN, "pulumi"))) {
    throw new Error(`no engine at ${ENGINE_BIN}: run scripts/engine/install.sh`);
  }
  const programDir = join(ROOT, ".bench", "engine-preview");
  writeProgram(programDir, WORKLOADS);
  const workspace = createEngineWorkspace(programDir);
  try {
    const noop = writeNoopPack(1);
    const without: number[] = [];
    const withNoop: number[] = [];
    const withPack: number[] = [];
    await timePreview(workspace, []);
    for (let i = 0; i < RUNS; i++) {
      without.push(await timePreview(workspace, []));
      withNoop.push(await timePreview(workspace, [noop]));
      withPack.push(await timePreview(workspace, [join(ROOT, "policies")]));
    }
    const ratio = median(withPack) / median(without);
    return {
      name: "engine-preview",
      description: `pulumi preview of ${WORKLOADS} Deployments with the hardened-containers pack against without any pack (real engine, median of ${RUNS}); a one-policy no-op pack shows what any Node.js pack costs`,
      metrics: {
        workloads: WORKLOADS,
        withoutPackMs: Math.round(median(without)),
        noopPackMs: Math.round(median(withNoop)),
        withPackMs: Math.round(median(withPack)),
        packOverNoop: Number((median(withPack) / median(withNoop)).toFixed(3)),
      },
      ratio: { value: Number(ratio.toFixed(3)), target: 1.1, met: ratio <= 1.1 },
    };
  } finally {
    workspace.dispose();
  }
}
