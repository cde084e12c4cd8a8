import { strict as assert } from "assert";
import { AnalyzedResource, Diagnostic } from "../../preview/analyzer/analyzer-client";
import { KUBERNETES_WORKLOAD_TYPES } from "../../policies/kubernetes-resources";
import { SecretValue, UNKNOWN, secret } from "../../preview/analyzer/properties";
import { CATALOG } from "../../rules/catalog";
import { hardenedPodSpec, setPath, workloadOf } from "../fixtures/workloads";
import { RunningPack, SDK_MODES, startRunningPack } from "../support/analyzer/running-pack";

const DIGEST = "sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945";
const STACK = "urn:pulumi:dev::shop";

function workload(type: string, spec = hardenedPodSpec(), parent?: string): AnalyzedResource {
  const [, group, kind] = type.split(":");
  const props = workloadOf(kind, spec) as Record<string, unknown>;
  props.apiVersion = group.replace(/^core\//, "");
  const parentType = parent ? `${parent.split("::")[2]}$` : "";
  return {
    type,
    name: `app-${kind.toLowerCase()}`,
    urn: `${STACK}::${parentType}${type}::app-${kind.toLowerCase()}`,
    properties: props,
    ...(parent ? { parent } : {}),
  };
}

function names(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.policyName);
}

for (const mode of SDK_MODES) {
  describe(`hardened-containers over the Analyzer protocol (as pulumi preview --policy-pack policies), ${mode.name}`, function () {
    this.timeout(180000);
    let running: RunningPack;

    before(async () => {
      running = await startRunningPack(undefined, mode.env);
    });

    after(async () => {
      await running?.stop();
    });

    it("describes itself: pack name, one policy per resource rule, schemas and levels", async () => {
      const info = await running.analyzer.getAnalyzerInfo();
      assert.equal(info.name, "hardened-containers");
      const resourceRules = CATALOG.filter((r) => r.target !== "image");
      assert.deepEqual(
        info.policies.map((p) => p.name),
        [...resourceRules.map((r) => r.id), "hardened"],
      );
      for (const p of info.policies) {
        assert.deepEqual(
          Object.keys(p.configSchema?.properties ?? {}).sort(),
          [
            "allowExemptions",
            "allowedRegistries",
            "exemptions",
            "minUid",
            "podTemplates",
            "profile",
            "pssVersion",
          ],
          p.name,
        );
        assert.ok(p.remediationSteps, p.name);
      }
      const level = (name: string) => info.policies.find((p) => p.name === name)?.enforcementLevel;
      assert.equal(level("privileged"), "mandatory");
      assert.equal(level("image-digest"), "mandatory");
      assert.equal(level("liveness-probe"), "advisory");
    });

    it("finds nothing in a hardened workload of every type", async () => {
      await running.analyzer.configure({});
      for (const type of KUBERNETES_WORKLOAD_TYPES) {
        assert.deepEqual(await running.analyzer.analyze(workload(type)), [], type);
      }
    });

    it("reports exact policy names, levels and paths for every workload type", async () => {
      await running.analyzer.configure({});
      for (const type of KUBERNETES_WORKLOAD_TYPES) {
        const spec = hardenedPodSpec();
        setPath(spec, "initContainers[0].securityContext.privileged", true);
        setPath(spec, "containers[0].image", "registry.example.com/team/app:1.4.2");
        const diagnostics = await running.analyzer.analyze(workload(type, spec));
        assert.deepEqual(
          diagnostics.map((d) => [d.policyName, d.enforcementLevel, d.policyPackName]),
          [
            ["privileged", "mandatory", "hardened-containers"],
            ["image-digest", "mandatory", "hardened-containers"],
          ],
          type,
        );
        assert.match(
          diagnostics[0].message,
          /container "init": .*initContainers\[0\]\.securityContext\.privileged: /,
        );
        assert.match(diagnostics[1].message, /container "app": .*containers\[0\]\.image: /);
      }
    });

    it("checks workloads created by Helm charts and yaml.ConfigFile the same way", async () => {
      await running.analyzer.configure({});
      const spec = hardenedPodSpec();
      setPath(spec, "containers[0].securityContext.privileged", true);
      for (const parent of [
        `${STACK}::kubernetes:helm.sh/v4:Chart::cilium`,
        `${STACK}::kubernetes:helm.sh/v3:Chart::nginx`,
        `${STACK}::kubernetes:yaml/v2:ConfigFile::manifests`,
        `${STACK}::kubernetes:yaml:ConfigGroup::manifests`,
      ]) {
        const resource = workload("kubernetes:apps/v1:DaemonSet", spec, parent);
        assert.deepEqual(names(await running.analyzer.analyze(resource)), ["privileged"], parent);
      }
    });

    it("applies configured levels and settings, and disabled policies report nothing", async () => {
      await running.analyzer.configure({
        privileged: { enforcementLevel: "advisory" },
        "image-digest": { enforcementLevel: "disabled" },
        "allowed-registries": {
          enforcementLevel: "mandatory",
          properties: { allowedRegistries: ["ghcr.io/acme"] },
        },
        "run-as-non-root": { enforcementLevel: "mandatory", properties: { profile: "baseline" } },
      });
      const spec = hardenedPodSpec();
      setPath(spec, "containers[0].securityContext.privileged", true);
      setPath(spec, "containers[0].securityContext.runAsNonRoot", false);
      setPath(spec, "containers[0].image", "registry.example.com/team/app:1.4.2");
      const diagnostics = await running.analyzer.analyze(
        workload("kubernetes:apps/v1:Deployment", spec),
      );
      assert.deepEqual(
        diagnostics.map((d) => [d.policyName, d.enforcementLevel]),
        [
          ["privileged", "advisory"],
          ["allowed-registries", "mandatory"],
          ["allowed-registries", "mandatory"],
          ["allowed-registries", "mandatory"],
        ],
      );
      await running.analyzer.configure({});
    });

    it("reports nothing and no preview noise for values not known yet", async () => {
      await running.analyzer.configure({});
      const spec = hardenedPodSpec();
      setPath(spec, "containers[0].image", UNKNOWN);
      setPath(spec, "initContainers[0].securityContext", UNKNOWN);
      setPath(spec, "ephemeralContainers[0].securityContext.runAsUser", UNKNOWN);
      setPath(spec, "volumes", UNKNOWN);
      for (const type of KUBERNETES_WORKLOAD_TYPES) {
        assert.deepEqual(await running.analyzer.analyze(workload(type, spec)), [], type);
      }
      const whole = workload("kubernetes:apps/v1:Deployment");
      assert.deepEqual(
        await running.analyzer.analyze({
          ...whole,
          properties: { ...whole.properties, spec: UNKNOWN },
        }),
        [],
      );
      assert.deepEqual(
        await running.analyzer.analyze({
          type: "docker:index/container:Container",
          name: "c",
          urn: `${STACK}::docker:index/container:Container::c`,
          properties: { image: UNKNOWN, user: UNKNOWN, readOnly: true, privileged: UNKNOWN },
        }),
        [],
      );
    });

    it("never sends a secret value back, in workloads or Docker build arguments", async () => {
      await running.analyzer.configure({});
      const spec = hardenedPodSpec();
      setPath(spec, "containers[0].env", [
        { name: "DB_PASSWORD", value: secret("pg-hunter2-secret") },
        { name: "SESSION_KEY", value: secret("sk-hunter2-secret") },
      ]);
      const fromWorkload = await running.analyzer.analyze(
        workload("kubernetes:apps/v1:Deployment", spec),
      );
      assert.deepEqual(names(fromWorkload), ["env-secret-literal"]);
      const fromImage = await running.analyzer.analyze({
        type: "docker:index/image:Image",
        name: "api",
        urn: `${STACK}::docker:index/image:Image::api`,
        properties: {
          imageName: "ghcr.io/acme/api:1.4.2",
          build: { context: ".", args: { NPM_TOKEN: secret("npm-hunter2-secret") } },
        },
      });
      assert.deepEqual(names(fromImage), ["docker-build-secret-args"]);
      for (const d of [...fromWorkload, ...fromImage]) {
        assert.ok(!d.message.includes("hunter2"), d.message);
      }
    });

    it("checks Docker containers and images", async () => {
      await running.analyzer.configure({});
      const diagnostics = await running.analyzer.analyze({
        type: "docker:index/container:Container",
        name: "agent",
        urn: `${STACK}::docker:index/container:Container::agent`,
        properties: {
          image: "ghcr.io/acme/agent:1",
          privileged: true,
          networkMode: "host",
          mounts: [
            { type: "bind", source: "/var/run/docker.sock", target: "/var/run/docker.sock" },
          ],
        },
      });
      assert.deepEqual(names(diagnostics), [
        "docker-privileged",
        "docker-non-root-user",
        "docker-read-only-root-filesystem",
        "docker-host-namespaces",
        "docker-socket-mount",
      ]);
    });

    it("lints the inline Dockerfile of a dockerbuild.Image", async () => {
      await running.analyzer.configure({});
      const diagnostics = await running.analyzer.analyze({
        type: "docker-build:index:Image",
        name: "api",
        urn: `${STACK}::docker-build:index:Image::api`,
        properties: {
          tags: ["ghcr.io/acme/api:1.4.2"],
          push: true,
          buildArgs: { GITHUB_TOKEN: secret("ghp-hunter2-secret") },
          dockerfile: {
            inline: `FROM node:20@${DIGEST}\nARG GITHUB_TOKEN\nUSER 10001:10001\nHEALTHCHECK CMD ["/app/health"]\n`,
          },
        },
      });
      assert.ok(names(diagnostics).includes("docker-build-secret-args"), names(diagnostics).join());
      assert.ok(!names(diagnostics).includes("dockerfile-base-digest"));
      assert.ok(diagnostics.every((d) => !d.message.includes("hunter2")));
      const unpinned = await running.analyzer.analyze({
        type: "docker-build:index:Image",
        name: "web",
        urn: `${STACK}::docker-build:index:Image::web`,
        properties: {
          tags: ["ghcr.io/acme/web:1"],
          dockerfile: { inline: "FROM node:20\nUSER 10001\n" },
        },
      });
      assert.ok(names(unpinned).includes("dockerfile-base-digest"), names(unpinned).join());
    });

    it("AnalyzeStack: a workload must deploy an image built in the stack by digest", async () => {
      await running.analyzer.configure({});
      const image: AnalyzedResource = {
        type: "docker:index/image:Image",
        name: "api-image",
        urn: `${STACK}::docker:index/image:Image::api-image`,
        properties: {
          imageName: "ghcr.io/acme/api:1.4.2",
          repoDigest: `ghcr.io/acme/api@${DIGEST}`,
        },
      };
      const byTag = hardenedPodSpec();
      setPath(byTag, "containers[0].image", "ghcr.io/acme/api:1.4.2");
      const byDigest = hardenedPodSpec();
      setPath(byDigest, "containers[0].image", `ghcr.io/acme/api@${DIGEST}`);
      const tagged = workload("kubernetes:apps/v1:Deployment", byTag);
      const diagnostics = await running.analyzer.analyzeStack([
        image,
        tagged,
        workload("kubernetes:apps/v1:StatefulSet", byDigest),
      ]);
      assert.deepEqual(
        diagnostics.map((d) => [d.policyName, d.urn]),
        [["built-image-by-digest", tagged.urn]],
      );
    });

    it("writes nothing to stderr (but one line per fallback) and logs nothing to the engine while doing all of the above", () => {
      const lines = running.pack
        .stderr()
        .split("\n")
        .filter((line) => line !== "");
      assert.deepEqual(
        mode.fallbacks.map(
          (internal) => lines.filter((line) => line.includes(`(${internal});`)).length,
        ),
        mode.fallbacks.map(() => 1),
        running.pack.stderr(),
      );
      assert.equal(lines.length, mode.fallbacks.length, running.pack.stderr());
      assert.deepEqual(running.engine.logs, []);
    });

    it("Remediate: fixes violating workloads at remediate level, keeping secrets and unknowns", async () => {
      await running.analyzer.configure({
        "read-only-root-filesystem": { enforcementLevel: "remediate" },
        "allow-privilege-escalation": { enforcementLevel: "remediate" },
      });
      const spec = hardenedPodSpec();
      setPath(spec, "containers[0].securityContext.readOnlyRootFilesystem", false);
      setPath(spec, "initContainers[0].securityContext.allowPrivilegeEscalation", true);
      setPath(spec, "containers[0].env", [
        { name: "DB_PASSWORD", valueFrom: secret({ name: "x" }) },
      ]);
      setPath(spec, "ephemeralContainers[0].image", UNKNOWN);
      const resource = workload("kubernetes:apps/v1:Deployment", spec);
      const remediations = await running.analyzer.remediate(resource);
      assert.deepEqual(
        remediations.map((r) => [r.policyName, r.diagnostic]),
        [
          ["allow-privilege-escalation", ""],
          ["read-only-root-filesystem", ""],
        ],
      );
      const fixed = remediations[1].properties as Record<string, unknown>;
      const podSpec = ((fixed.spec as Record<string, unknown>).template as Record<string, unknown>)
        .spec as Record<string, Record<string, unknown>[]>;
      assert.deepEqual(podSpec.containers[0].securityContext, {
        ...((hardenedPodSpec().containers as Record<string, unknown>[])[0]
          .securityContext as object),
        readOnlyRootFilesystem: true,
      });
      assert.equal(
        (podSpec.initContainers[0].securityContext as Record<string, unknown>)
          .allowPrivilegeEscalation,
        false,
      );
      assert.ok(
        (podSpec.containers[0].env as unknown as Record<string, unknown>[])[0].valueFrom instanceof
          SecretValue,
      );
      assert.equal(podSpec.ephemeralContainers[0].image, UNKNOWN);
      assert.deepEqual(await running.analyzer.analyze({ ...resource, properties: fixed }), []);
      await running.analyzer.configure({});
    });
  });
}
