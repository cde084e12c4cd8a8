import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { docker } from "../image/runtime/docker-cli";
import { buildPythonExample } from "../examples/python-multistage/build";
import { ensureBaseImage, Progress } from "../examples/python-multistage/docker-build";
import { BASE_DOCKERFILES, BASE_NAMES } from "../dev/docker-bases";
import { PLAIN_REGISTRY } from "../dev/registry";
import { runHardened } from "./run-hardened";
import { showRuntimeChecks } from "./runtime-checks";
import { DemoStep, StepOutcome } from "./step";

/** Where the demo pushes: its stand-in bases under `bases/`, the example's images beside them. */
const DEMO_REPOSITORY = `${PLAIN_REGISTRY}/hardened-demo`;

const NO_DOCKER: StepOutcome = {
  status: "skipped",
  detail: "no Docker engine reachable (start one with scripts/test-services/start.sh)",
};

const progress: Progress = (line) => process.stdout.write(`  ${line}\n`);

/** True when the local registry answers its API root. */
async function registryReachable(): Promise<boolean> {
  try {
    const response = await fetch(`http://${PLAIN_REGISTRY}/v2/`, {
      signal: AbortSignal.timeout(3000),
    });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Builds (or finds by tag) one stand-in base under the demo's repository. */
function standIn(role: keyof typeof BASE_DOCKERFILES): Promise<string> {
  return ensureBaseImage(
    `${DEMO_REPOSITORY}/bases`,
    BASE_NAMES[role],
    BASE_DOCKERFILES[role],
    progress,
  );
}

/**
 * The Python example end to end with the real Docker engine: build the single-stage "before"
 * image and the `HardenedImage` python preset image (the same code as the example's test), push
 * both to the local registry, pin the bases through a fresh lock file, then `hardened verify` the
 * hardened image and print `hardened report <after> --before <before>`. Public base images cannot
 * be pulled here, so local stand-ins are built from the local Debian image once and found by tag
 * on later runs. Last, `hardened verify --runtime` runs both images and the seed's three runtime
 * checks are shown side by side: each must pass on the hardened image and fail on the one before.
 */
async function run(): Promise<StepOutcome> {
  if ((await docker(["info", "--format", "{{.ServerVersion}}"], 20_000)).code !== 0) {
    process.stdout.write(`${NO_DOCKER.detail}\n`);
    return NO_DOCKER;
  }
  if (!(await registryReachable())) {
    const detail = `no registry answers at http://${PLAIN_REGISTRY}/v2/ (start it with scripts/test-services/start.sh)`;
    process.stdout.write(`${detail}\n`);
    return { status: "skipped", detail };
  }
  try {
    const lockFile = join(mkdtempSync(join(tmpdir(), "hardened-demo-")), "hardened.lock.json");
    const images = await buildPythonExample(
      {
        registry: DEMO_REPOSITORY,
        beforeImage: await standIn("pythonFull"),
        builderImage: await standIn("python"),
        runtimeImage: await standIn("pythonMinimalRuntime"),
        lockFile,
      },
      progress,
    );
    progress(`before: ${images.before}`);
    progress(`after:  ${images.after.ref} (pins recorded in ${lockFile})`);
    const verified = await runHardened(["verify", images.after.ref]);
    if (verified !== 0) {
      return { status: "failed", detail: `hardened verify exited ${verified}, expected 0` };
    }
    const reported = await runHardened(["report", images.after.ref, "--before", images.before]);
    if (reported !== 0) {
      return { status: "failed", detail: `hardened report exited ${reported}, expected 0` };
    }
    process.stdout.write(
      `$ hardened verify --runtime ${images.after.ref}\n$ hardened verify --runtime ${images.before}\n`,
    );
    const unexpected = await showRuntimeChecks(images.after.ref, images.before, (line) =>
      process.stdout.write(`${line}\n`),
    );
    if (unexpected !== undefined) {
      return { status: "failed", detail: `hardened verify --runtime: ${unexpected}` };
    }
    return {
      status: "passed",
      detail:
        "built, pushed, pinned and verified; size reduction in the report above; the runtime checks pass on the hardened image and fail on the one before",
    };
  } catch (error) {
    return { status: "failed", detail: (error as Error).message };
  }
}

/** The demo step for the Python example's images (wired into DEMO_STEPS by demo/steps.ts). */
export const imageDemoStep: DemoStep = {
  title: "HardenedImage: the Python example before and after, pinned, verified and reported",
  run,
};
