import { strict as assert } from "assert";
import { evaluateImage } from "../../../rules/image/evaluate";
import { ImageRuleOptions } from "../../../rules/image/image-rule";
import { ImageModel } from "../../../rules/image/model";
import { STATIC_IMAGE_RULES } from "../../../rules/image/static-rules";
import { dir, file, HARDENED_LAYERS, imageModel, symlink, withLayer } from "./image-fixtures";

const PASSWD_WITH_APP = file("/etc/passwd", {
  mode: 0o644,
  content:
    "root:x:0:0:root:/root:/bin/sh\nappuser:x:1000:1000::/home/app:/sbin/nologin\ntoor:x:0:0::/:/sbin/nologin\n",
});

interface Case {
  readonly name: string;
  readonly model: ImageModel;
  readonly options?: ImageRuleOptions;
  /** `ruleId path` of every expected violation, in order. */
  readonly expected: readonly string[];
}

const NO_LABELS = { labels: {} };

const CASES: readonly Case[] = [
  { name: "a hardened image", model: imageModel(), expected: [] },
  {
    name: "no USER",
    model: imageModel({ user: "" }),
    expected: ["image-user-non-root config.User"],
  },
  {
    name: "USER root",
    model: imageModel({ user: "root" }, withLayer([PASSWD_WITH_APP])),
    expected: ["image-user-non-root config.User", "image-user-numeric config.User"],
  },
  {
    name: "USER 0:0",
    model: imageModel({ user: "0:0" }),
    expected: ["image-user-non-root config.User"],
  },
  {
    name: "USER name mapped to uid 0",
    model: imageModel({ user: "toor" }, withLayer([PASSWD_WITH_APP])),
    expected: ["image-user-non-root config.User", "image-user-numeric config.User"],
  },
  {
    name: "USER name with a passwd entry",
    model: imageModel({ user: "appuser" }, withLayer([PASSWD_WITH_APP])),
    expected: ["image-user-numeric config.User"],
  },
  {
    name: "USER name without a passwd entry",
    model: imageModel({ user: "ghost" }),
    expected: ["image-user-numeric config.User"],
  },
  {
    name: "a numeric uid without a passwd entry is fine",
    model: imageModel({ user: "4242" }),
    expected: [],
  },
  {
    name: "no HEALTHCHECK",
    model: imageModel({ healthcheck: undefined }),
    expected: ["image-healthcheck config.Healthcheck"],
  },
  {
    name: "HEALTHCHECK NONE",
    model: imageModel({
      healthcheck: { test: ["NONE"], startPeriodSeconds: 0, intervalSeconds: 30, retries: 3 },
    }),
    expected: ["image-healthcheck config.Healthcheck"],
  },
  {
    name: "shell-form HEALTHCHECK and ENTRYPOINT without a shell",
    model: imageModel({
      entrypoint: ["/bin/sh", "-c", "/app/server"],
      healthcheck: {
        test: ["CMD-SHELL", "curl -f localhost"],
        startPeriodSeconds: 0,
        intervalSeconds: 30,
        retries: 3,
      },
    }),
    expected: [
      "image-shell-form-without-shell config.Entrypoint",
      "image-shell-form-without-shell config.Healthcheck.Test",
    ],
  },
  {
    name: "shell-form CMD without ENTRYPOINT and without a shell",
    model: imageModel({ entrypoint: [], cmd: ["/bin/sh", "-c", "/app/server"] }),
    expected: ["image-shell-form-without-shell config.Cmd"],
  },
  {
    name: "a setuid and a setgid file",
    model: imageModel(
      {},
      withLayer([
        dir("/usr/bin"),
        file("/usr/bin/su", { mode: 0o4755 }),
        file("/usr/bin/wall", { mode: 0o2755 }),
      ]),
    ),
    expected: [
      "image-setuid-files layers[2]:/usr/bin/su",
      "image-setuid-files layers[2]:/usr/bin/wall",
    ],
  },
  {
    name: "an allowed setuid file",
    model: imageModel({}, withLayer([file("/usr/bin/ping", { mode: 0o4755 })])),
    options: { allowedSetuidPaths: ["/usr/bin/ping"] },
    expected: [],
  },
  {
    name: "a setuid file removed by a later layer",
    model: imageModel({}, [
      ...withLayer([file("/usr/bin/su", { mode: 0o4755 })]),
      [file("/usr/bin/.wh.su")],
    ]),
    expected: [],
  },
  {
    name: "a shell behind usrmerge symlinks (shell-form commands are then fine)",
    model: imageModel(
      {
        healthcheck: {
          test: ["CMD-SHELL", "true"],
          startPeriodSeconds: 0,
          intervalSeconds: 30,
          retries: 3,
        },
      },
      withLayer([
        symlink("/bin", "usr/bin"),
        dir("/usr/bin"),
        file("/usr/bin/dash"),
        symlink("/usr/bin/sh", "dash"),
      ]),
    ),
    expected: ["image-no-shell layers[2]:/usr/bin/dash", "image-no-shell layers[2]:/usr/bin/sh"],
  },
  {
    name: "busybox",
    model: imageModel({}, withLayer([file("/bin/busybox")])),
    expected: ["image-no-shell layers[2]:/bin/busybox"],
  },
  {
    name: "a dangling /bin/sh symlink is no shell",
    model: imageModel({}, withLayer([symlink("/bin/sh", "/bin/busybox")])),
    expected: [],
  },
  {
    name: "package managers",
    model: imageModel(
      {},
      withLayer([
        file("/usr/bin/apt-get"),
        file("/usr/bin/dpkg"),
        file("/sbin/apk"),
        file("/usr/local/bin/pip3.12"),
      ]),
    ),
    expected: [
      "image-no-package-manager layers[2]:/sbin/apk",
      "image-no-package-manager layers[2]:/usr/bin/apt-get",
      "image-no-package-manager layers[2]:/usr/bin/dpkg",
      "image-no-package-manager layers[2]:/usr/local/bin/pip3.12",
    ],
  },
  { name: "distroless dpkg metadata only", model: imageModel({}, HARDENED_LAYERS), expected: [] },
  {
    name: "an SSH key added then deleted",
    model: imageModel({}, [
      ...withLayer([dir("/root/.ssh"), file("/root/.ssh/id_rsa", { mode: 0o600 })]),
      [file("/root/.ssh/.wh.id_rsa")],
    ]),
    expected: ["image-credential-files layers[2]:/root/.ssh/id_rsa"],
  },
  {
    name: "credential files in the final file system",
    model: imageModel(
      {},
      withLayer([
        file("/home/app/.npmrc"),
        file("/root/.docker/config.json"),
        file("/app/.env"),
        file("/app/.env.example"),
        file("/root/.ssh/id_ed25519.pub"),
        file("/home/app/.aws/credentials"),
      ]),
    ),
    expected: [
      "image-credential-files layers[2]:/home/app/.npmrc",
      "image-credential-files layers[2]:/root/.docker/config.json",
      "image-credential-files layers[2]:/app/.env",
      "image-credential-files layers[2]:/home/app/.aws/credentials",
    ],
  },
  {
    name: "a secret ENV, by name and by value",
    model: imageModel({
      env: [
        "PATH=/bin",
        "API_TOKEN=abc123",
        "GREETING=AKIAABCDEFGHIJKLMNOP",
        "DB_PASSWORD_FILE=/run/secrets/db",
        "EMPTY_SECRET=",
        "PWD=/app",
      ],
    }),
    expected: ["image-secret-env config.Env[1]", "image-secret-env config.Env[2]"],
  },
  {
    name: "a secret ENV that a later ENV cleared, from the history",
    model: imageModel({}, HARDENED_LAYERS, [
      "/bin/sh -c #(nop)  ENV GITHUB_TOKEN=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB",
      "/bin/sh -c #(nop)  ENV GITHUB_TOKEN=",
    ]),
    expected: ["image-secret-env history[0]"],
  },
  {
    name: "a secret build argument and a literal password in RUN",
    model: imageModel({}, HARDENED_LAYERS, [
      "|1 NPM_TOKEN=npm_abcdef /bin/sh -c npm ci",
      "/bin/sh -c mysql --password=hunter2 -e 'select 1'",
      "/bin/sh -c login --password=$PASSWORD",
      "RUN |1 GITHUB_TOKEN=abc /bin/sh -c make # buildkit",
    ]),
    expected: [
      "image-secret-history history[0]",
      "image-secret-history history[1]",
      "image-secret-history history[3]",
    ],
  },
  {
    name: "volumes on /proc and /sys/fs",
    model: imageModel({ volumes: ["/data", "/proc", "/sys/fs/cgroup"] }),
    expected: [
      'image-system-volumes config.Volumes["/proc"]',
      'image-system-volumes config.Volumes["/sys/fs/cgroup"]',
    ],
  },
  {
    name: "a privileged port with a non-root user",
    model: imageModel({ exposedPorts: ["80/tcp", "8080/tcp"] }),
    expected: ['image-privileged-port config.ExposedPorts["80/tcp"]'],
  },
  {
    name: "build leftovers, reported once per .git directory",
    model: imageModel(
      {},
      withLayer([dir("/app/.git"), file("/app/.git/config"), file("/app/Dockerfile")]),
    ),
    expected: [
      "image-unneeded-files layers[2]:/app/.git",
      "image-unneeded-files layers[2]:/app/Dockerfile",
    ],
  },
  {
    name: "over the size budget",
    model: imageModel(),
    options: { maxSizeBytes: 5000 },
    expected: ["image-size-budget layers"],
  },
  {
    name: "within the size budget",
    model: imageModel(),
    options: { maxSizeBytes: 6000 },
    expected: [],
  },
  {
    name: "over the layer budget",
    model: imageModel(),
    options: { maxLayers: 1 },
    expected: ["image-layer-budget layers"],
  },
  {
    name: "no base labels",
    model: imageModel(NO_LABELS),
    expected: [
      'image-base-labels config.Labels["org.opencontainers.image.base.name"]',
      'image-base-labels config.Labels["org.opencontainers.image.base.digest"]',
    ],
  },
  {
    name: "a base digest other than the pinned one",
    model: imageModel(),
    options: { expectedBaseDigest: `sha256:${"b".repeat(64)}` },
    expected: ['image-base-labels config.Labels["org.opencontainers.image.base.digest"]'],
  },
  {
    name: "base labels naming an image whose layers are not the image's lowest",
    model: {
      ...imageModel(),
      base: {
        reference: "base:1",
        digest: `sha256:${"a".repeat(64)}`,
        diffIds: [`sha256:${"9".repeat(64)}`],
      },
    },
    expected: ['image-base-labels config.Labels["org.opencontainers.image.base.digest"]'],
  },
  {
    name: "base labels naming the image's real base",
    model: {
      ...imageModel(),
      base: {
        reference: "base:1",
        digest: `sha256:${"a".repeat(64)}`,
        diffIds: [`sha256:${"0".repeat(64)}`],
      },
    },
    expected: [],
  },
];

describe("image rules", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const found = evaluateImage(c.model, c.options ?? {}).map((v) => `${v.ruleId} ${v.path}`);
      assert.deepEqual(found, c.expected);
    });
  }

  it("never prints a secret value", () => {
    const secret = "s3cr3t-value-never-shown";
    const messages = evaluateImage(
      imageModel({ env: [`DB_PASSWORD=${secret}`] }, HARDENED_LAYERS, [
        `|1 API_KEY=${secret} /bin/sh -c make`,
        `/bin/sh -c #(nop)  ENV OLD_SECRET=${secret}`,
      ]),
    ).map((v) => v.message);
    assert.equal(messages.length, 3);
    assert.ok(messages.every((m) => !m.includes(secret)));
  });

  it("says what was found and what is expected", () => {
    const [v] = evaluateImage(imageModel({}, withLayer([file("/usr/bin/su", { mode: 0o4755 })])));
    assert.equal(
      v.message,
      "/usr/bin/su is setuid (mode 4755, owner 0:0); expected no setuid/setgid files",
    );
    assert.equal(v.severity, "error");
  });

  it("has the image- prefix and target on every rule", () => {
    assert.ok(STATIC_IMAGE_RULES.every((r) => r.id.startsWith("image-") && r.target === "image"));
  });
});
