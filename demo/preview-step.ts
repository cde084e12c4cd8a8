import { writeFileSync } from "fs";
import { join } from "path";
import { expectExit } from "./expect-exit";
import { runHardened } from "./run-hardened";
import { DemoStep } from "./step";

/** Where the demo writes what it renders (gitignored). */
export const DEMO_OUTPUT = ".demo";

/** The folder the hardened program's Kubernetes manifests are rendered to. */
export const RENDERED = join(DEMO_OUTPUT, "rendered");

/**
 * An illustrative digest for the k8s-readonly example's nginx image: the manifests are rendered,
 * never deployed, so no registry is asked for the real one.
 */
const NGINX = `docker.io/nginxinc/nginx-unprivileged@sha256:${"5".repeat(64)}`;

/** `hardened preview`: the insecure program is blocked, the hardened one passes and is rendered. */
export const previewStep: DemoStep = {
  title: "hardened preview: the insecure program is blocked, the hardened one passes",
  run: async () => {
    const blocked = await runHardened(["preview", "examples/insecure", "--engine", "mocks"]);
    if (blocked !== 1) {
      return { status: "failed", detail: `the insecure program was not blocked (exit ${blocked})` };
    }
    const stackConfig = join(DEMO_OUTPUT, "Pulumi.k8s-readonly.yaml");
    writeFileSync(stackConfig, `config:\n  k8s-readonly:image: ${NGINX}\n`);
    process.stdout.write(
      `(the k8s-readonly image is ${NGINX}: an illustrative digest, nothing is deployed)\n`,
    );
    return expectExit(
      await runHardened([
        "preview",
        "examples/k8s-readonly",
        "--engine",
        "mocks",
        "--stack-config",
        stackConfig,
        "--render-yaml",
        RENDERED,
      ]),
      0,
      {
        status: "passed",
        detail: `insecure blocked; k8s-readonly passed and was rendered to ${RENDERED}`,
      },
      "the hardened program did not pass",
    );
  },
};
