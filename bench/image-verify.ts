import { spawnSync } from "child_process";
import { randomBytes } from "crypto";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readLayer } from "../image/layer-reader";
import { parsePlatform } from "../image/platform";
import { verifyImage } from "../image/verify";
import { RegistryClient } from "../oci/client";
import { BenchResult } from "./bench-result";

const REGISTRY = "127.0.0.1:5000";
const BASE = `${REGISTRY}/debian:bookworm-slim`;
/** Incompressible bytes added to the Debian base (about 120 MB) to make an image of about 170 MB. */
const FILLER_BYTES = 50_000_000;

function docker(args: readonly string[], cwd?: string): string {
  const result = spawnSync("docker", args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, DOCKER_BUILDKIT: "0" },
  });
  if (result.status !== 0) {
    throw new Error(
      `docker ${args.join(" ")} exited with ${result.status}: ${(result.stderr ?? String(result.error)).trim()}; the image-verify benchmark needs the Docker engine and the registry ${REGISTRY} (scripts/test-services/start.sh)`,
    );
  }
  return result.stdout;
}

/** Builds and pushes the benchmark image; returns its reference. */
function pushBenchImage(): string {
  const image = `${REGISTRY}/hardened-bench/image-verify:${process.pid}-${Date.now().toString(36)}`;
  const context = mkdtempSync(join(tmpdir(), "hardened-bench-"));
  try {
    writeFileSync(join(context, "filler.bin"), randomBytes(FILLER_BYTES));
    writeFileSync(join(context, "Dockerfile"), `FROM ${BASE}\nCOPY filler.bin /opt/filler.bin\n`);
    docker(["build", "-q", "-t", image, "."], context);
    docker(["push", image]);
    return image;
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

/** Milliseconds `fn` takes, the best of `runs` runs after one warm-up run. */
async function bestOfAsync(runs: number, fn: () => Promise<void>): Promise<number> {
  await fn();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

/**
 * `hardened verify` (static rules) of an image of about 170 MB in the local registry, against
 * reading the same layer blobs alone (download, gunzip, tar walk) in the same run. Target:
 * verify time ≤ 1.5 × read time.
 */
export async function benchImageVerify(): Promise<BenchResult> {
  const image = pushBenchImage();
  const client = new RegistryClient();
  const platform = parsePlatform("linux/amd64");
  let findings = 0;
  let sizeBytes = 0;
  let layers = 0;
  const verifyMs = await bestOfAsync(3, async () => {
    const result = await verifyImage({ kind: "registry", reference: image }, { platform, client });
    findings = result.findings.length;
    sizeBytes = result.model.layers.reduce((sum, l) => sum + l.uncompressedSize, 0);
    layers = result.model.layers.length;
  });
  const readMs = await bestOfAsync(3, async () => {
    const manifest = await client.getManifest(image);
    for (const layer of (manifest.json.layers ?? []) as { digest: string }[]) {
      await readLayer(await client.openBlob(image, layer.digest), layer.digest, image);
    }
  });
  const ratio = verifyMs / readMs;
  return {
    name: "image-verify",
    description: `hardened verify (static rules) of a ${Math.round(sizeBytes / 1e6)} MB image from the local registry, against downloading, gunzipping and walking the same layer tars alone`,
    metrics: {
      sizeBytes,
      layers,
      findings,
      verifyMs: Math.round(verifyMs),
      readMs: Math.round(readMs),
    },
    ratio: { value: Number(ratio.toFixed(3)), target: 1.5, met: ratio <= 1.5 },
  };
}
