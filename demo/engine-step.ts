import { existsSync, mkdirSync } from "fs";
import { join, resolve } from "path";
import { createEngineWorkspace } from "../preview/engine/engine-workspace";
import { runEngineOperation } from "../preview/engine/run-engine-operation";
import { DEMO_OUTPUT } from "./preview-step";
import { runHardened } from "./run-hardened";
import { DemoStep } from "./step";

/** The engine `scripts/engine/install.sh` built, linked at `.ci/work/engine`. */
const ENGINE_BIN = resolve(".ci", "work", "engine", "bin");

/** The illustrative image of the k8s-readonly example, as in the preview step. */
const NGINX = `docker.io/nginxinc/nginx-unprivileged@sha256:${"5".repeat(64)}`;

/**
 * The real Pulumi engine, when `scripts/engine/install.sh` has built it: `pulumi preview
 * --policy-pack` blocks the workloads a Helm chart, a ConfigGroup and a ConfigFile create; `pulumi
 * up` brings the hardened k8s-readonly stack up, rendered to YAML, which `hardened check` passes.
 */
export const engineStep: DemoStep = {
  title: "the real Pulumi engine: pulumi preview and up with the policy pack",
  run: async () => {
    if (!existsSync(join(ENGINE_BIN, "pulumi"))) {
      return {
        status: "skipped",
        detail: `no engine at ${ENGINE_BIN}: run scripts/engine/install.sh (the Go builds take minutes)`,
      };
    }
    const env = { PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true" };
    const shown = join(DEMO_OUTPUT, "engine-rendered");
    const rendered = resolve(shown);
    mkdirSync(rendered, { recursive: true });
    process.stdout.write(`Engine: ${ENGINE_BIN}/pulumi, with pulumi-resource-kubernetes\n\n`);
    const charts = createEngineWorkspace("examples/helm-and-yaml");
    const readonly = createEngineWorkspace("examples/k8s-readonly");
    try {
      const blocked = await runEngineOperation(charts, "preview", {
        engineBin: ENGINE_BIN,
        policyPacks: ["policies"],
        config: { "helm-and-yaml:renderDir": join(rendered, "helm-and-yaml") },
        env,
        output: "inherit",
      });
      if (blocked.exitCode === 0) {
        return { status: "failed", detail: "pulumi preview did not block examples/helm-and-yaml" };
      }
      const up = await runEngineOperation(readonly, "up", {
        engineBin: ENGINE_BIN,
        policyPacks: ["policies"],
        config: {
          "k8s-readonly:image": NGINX,
          "k8s-readonly:renderDir": join(rendered, "k8s-readonly"),
        },
        env,
        output: "inherit",
      });
      if (up.exitCode !== 0) {
        return {
          status: "failed",
          detail: `pulumi up of examples/k8s-readonly exited ${up.exitCode}`,
        };
      }
      const manifests = join(rendered, "k8s-readonly", "1-manifest");
      const check = await runHardened(["check", manifests, "--profile", "hardened"]);
      const shownManifests = join(shown, "k8s-readonly", "1-manifest");
      return check === 0
        ? {
            status: "passed",
            detail: `the real engine blocked helm-and-yaml (exit ${blocked.exitCode}); k8s-readonly is up, rendered to ${shownManifests} and clean`,
          }
        : { status: "failed", detail: `hardened check of ${manifests} exited ${check}` };
    } finally {
      charts.dispose();
      readonly.dispose();
    }
  },
};
