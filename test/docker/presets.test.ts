import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import { ImagePreset } from "../../components/hardened-image/preset-args";
import { ImageVerifyArgs, resolveVerifyArgs } from "../../components/hardened-image/verify-args";
import {
  PushedImageVerification,
  verifyPushedImage,
} from "../../components/hardened-image/verify-step";
import { parsePlatform } from "../../image/platform";
import { RegistryClient } from "../../oci/client";
import { docker, requireDocker } from "../../dev/docker";
import {
  DEBIAN_IMAGE,
  PLAIN_REGISTRY,
  requireRegistries,
  uniqueRepository,
} from "../../dev/registry";
import { contextWith } from "../components/hardened-image/fixtures";
import { buildAndPushPrepared } from "./hardened-build";
import { DOCKERIGNORE, GO_APP, NODE_APP, PYTHON_APP } from "./apps";
import { baseImage } from "../../dev/docker-bases";
import { cannotRun, processIds, removeAll, startContainer, waitHealthy } from "./containers";

const repo = uniqueRepository("presets");
const FAST_CHECK = { interval: "1s", timeout: "3s", startPeriod: "1s", retries: 3 } as const;
const STAND_IN_SETUID =
  "the stand-in runtime is Debian copied into scratch and keeps its setuid programs; distroless has none";
const SETUID_FAIL = /^FAIL \d+ setuid\/setgid files found \(/;
const SHELLS = ["/bin/sh", "/usr/bin/sh", "/bin/bash", "/usr/bin/dash"];
const containers: string[] = [];
const images: string[] = [];

/** Verifies the pushed image as the component does after its push; throws on a blocking finding. */
function verifyPushed(
  name: string,
  ref: string,
  verify: ImageVerifyArgs = {},
): Promise<PushedImageVerification> {
  const owner = `HardenedImage "${name}"`;
  const settings = resolveVerifyArgs(owner, verify);
  assert.ok(settings !== undefined);
  return verifyPushedImage(
    owner,
    { ref, platform: parsePlatform("linux/amd64"), client: new RegistryClient() },
    settings,
  );
}

/** The report's lines that are not PASS. */
function notPassing(verification: PushedImageVerification): string[] {
  return verification.reportJson.checks
    .filter((c) => c.status !== "PASS")
    .map((c) => `${c.status} ${c.text}`);
}

/** Every FROM of the built Dockerfile names a stage, scratch, or an image pinned by digest. */
function assertPinned(dockerfile: string): void {
  const froms = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
  const stages = [...dockerfile.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((m) => m[1]);
  for (const from of froms) {
    assert.ok(
      from === "scratch" || stages.includes(from) || /@sha256:[a-f0-9]{64}$/.test(from),
      `FROM ${from} is not pinned by digest`,
    );
  }
}

/** The file system of `ref`, as `tar -tv` lines. */
function fileListing(ref: string): string[] {
  const container = docker(["create", ref]).trim();
  containers.push(container);
  const exported = spawnSync("sh", ["-c", `docker export ${container} | tar -tvf -`], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  assert.equal(exported.status, 0, exported.stderr);
  return exported.stdout.split("\n").filter((l) => l !== "");
}

const cases: {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
  readonly preset: () => ImagePreset;
  readonly user: string;
  /** A command that tries to write where the user must not, run with the image's own runtime. */
  readonly writeAttempt: readonly string[];
  /** Commands that must fail in the running container: tools the runtime must not have. */
  readonly absent: readonly (readonly string[])[];
  /** The image verification's settings, and the report lines expected not to PASS. */
  readonly verify: ImageVerifyArgs;
  readonly notPassing: readonly RegExp[];
}[] = [
  {
    name: "python",
    files: PYTHON_APP,
    preset: () => ({
      kind: "python",
      builderImage: baseImage("python"),
      runtimeImage: baseImage("pythonRuntime"),
      healthcheck: FAST_CHECK,
    }),
    user: "65532:65532",
    writeAttempt: ["/usr/bin/python3", "-c", "open('/app/main.py', 'a')"],
    absent: [
      ["/usr/bin/python3", "-m", "pip", "--version"],
      ["/usr/bin/python3", "-c", "import setuptools"],
      ["/usr/bin/python3", "-c", "import wheel"],
    ],
    verify: { exemptions: [{ rule: "image-setuid-files", reason: STAND_IN_SETUID }] },
    notPassing: [SETUID_FAIL],
  },
  {
    name: "go",
    files: GO_APP,
    preset: () => ({
      kind: "go",
      builderImage: baseImage("golang"),
      runtimeImage: baseImage("staticRuntime"),
      healthcheck: FAST_CHECK,
    }),
    user: "65532:65532",
    writeAttempt: [],
    absent: [],
    verify: {},
    notPassing: [],
  },
  {
    name: "static",
    files: GO_APP,
    preset: () => ({
      kind: "static",
      builderImage: baseImage("golang"),
      uid: 10001,
      gid: 10001,
      healthcheck: FAST_CHECK,
    }),
    user: "10001:10001",
    writeAttempt: [],
    absent: [],
    verify: {},
    notPassing: [/^WARN Base image not named by digest in the OCI base labels$/],
  },
  {
    name: "node",
    files: NODE_APP,
    preset: () => ({
      kind: "node",
      builderImage: baseImage("node"),
      runtimeImage: baseImage("nodeRuntime"),
      node: "/usr/bin/node",
      healthcheck: FAST_CHECK,
    }),
    user: "65532:65532",
    writeAttempt: ["/usr/bin/node", "-e", "require('fs').appendFileSync('/app/index.js', '')"],
    absent: [["/usr/bin/npm", "--version"]],
    verify: { exemptions: [{ rule: "image-setuid-files", reason: STAND_IN_SETUID }] },
    notPassing: [SETUID_FAIL],
  },
];

describe("HardenedImage presets, built with the real Docker engine (classic builder)", function () {
  this.timeout(900_000);

  before(async function () {
    requireDocker(this);
    await requireRegistries(this);
  });

  after(() => removeAll(containers, images));

  for (const c of cases) {
    it(`${c.name}: builds from digest-pinned bases, runs as ${c.user}, turns healthy, has no shell`, async () => {
      const context = contextWith({ ...c.files, ".dockerignore": DOCKERIGNORE });
      const { ref, prepared } = await buildAndPushPrepared(
        repo,
        c.name,
        {
          imageName: `${PLAIN_REGISTRY}/${repo}/${c.name}:test`,
          context,
          preset: c.preset(),
        },
        images,
      );
      assert.deepEqual(prepared.findings, []);
      assertPinned(prepared.dockerfile);
      const [uid, gid] = c.user.split(":").map(Number);
      assert.deepEqual(prepared.user, { uid, gid });
      docker(["pull", ref]);
      assert.equal(docker(["inspect", "-f", "{{.Config.User}}", ref]).trim(), c.user);
      const labels = JSON.parse(docker(["inspect", "-f", "{{json .Config.Labels}}", ref]));
      const runtime = prepared.baseImages[prepared.baseImages.length - 1];
      if (c.name === "static") {
        assert.equal(labels, null, "an image FROM scratch has no base to label");
      } else {
        assert.equal(labels["org.opencontainers.image.base.digest"], runtime.digest);
      }
      const container = startContainer(ref);
      containers.push(container);
      assert.deepEqual(processIds(container), { uid, gid });
      await waitHealthy(container, 60_000);
      for (const shell of SHELLS) {
        assert.equal(cannotRun(ref, shell), true, `${shell} runs in ${c.name}`);
      }
      if (c.writeAttempt.length > 0) {
        const write = spawnSync("docker", ["exec", container, ...c.writeAttempt], {
          encoding: "utf8",
        });
        assert.notEqual(write.status, 0, `the ${c.name} user could write to /app`);
        assert.match(write.stderr, /Permission denied|EACCES/);
      }
      for (const command of c.absent) {
        const run = spawnSync("docker", ["exec", container, ...command], { encoding: "utf8" });
        assert.notEqual(run.status, 0, `${command.join(" ")} works in ${c.name}`);
      }
      const lines = notPassing(await verifyPushed(c.name, ref, c.verify));
      assert.equal(lines.length, c.notPassing.length, lines.join("\n"));
      lines.forEach((line, i) => assert.match(line, c.notPassing[i]));
    });
  }

  it("harden: strips shells, the package manager and setuid bits from a Debian final stage", async () => {
    const context = contextWith({
      Dockerfile: [
        `FROM ${PLAIN_REGISTRY}/${DEBIAN_IMAGE}`,
        "USER 10001:10001",
        'HEALTHCHECK --interval=1s --timeout=3s CMD ["/usr/bin/test", "-d", "/"]',
        'ENTRYPOINT ["/usr/bin/sleep", "infinity"]',
        "",
      ].join("\n"),
    });
    const { ref, prepared } = await buildAndPushPrepared(
      repo,
      "harden",
      {
        imageName: `${PLAIN_REGISTRY}/${repo}/harden:test`,
        context,
        harden: {},
      },
      images,
    );
    assert.deepEqual(
      prepared.findings.map((f) => [f.ruleId, f.exempted]),
      [["dockerfile-copy-system-dirs", true]],
    );
    docker(["pull", ref]);
    const before = fileListing(`${PLAIN_REGISTRY}/${DEBIAN_IMAGE}`);
    const after = fileListing(ref);
    const setuid = (lines: string[]) => lines.filter((l) => /^[-l]..[sS]|^[-l].....[sS]/.test(l));
    assert.ok(setuid(before).length > 0, "the Debian base should have setuid programs to strip");
    assert.deepEqual(setuid(after), []);
    for (const gone of [
      "usr/bin/dpkg",
      "usr/bin/apt-get",
      "usr/bin/sh",
      "usr/bin/dash",
      "usr/bin/bash",
      "var/lib/dpkg/",
    ]) {
      assert.ok(
        before.some((l) => l.endsWith(` ${gone}`) || l.includes(` ${gone} `)),
        `${gone} should be in the base`,
      );
      assert.ok(
        !after.some((l) => l.endsWith(` ${gone}`) || l.includes(` ${gone} `)),
        `${gone} is still in the image`,
      );
    }
    const container = startContainer(ref);
    containers.push(container);
    assert.deepEqual(processIds(container), { uid: 10001, gid: 10001 });
    await waitHealthy(container, 60_000);
    assert.equal(cannotRun(ref, "/bin/sh"), true);
    // The harden stage copies the stripped file system into scratch, so the labelled Debian base
    // is where the files came from but not the image's bottom layer: a warning, not an error.
    const verification = await verifyPushed("harden", ref, { runtime: true });
    assert.deepEqual(
      verification.findings.map((f) => [f.ruleId, f.severity, f.path]),
      [["image-base-labels", "warning", 'config.Labels["org.opencontainers.image.base.digest"]']],
    );
    assert.match(
      verification.findings[0].message,
      /the image's lowest layers are not that image's/,
    );
    assert.deepEqual(notPassing(verification), [
      "WARN Base image not named by digest in the OCI base labels",
    ]);
    assert.deepEqual(
      verification.reportJson.runtimeChecks?.map((c) => c.status),
      ["PASS", "PASS", "PASS", "PASS", "PASS"],
    );
  });
});
