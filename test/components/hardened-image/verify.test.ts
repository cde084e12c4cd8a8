import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { spawnSync } from "child_process";
import { HardenedDeployment } from "../../../components/hardened-deployment/hardened-deployment";
import {
  HardenedImageArgsError,
  HardenedImageVerifyError,
  HardenedImageVerifyReadError,
} from "../../../components/hardened-image/errors";
import { HardenedImage } from "../../../components/hardened-image/hardened-image";
import { HardenedImageArgs } from "../../../components/hardened-image/args";
import { ImageVerifyArgs } from "../../../components/hardened-image/verify-args";
import { RegistryClient } from "../../../oci/client";
import { requireDocker } from "../../../dev/docker";
import {
  AUTH_REGISTRY,
  REGISTRY_PASSWORD,
  REGISTRY_USER,
  dockerConfigDir,
  pushImage,
  requireRegistries,
  uniqueRepository,
} from "../../../dev/registry";
import { prepareTestImages, TestImages } from "../../image/test-images";
import { contextWith } from "./fixtures";
import { isKnown, mockResources, valueOf } from "./mocks";

async function settle<T>(promise: Promise<T>): Promise<T | Error> {
  return promise.catch((error: Error) => error);
}

/** `repository@sha256:…` of a pushed tag, as docker.Image's repoDigest names it. */
async function repoDigestOf(tagged: string): Promise<string> {
  const { digest } = await new RegistryClient().resolveDigest(tagged);
  return `${tagged.replace(/:[^:/]+$/, "")}@${digest}`;
}

/**
 * The real images are built and pushed by `prepareTestImages` (one difference from a hardened
 * image each); the mocked docker.Image reports the pushed one's digest, so the component reads
 * and verifies exactly that image. The component's own Dockerfile only has to pass the lint.
 */
describe("HardenedImage verification of the pushed image (Docker engine and local registry)", function () {
  this.timeout(300_000);
  let images: TestImages | undefined;
  const refs = new Map<string, string>();
  let context: string;

  before(async function () {
    requireDocker(this);
    await requireRegistries(this);
    images = prepareTestImages();
    const variants = {
      hardened: {},
      root: { user: "0" },
      setuid: { extra: ["COPY --from=deb /usr/bin/su /usr/bin/su"] },
      "no-healthcheck": { healthcheck: false as const },
    };
    for (const [name, variant] of Object.entries(variants)) {
      refs.set(name, await repoDigestOf(images.build(name, variant)));
    }
    context = contextWith({
      Dockerfile: `FROM ${images.baseTag}\nUSER 10001:10001\nHEALTHCHECK CMD ["/bin/sleep", "0"]\nENTRYPOINT ["/bin/sleep", "infinity"]\n`,
    });
  });
  after(() => images?.cleanup());

  function imageOf(name: string, verify?: boolean | ImageVerifyArgs): HardenedImage {
    const ref = refs.get(name) as string;
    mockResources({ repoDigest: ref });
    const args: HardenedImageArgs = {
      imageName: `${ref.slice(0, ref.indexOf("@"))}:1`,
      context,
      lockFile: null,
      offline: false,
      ...(verify !== undefined ? { verify } : {}),
    };
    return new HardenedImage(name, args);
  }

  it("releases a hardened image's ref and reports every check as PASS", async () => {
    const image = imageOf("hardened");
    const ref = refs.get("hardened") as string;
    assert.equal(await valueOf(image.ref), ref);
    assert.deepEqual(await valueOf(image.imageFindings), []);
    const report = (await valueOf(image.report)) as string;
    const lines = report.split("\n");
    assert.deepEqual(lines.slice(0, 5), [
      "Container Image Hardening Report",
      "==================================",
      `Image: ${ref}`,
      `Base: ${images?.baseTag}`,
      `Date: ${new Date().toISOString().slice(0, 10)}`,
    ]);
    for (const line of [
      "  [PASS] Non-root user configured (10001:10001, no /etc/passwd entry)",
      "  [PASS] USER is numeric (Kubernetes can verify runAsNonRoot)",
      "  [PASS] HEALTHCHECK instruction present",
      "  [PASS] No setuid/setgid binaries found",
      "  [PASS] No package manager found (apt, dpkg, apk, rpm, pip, ...)",
      "  [PASS] No shell access (/bin/sh and other shells absent)",
      "  [PASS] No credential files in any layer",
    ]) {
      assert.ok(lines.includes(line), `missing ${JSON.stringify(line)} in:\n${report}`);
    }
    assert.match(report, /\n {2}\[PASS\] Base image pinned by digest \(sha256:[0-9a-f]{12}…\)\n/);
    assert.match(report, /\n {2}Size: [\d.]+ MB \(.*\/hardened@sha256:[0-9a-f]{64}, 3 layers\)\n/);
    assert.doesNotMatch(report, /\[(FAIL|WARN)\]|EXEMPTIONS|RUNTIME CHECKS|SETTINGS/);
    assert.ok(
      report.includes(
        "\nPACKAGE INVENTORY:\n  Installed: 0 packages\n  (dpkg, apk, rpm sqlite, Python dist-info, node_modules, Go build info; --before <image> compares)\n",
      ),
      report,
    );
    if (spawnSync("trivy", ["--version"]).status !== 0) {
      assert.ok(
        report.endsWith(
          "VULNERABILITY COMPARISON:\n  No vulnerability scan was run: trivy is not on PATH.\n",
        ),
        report,
      );
    }
    const json = await valueOf(image.reportJson);
    assert.equal(json?.image.reference, ref);
    assert.equal(json?.image.layers, 3);
    assert.ok((json?.image.sizeBytes ?? 0) > 0);
    assert.deepEqual(
      json?.checks.filter((c) => c.status !== "PASS"),
      [],
    );
    assert.equal(json?.runtimeChecks, undefined);
  });

  it("fails a root image naming the rule and the image, and no deployment gets its ref", async () => {
    const image = imageOf("root");
    const ref = refs.get("root") as string;
    const deployment = new HardenedDeployment("root", { image, resources: "small" });
    const error = await settle(valueOf(image.ref));
    assert.ok(error instanceof HardenedImageVerifyError, String(error));
    assert.deepEqual(
      error.findings.map((f) => [f.ruleId, f.path, f.file]),
      [["image-user-non-root", "config.User", ref]],
    );
    assert.ok(
      error.message.startsWith(
        `HardenedImage "root": the pushed image ${ref} breaks a hardening rule, so its ref is not released to deployments:\n  - image-user-non-root at config.User: `,
      ),
      error.message,
    );
    assert.match(
      error.message,
      /exemptions: \[\{ rule: "image-user-non-root", reason: "<why>" \}\]/,
    );
    const podSpec = await settle(valueOf(deployment.podSpec));
    assert.ok(podSpec instanceof HardenedImageVerifyError, String(podSpec));
    assert.equal(await settle(valueOf(image.report)), error);
  });

  it("fails a setuid binary, and lets it pass with an exemption or an allow-list", async () => {
    const ref = refs.get("setuid") as string;
    const failed = await settle(valueOf(imageOf("setuid").ref));
    assert.ok(failed instanceof HardenedImageVerifyError, String(failed));
    assert.deepEqual(
      failed.findings.map((f) => [f.ruleId, f.path]),
      [["image-setuid-files", "layers[3]:/usr/bin/su"]],
    );

    const reason = "su is kept for the break-glass runbook";
    const exempted = imageOf("setuid", {
      exemptions: [{ rule: "image-setuid-files", reason: `  ${reason} ` }],
    });
    assert.equal(await valueOf(exempted.ref), ref);
    assert.deepEqual(
      (await valueOf(exempted.imageFindings)).map((f) => [
        f.ruleId,
        f.path,
        f.exempted,
        f.exemptionReason,
      ]),
      [["image-setuid-files", "layers[3]:/usr/bin/su", true, reason]],
    );
    const report = (await valueOf(exempted.report)) as string;
    assert.match(report, /\n {2}\[FAIL\] 1 setuid\/setgid file found \(\/usr\/bin\/su\)\n/);
    assert.ok(
      report.endsWith(`\nEXEMPTIONS:\n  image-setuid-files: 1 finding accepted (${reason})\n`),
      report,
    );

    const allowed = imageOf("setuid", { allowSetuid: ["/usr/bin/su"] });
    assert.equal(await valueOf(allowed.ref), ref);
    assert.deepEqual(await valueOf(allowed.imageFindings), []);
    const allowedReport = (await valueOf(allowed.report)) as string;
    assert.match(allowedReport, /\n {2}\[PASS\] No setuid\/setgid binaries found\n/);
    assert.ok(
      allowedReport.endsWith(
        "\nSETTINGS:\n  Setuid/setgid files allowed by verify.allowSetuid, not reported: /usr/bin/su\n",
      ),
      allowedReport,
    );
  });

  it("keeps warnings as imageFindings and WARN lines without failing", async () => {
    const image = imageOf("no-healthcheck");
    assert.equal(await valueOf(image.ref), refs.get("no-healthcheck"));
    assert.deepEqual(
      (await valueOf(image.imageFindings)).map((f) => [f.ruleId, f.severity, f.path]),
      [["image-healthcheck", "warning", "config.Healthcheck"]],
    );
    assert.match(
      (await valueOf(image.report)) as string,
      /\n {2}\[WARN\] No HEALTHCHECK instruction\n/,
    );
  });

  it("applies the budgets it is given", async () => {
    const image = imageOf("hardened", { maxSizeMb: 0.001, maxLayers: 1 });
    assert.deepEqual(
      (await valueOf(image.imageFindings)).map((f) => [f.ruleId, f.severity]),
      [
        ["image-size-budget", "warning"],
        ["image-layer-budget", "warning"],
      ],
    );
  });

  it("runs the runtime checks when asked and reports them", async () => {
    const image = imageOf("hardened", { runtime: true });
    assert.equal(await valueOf(image.ref), refs.get("hardened"));
    const report = (await valueOf(image.report)) as string;
    assert.ok(
      report.endsWith(
        [
          "RUNTIME CHECKS:",
          "  [PASS] The running container's processes must not be root",
          "  [PASS] The image's user must not be able to write to the root file system",
          "  [PASS] The image must run with a read-only root file system",
          "  [PASS] /bin/sh must not start in the image",
          "  [PASS] The image's HEALTHCHECK must pass within its start period",
          "",
        ].join("\n"),
      ),
      report,
    );
    assert.equal((await valueOf(image.reportJson))?.runtimeChecks?.length, 5);
  });

  it("fails the runtime checks of a root image too", async () => {
    const error = await settle(valueOf(imageOf("root", { runtime: true }).ref));
    assert.ok(error instanceof HardenedImageVerifyError, String(error));
    assert.deepEqual(
      error.findings.map((f) => [f.ruleId, f.path]),
      [
        ["image-user-non-root", "config.User"],
        ["image-runtime-non-root", "runtime.processes"],
        ["image-runtime-writable-rootfs", "runtime.rootfs"],
      ],
    );
  });

  it("does not verify, nor fail, during a preview of a new image (repoDigest unknown)", async () => {
    mockResources({ preview: true, repoDigest: null });
    const image = new HardenedImage("preview", {
      imageName: `${refs.get("root")?.split("@")[0]}:1`,
      context,
      lockFile: null,
    });
    assert.match(await valueOf(image.dockerfile), /^USER 10001:10001$/m);
    for (const output of [image.ref, image.report, image.reportJson, image.imageFindings]) {
      assert.equal(await isKnown(output as pulumi.Output<unknown>), false);
      assert.equal(await valueOf(output as pulumi.Output<unknown>), undefined);
    }
  });

  it("skips verification with verify: false", async () => {
    const image = imageOf("root", false);
    assert.equal(await valueOf(image.ref), refs.get("root"));
    assert.equal(await valueOf(image.report), undefined);
  });
});

describe("HardenedImage verification credentials (local registry with basic auth)", function () {
  this.timeout(60_000);
  const repository = uniqueRepository("verify-auth");
  let ref: string;
  let previousConfig: string | undefined;

  before(async function () {
    await requireRegistries(this);
    const pushed = await pushImage(AUTH_REGISTRY, repository, "1", { marker: "auth" });
    ref = `${AUTH_REGISTRY}/${repository}@${pushed.digest}`;
    previousConfig = process.env.DOCKER_CONFIG;
    process.env.DOCKER_CONFIG = dockerConfigDir({});
  });
  after(() => {
    if (previousConfig === undefined) {
      delete process.env.DOCKER_CONFIG;
    } else {
      process.env.DOCKER_CONFIG = previousConfig;
    }
  });

  function imageWith(
    registry?: HardenedImageArgs["registry"],
    verify?: ImageVerifyArgs,
  ): HardenedImage {
    mockResources({ repoDigest: ref });
    return new HardenedImage("private", {
      ...(verify !== undefined ? { verify } : {}),
      imageName: `${AUTH_REGISTRY}/${repository}:1`,
      context: contextWith({
        Dockerfile:
          'FROM scratch\nUSER 10001:10001\nHEALTHCHECK CMD ["/app", "-healthcheck"]\nENTRYPOINT ["/app"]\n',
      }),
      lockFile: null,
      offline: false,
      ...(registry !== undefined ? { registry } : {}),
    });
  }

  it("reads the image with the registry argument's credentials, even when secret", async () => {
    const image = imageWith({
      server: AUTH_REGISTRY,
      username: REGISTRY_USER,
      password: pulumi.secret(REGISTRY_PASSWORD),
    });
    const error = await settle(valueOf(image.ref));
    // The minimal image was read: it has no USER, so the rules (not the registry) refuse it.
    assert.ok(error instanceof HardenedImageVerifyError, String(error));
    assert.deepEqual(
      error.findings.map((f) => f.ruleId),
      ["image-user-non-root"],
    );
    assert.doesNotMatch(error.message, new RegExp(REGISTRY_PASSWORD));
  });

  it("keeps ref and report out of secrets when the password is one", async () => {
    const image = imageWith(
      {
        server: AUTH_REGISTRY,
        username: REGISTRY_USER,
        password: pulumi.secret(REGISTRY_PASSWORD),
      },
      { exemptions: [{ rule: "image-user-non-root", reason: "a config-only test image" }] },
    );
    assert.equal(await valueOf(image.ref), ref);
    assert.equal(await pulumi.isSecret(image.ref), false);
    assert.equal(await pulumi.isSecret(image.report), false);
    const report = (await valueOf(image.report)) as string;
    assert.match(
      report,
      /\nEXEMPTIONS:\n {2}image-user-non-root: 1 finding accepted \(a config-only test image\)\n$/,
    );
    assert.doesNotMatch(report, new RegExp(REGISTRY_PASSWORD));
  });

  it("says the image could not be read, naming it, without credentials", async () => {
    const error = await settle(valueOf(imageWith().ref));
    assert.ok(error instanceof HardenedImageVerifyReadError, String(error));
    assert.ok(
      error.message.startsWith(`HardenedImage "private": cannot verify the pushed image ${ref}: `),
      error.message,
    );
    assert.match(error.message, /401/);
  });
});

describe("HardenedImage verify argument errors", () => {
  const cases: { name: string; verify: ImageVerifyArgs; arg: string; message: RegExp }[] = [
    {
      name: "an unknown rule",
      verify: { exemptions: [{ rule: "run-as-non-root", reason: "x" }] },
      arg: "args.verify.exemptions[0].rule",
      message: /"run-as-non-root" is not an image rule id; expected one of image-user-non-root, /,
    },
    {
      name: "an exemption without a reason",
      verify: { exemptions: [{ rule: "image-setuid-files", reason: " " }] },
      arg: "args.verify.exemptions[0].reason",
      message: /is empty; every exemption needs a reason/,
    },
    {
      name: "a zero size budget",
      verify: { maxSizeMb: 0 },
      arg: "args.verify.maxSizeMb",
      message: /args\.verify\.maxSizeMb: 0 is not a positive number/,
    },
    {
      name: "a non-number layer budget",
      verify: { maxLayers: Number.NaN },
      arg: "args.verify.maxLayers",
      message: /args\.verify\.maxLayers: NaN is not a positive number/,
    },
    {
      name: "a relative setuid path",
      verify: { allowSetuid: ["usr/bin/ping"] },
      arg: "args.verify.allowSetuid[0]",
      message: /"usr\/bin\/ping" is not an absolute path/,
    },
    {
      name: "a malformed platform",
      verify: { platform: "amd64" },
      arg: "args.verify.platform",
      message: /args\.verify\.platform: "amd64" is not of the form os\/architecture\[\/variant\]/,
    },
  ];
  for (const c of cases) {
    it(`refuses ${c.name}, naming ${c.arg}`, () => {
      mockResources();
      assert.throws(
        () =>
          new HardenedImage("bad", {
            imageName: "127.0.0.1:5000/app:1",
            context: contextWith({ Dockerfile: "FROM scratch\n" }),
            verify: c.verify,
          }),
        (error: unknown) =>
          error instanceof HardenedImageArgsError &&
          error.arg === c.arg &&
          error.message.startsWith(`HardenedImage "bad": ${c.arg}: `) &&
          c.message.test(error.message),
      );
    });
  }
});

describe("HardenedImage allowedRegistries", () => {
  it("refuses an entry that can never match, as the CLI config and the pack do", () => {
    mockResources();
    assert.throws(
      () =>
        new HardenedImage("bad", {
          imageName: "127.0.0.1:5000/app:1",
          context: contextWith({ Dockerfile: "FROM scratch\n" }),
          allowedRegistries: ["ghcr.io", "corp"],
        }),
      (error: unknown) =>
        error instanceof HardenedImageArgsError &&
        error.arg === "args.allowedRegistries[1]" &&
        error.message.startsWith(
          'HardenedImage "bad": args.allowedRegistries[1]: "corp" is not a registry host',
        ),
    );
  });
});
