import { strict as assert } from "assert";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import {
  resolveBuildSecrets,
  secretBuildFlags,
} from "../../../components/hardened-image/build-secrets";
import { HardenedImageArgsError } from "../../../components/hardened-image/errors";
import { HardenedImage } from "../../../components/hardened-image/hardened-image";
import { loadSource } from "../../../components/hardened-image/source";
import { HARDENED_IMAGE_BUILD_TYPE } from "../../../rules/docker-resource";
import { contextWith } from "./fixtures";
import { mockResources, valueOf } from "./mocks";

const OWNER = 'HardenedImage "api"';
const BUILDKIT = { builder: "buildkit" } as const;
const CLASSIC = { builder: "classic" } as const;
const CONTEXT = contextWith({
  "requirements.txt": "",
  "package-lock.json": "{}",
  "inside.conf": "x",
  Dockerfile: [
    "FROM debian:bookworm-slim",
    "RUN --mount=type=secret,id=token cat /run/secrets/token > /dev/null",
    "RUN --mount=type=secret,target=/run/secrets/other.txt true",
    "",
  ].join("\n"),
});
const OUTSIDE = mkdtempSync(join(tmpdir(), "hardened-secrets-"));
const PIP_CONF = join(OUTSIDE, "pip.conf");
const TOKEN = join(OUTSIDE, "token");
writeFileSync(PIP_CONF, "[global]\nindex-url = https://user:secret@pypi.example/simple\n");
writeFileSync(TOKEN, "secret");

function argsError(fn: () => unknown, arg: string, problem: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof HardenedImageArgsError, String(error));
    assert.ok(error.message.includes(arg), error.message);
    assert.match(error.message, problem);
    return true;
  });
}

describe("HardenedImage build secrets", () => {
  it("passes each secret as docker build --secret id=<id>,src=<absolute file>, sorted by id", () => {
    const secrets = resolveBuildSecrets(OWNER, { token: TOKEN, "pip.conf": PIP_CONF }, CONTEXT);
    assert.deepEqual(secretBuildFlags(secrets), [
      "--secret",
      `id=pip.conf,src=${PIP_CONF}`,
      "--secret",
      `id=token,src=${TOKEN}`,
    ]);
  });

  it("refuses a bad id, a missing file, a file inside the build context and a path docker cannot take", () => {
    const commaDir = mkdtempSync(join(tmpdir(), "a,b-"));
    writeFileSync(join(commaDir, "s"), "x");
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ "../x": TOKEN }, "args.secrets.../x", /is not a secret id/],
      [{ "": TOKEN }, "args.secrets.", /is not a secret id/],
      [{ token: join(OUTSIDE, "missing") }, "args.secrets.token", /missing is not a file/],
      [{ token: OUTSIDE }, "args.secrets.token", /is not a file/],
      [
        { conf: join(CONTEXT, "inside.conf") },
        "args.secrets.conf",
        /is inside the build context .*, where COPY \. would put it in a layer/,
      ],
      [{ s: join(commaDir, "s") }, "args.secrets.s", /has a comma or a quote/],
    ];
    for (const [secrets, arg, problem] of cases) {
      argsError(() => resolveBuildSecrets(OWNER, secrets, CONTEXT), arg, problem);
    }
  });

  it("renders the presets under BuildKit with cache mounts and the secrets on the dependency install, well-known ids as the package manager's config", () => {
    const load = (
      preset: Parameters<typeof loadSource>[1]["preset"],
      secrets: Record<string, string>,
      builderVersion: "BuilderV1" | "BuilderBuildKit" = "BuilderBuildKit",
    ) =>
      loadSource(
        OWNER,
        { imageName: "r.example/api", context: CONTEXT, preset, secrets, builderVersion },
        builderVersion === "BuilderV1" ? CLASSIC : BUILDKIT,
      ).text.split("\n");
    const python = load({ kind: "python" }, { "pip.conf": PIP_CONF, token: TOKEN });
    assert.equal(
      python[0],
      '# Rendered by pulumi-hardened (HardenedImage preset "python"). Needs BuildKit (RUN --mount).',
    );
    assert.deepEqual(python.slice(4, 6), [
      "RUN --mount=type=cache,target=/root/.cache/pip --mount=type=secret,id=pip.conf --mount=type=secret,id=token mkdir -p /build/site-packages \\",
      "  && PIP_CONFIG_FILE=/run/secrets/pip.conf python3 -m pip install --no-compile --disable-pip-version-check --target /build/site-packages -r /build/requirements.txt",
    ]);
    const node = load({ kind: "node" }, { npmrc: TOKEN });
    const rm = node.findIndex((line) => line.includes("rm -rf /build/app/.git"));
    assert.match(
      node[rm],
      /^RUN --mount=type=cache,target=\/root\/\.npm --mount=type=secret,id=npmrc rm -rf /,
    );
    assert.equal(
      node[rm + 1],
      "  && NPM_CONFIG_USERCONFIG=/run/secrets/npmrc npm ci --omit=dev --no-audit --no-fund",
    );
    assert.equal(node[rm + 2], "");
    assert.ok(
      load({ kind: "go" }, { netrc: TOKEN }).includes(
        'RUN --mount=type=cache,target=/root/.cache/go-build --mount=type=cache,target=/root/.cache/go-mod --mount=type=secret,id=netrc GOCACHE=/root/.cache/go-build GOMODCACHE=/root/.cache/go-mod NETRC=/run/secrets/netrc go build -ldflags "-w -s" -o /out/app .',
      ),
    );
    const classic = load({ kind: "go" }, {}, "BuilderV1");
    assert.match(classic[0], /Classic-builder compatible\.$/);
    assert.ok(classic.includes('RUN go build -ldflags "-w -s" -o /out/app .'));
  });

  it("needs BuildKit, and every secret a Dockerfile mounts given", () => {
    argsError(
      () =>
        loadSource(
          OWNER,
          {
            imageName: "r/api",
            context: CONTEXT,
            preset: { kind: "go" },
            secrets: { netrc: TOKEN },
          },
          { builder: "classic", noBuildKit: "the Docker engine 17.12.1 predates BuildKit (18.09)" },
        ),
      "args.builderVersion",
      /build secrets \(args\.secrets: netrc\) are mounted with RUN --mount=type=secret, which only BuildKit builds, and the build would use the classic builder: BuildKit is not available: the Docker engine 17\.12\.1 predates BuildKit \(18\.09\)$/,
    );
    const dockerfile = (secrets: Record<string, string>) => () =>
      loadSource(
        OWNER,
        { imageName: "r/api", context: CONTEXT, secrets, builderVersion: "BuilderBuildKit" },
        BUILDKIT,
      );
    argsError(
      dockerfile({}),
      "args.secrets",
      /Dockerfile:2 mounts the secret "token", which args\.secrets does not give \(it has none\)/,
    );
    argsError(
      dockerfile({ token: TOKEN }),
      "args.secrets",
      /Dockerfile:3 mounts the secret "other\.txt", which args\.secrets does not give \(it has "token"\)/,
    );
    const source = dockerfile({ token: TOKEN, "other.txt": PIP_CONF })();
    assert.deepEqual(
      source.secrets.map((s) => s.id),
      ["other.txt", "token"],
    );
  });

  it("HardenedImage hands the secret files to its BuildKit build step, and refuses them with the classic builder", async () => {
    const registered = mockResources();
    const args = {
      imageName: "127.0.0.1:1/app:v1",
      context: CONTEXT,
      preset: { kind: "go" as const },
      secrets: { netrc: TOKEN },
    };
    argsError(
      () => new HardenedImage("classic", { ...args, builderVersion: "BuilderV1" }),
      "args.builderVersion",
      /which only BuildKit builds, and the build would use the classic builder: builderVersion is "BuilderV1"$/,
    );
    const image = new HardenedImage("unit", args);
    assert.match(
      await valueOf(image.dockerfile),
      /^RUN --mount=type=cache,.* --mount=type=secret,id=netrc .*NETRC=\/run\/secrets\/netrc go build /m,
    );
    await valueOf(image.ref);
    const build = registered.find((r) => r.type === HARDENED_IMAGE_BUILD_TYPE);
    assert.deepEqual(build?.inputs.secretFiles, { netrc: TOKEN });
    assert.equal(build?.inputs.builder, "buildkit");
  });
});
