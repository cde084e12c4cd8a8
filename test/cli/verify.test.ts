import { strict as assert } from "assert";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { docker, requireDocker, runDocker } from "../../dev/docker";
import { requireRegistries } from "../../dev/registry";
import { runCli } from "../support/run-cli";
import {
  ADDED_THEN_DELETED_KEY,
  prepareTestImages,
  TestImages,
  Variant,
} from "../image/test-images";

interface JsonFinding {
  readonly ruleId: string;
  readonly path: string;
  readonly message: string;
  readonly file: string;
  readonly container: string | null;
}

function verify(args: readonly string[]): {
  code: number | null;
  findings: JsonFinding[];
  stderr: string;
} {
  const run = runCli(["verify", ...args, "--format", "json"]);
  const findings =
    run.code === 2 ? [] : (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
  return { code: run.code, findings, stderr: run.stderr };
}

function ruleIds(findings: readonly JsonFinding[]): string[] {
  return [...new Set(findings.map((f) => f.ruleId))].sort();
}

/** Each image differs from the hardened one by exactly one thing, caught by exactly one rule. */
const STATIC_CASES: readonly {
  name: string;
  variant: Variant;
  expected: string[];
  path?: string;
}[] = [
  { name: "hardened", variant: {}, expected: [] },
  { name: "root", variant: { user: "0" }, expected: ["image-user-non-root"], path: "config.User" },
  {
    name: "name-only-user",
    variant: { user: "appuser" },
    expected: ["image-user-numeric"],
    path: "config.User",
  },
  {
    name: "shell",
    variant: { extra: ["COPY --from=deb /usr/bin/dash /bin/sh"] },
    expected: ["image-no-shell"],
    path: "layers[3]:/bin/sh",
  },
  {
    name: "apt",
    variant: { extra: ["COPY --from=deb /usr/bin/apt-get /usr/bin/apt-get"] },
    expected: ["image-no-package-manager"],
    path: "layers[3]:/usr/bin/apt-get",
  },
  {
    name: "setuid",
    variant: { extra: ["COPY --from=deb /usr/bin/su /usr/bin/su"] },
    expected: ["image-setuid-files"],
    path: "layers[3]:/usr/bin/su",
  },
  {
    name: "ssh-key-deleted",
    variant: { extra: ADDED_THEN_DELETED_KEY },
    expected: ["image-credential-files"],
    path: "layers[3]:/root/.ssh/id_rsa",
  },
  {
    name: "secret-env",
    variant: { extra: ["ENV API_TOKEN=test-only-token-value"] },
    expected: ["image-secret-env"],
    path: "config.Env[1]",
  },
  {
    name: "no-healthcheck",
    variant: { healthcheck: false },
    expected: ["image-healthcheck"],
    path: "config.Healthcheck",
  },
];

describe("hardened verify on real images (Docker engine and local registry)", function () {
  this.timeout(600_000);
  let images: TestImages | undefined;
  const refs = new Map<string, string>();

  before(async function () {
    requireDocker(this);
    await requireRegistries(this);
    images = prepareTestImages();
    for (const c of STATIC_CASES) {
      refs.set(c.name, images.build(c.name, c.variant));
    }
    refs.set(
      "root-touch",
      images.build("root-touch", {
        user: "0",
        extra: ["COPY --from=deb /usr/bin/touch /usr/bin/touch"],
      }),
    );
    refs.set(
      "never-healthy",
      images.build("never-healthy", { healthcheck: ["/bin/missing-probe"] }),
    );
  });
  after(() => images?.cleanup());

  for (const c of STATIC_CASES) {
    it(`${c.name}: ${c.expected.length === 0 ? "passes every rule" : `is caught by exactly ${c.expected.join(", ")}`}`, () => {
      const ref = refs.get(c.name) as string;
      const { code, findings } = verify([ref]);
      assert.deepEqual(ruleIds(findings), c.expected);
      assert.equal(code, findings.some((f) => f.ruleId !== "image-healthcheck") ? 1 : 0);
      assert.ok(findings.every((f) => f.file === ref && f.container === null));
      if (c.path !== undefined) {
        assert.deepEqual(
          findings.map((f) => f.path),
          [c.path],
        );
      }
    });
  }

  it("never prints the secret ENV value", () => {
    const run = runCli(["verify", refs.get("secret-env") as string]);
    assert.doesNotMatch(run.stdout, /test-only-token-value/);
    assert.match(run.stdout, /API_TOKEN looks like a secret/);
  });

  it("reads a docker save archive with the same findings as the registry", () => {
    const ref = refs.get("ssh-key-deleted") as string;
    const dir = mkdtempSync(join(tmpdir(), "hardened-save-"));
    try {
      const archive = join(dir, "image.tar");
      docker(["save", "-o", archive, ref]);
      const fromArchive = verify(["--archive", archive]);
      const fromRegistry = verify([ref]);
      const strip = (fs: JsonFinding[]) => fs.map((f) => [f.ruleId, f.path, f.message]);
      assert.deepEqual(strip(fromArchive.findings), strip(fromRegistry.findings));
      assert.equal(fromArchive.findings[0].file, archive);
      assert.equal(fromArchive.code, fromRegistry.code);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says in the summary whether the labelled base was fetched", () => {
    const run = runCli(["verify", refs.get("hardened") as string]);
    assert.match(
      run.stdout,
      /^0 errors, 0 warnings, 0 notes in 1 resource checked \(platform linux\/amd64, runtime off, base resolved .*\/base:1 \(3 layers\)\)$/m,
    );
    const offline = runCli(["verify", refs.get("hardened") as string, "--no-resolve-base"]);
    assert.match(offline.stdout, /runtime off, base not looked up\)$/m);
  });

  it("--runtime: a hardened image runs non-root, read-only, shell-less and healthy", () => {
    const { code, findings } = verify([refs.get("hardened") as string, "--runtime"]);
    assert.deepEqual(findings, []);
    assert.equal(code, 0);
  });

  it('--runtime: an image that still passes "touch /test" as root is not hardened', () => {
    const ref = refs.get("root-touch") as string;
    const touched = runDocker(["run", "--rm", "--entrypoint", "/usr/bin/touch", ref, "/test"]);
    assert.equal(touched.code, 0, `touch /test as root should succeed: ${touched.stderr}`);
    const { code, findings } = verify([ref, "--runtime"]);
    assert.deepEqual(ruleIds(findings), [
      "image-runtime-non-root",
      "image-runtime-writable-rootfs",
      "image-user-non-root",
    ]);
    assert.equal(code, 1);
  });

  it("--runtime: a shell that starts is caught statically and at run time", () => {
    const { findings } = verify([refs.get("shell") as string, "--runtime"]);
    assert.deepEqual(ruleIds(findings), ["image-no-shell", "image-runtime-no-shell"]);
  });

  it("--runtime: a HEALTHCHECK that never passes is caught", () => {
    const { findings } = verify([refs.get("never-healthy") as string, "--runtime"]);
    assert.deepEqual(ruleIds(findings), ["image-runtime-healthcheck"]);
    assert.match(findings[0].message, /^the health check was "unhealthy" after [\d.]+s/);
  });

  it("names an unknown image in a usage error (exit 2)", () => {
    const run = runCli(["verify", `${images?.repository}/missing:1`]);
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /^hardened: registry 127\.0\.0\.1:5000 has no manifest for .*missing:1/,
    );
  });
});

describe("hardened verify usage errors", () => {
  const CASES: [string, string[], RegExp][] = [
    ["no image", ["verify"], /give an image reference .* or --archive FILE/],
    ["both a reference and an archive", ["verify", "app:1", "--archive", "x.tar"], /not both/],
    [
      "a bad platform",
      ["verify", "app:1", "--platform", "linux"],
      /platform "linux" is not of the form os\/architecture/,
    ],
    [
      "a bad budget",
      ["verify", "app:1", "--max-layers", "-3"],
      /--max-layers "-3" is not a positive number/,
    ],
    [
      "a bad base digest",
      ["verify", "app:1", "--base-digest", "sha256:abc"],
      /--base-digest "sha256:abc" is not a sha256/,
    ],
    [
      "a missing archive",
      ["verify", "--archive", "/nonexistent/image.tar"],
      /\/nonexistent\/image\.tar: no such archive file/,
    ],
  ];
  for (const [name, args, message] of CASES) {
    it(`exits 2 for ${name}`, () => {
      const run = runCli(args);
      assert.equal(run.code, 2);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, "");
    });
  }
});
