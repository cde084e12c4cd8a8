import { strict as assert } from "assert";
import {
  chooseBuilder,
  whyNoBuildKit,
} from "../../../components/hardened-image/build/builder-choice";
import {
  DockerProbe,
  DockerProbeError,
  probeDocker,
} from "../../../components/hardened-image/build/docker-probe";
import { resolveBuilder } from "../../../components/hardened-image/build/resolve-builder";
import { HardenedImageArgsError } from "../../../components/hardened-image/errors";
import { buildKitDockerCli, requireDocker } from "../../../dev/docker";

const OWNER = 'HardenedImage "api"';
const UPDATE = { askEngine: true, preview: false };
const PREVIEW = { askEngine: true, preview: true };

/** A probe of a Debian docker.io 20.10 CLI and engine, changed by `change`. */
function probe(change: Partial<DockerProbe> = {}): DockerProbe {
  return {
    clientVersion: "20.10.24+dfsg1",
    serverVersion: "20.10.24+dfsg1",
    serverOs: "linux",
    buildx: false,
    ...change,
  };
}

describe("HardenedImage's builder", () => {
  it("uses BuildKit where the engine has it and the CLI reaches it without buildx or with it", () => {
    assert.equal(whyNoBuildKit(probe()), undefined);
    assert.equal(whyNoBuildKit(probe({ clientVersion: "28.5.1", buildx: true })), undefined);
    assert.equal(whyNoBuildKit(probe({ serverVersion: "18.09.0" })), undefined);
  });

  it("says why BuildKit cannot build: a Docker 23+ CLI without buildx, an old engine, a Windows engine", () => {
    assert.equal(
      whyNoBuildKit(probe({ clientVersion: "28.5.1" })),
      "the docker CLI 28.5.1 builds with BuildKit only through the buildx plugin, which it does not have (docker buildx version fails)",
    );
    assert.equal(
      whyNoBuildKit(probe({ serverVersion: "18.06.3-ce" })),
      "the Docker engine 18.06.3-ce predates BuildKit (18.09)",
    );
    assert.match(String(whyNoBuildKit(probe({ serverOs: "windows" }))), /runs windows/);
  });

  it("chooses the classic builder when asked, BuildKit when it works, and falls back with the reason", () => {
    assert.deepEqual(chooseBuilder("BuilderV1", probe()), { builder: "classic" });
    assert.deepEqual(chooseBuilder("auto", probe()), { builder: "buildkit" });
    assert.deepEqual(chooseBuilder("auto", undefined), { builder: "buildkit" });
    assert.equal(chooseBuilder("auto", probe({ clientVersion: "24.0.0" })).builder, "classic");
  });

  it("logs the fallback, refuses BuildKit it cannot have, and asks no engine offline or under mocks", () => {
    const cli28 = () => probe({ clientVersion: "28.5.1" });
    const fallback = resolveBuilder(OWNER, undefined, "docker", UPDATE, cli28);
    assert.equal(fallback.builder, "classic");
    assert.match(
      String(fallback.notice),
      /^building with the classic builder: the docker CLI 28\.5\.1 /,
    );
    assert.throws(
      () => resolveBuilder(OWNER, "BuilderBuildKit", "docker", UPDATE, cli28),
      (error: unknown) =>
        error instanceof HardenedImageArgsError &&
        error.message.includes("args.builderVersion") &&
        error.message.includes('"BuilderBuildKit" was asked for, but the docker CLI 28.5.1'),
    );
    const never = (): DockerProbe => assert.fail("the engine was asked");
    assert.deepEqual(
      resolveBuilder(OWNER, undefined, "docker", { askEngine: false, preview: false }, never),
      {
        builder: "buildkit",
      },
    );
    assert.deepEqual(resolveBuilder(OWNER, "BuilderV1", "docker", UPDATE, never), {
      builder: "classic",
    });
  });

  it("assumes BuildKit in a preview that reaches no engine, and fails the update naming args.dockerCli", () => {
    const missing = resolveBuilder(OWNER, undefined, "/nonexistent/docker", PREVIEW);
    assert.equal(missing.builder, "buildkit");
    assert.match(
      String(missing.notice),
      /cannot ask \/nonexistent\/docker about the Docker engine .*ENOENT.*the preview assumes BuildKit/,
    );
    assert.throws(
      () => resolveBuilder(OWNER, undefined, "/nonexistent/docker", UPDATE),
      (error: unknown) =>
        error instanceof HardenedImageArgsError && error.message.includes("args.dockerCli"),
    );
    assert.throws(() => probeDocker("/nonexistent/docker"), DockerProbeError);
  });

  describe("with the real Docker engine", () => {
    before(function () {
      requireDocker(this);
    });

    it("probes the CLI and engine, and a CLI that builds with DOCKER_BUILDKIT=1 is one it chooses BuildKit for", () => {
      const found = probeDocker("docker");
      assert.equal(probeDocker("docker"), found, "asked once per process and CLI");
      assert.equal(found.serverOs, "linux");
      assert.match(found.serverVersion, /^\d+\.\d+/);
      const buildKit = buildKitDockerCli();
      if (buildKit !== undefined) {
        assert.equal(whyNoBuildKit(probeDocker(buildKit)), undefined);
      }
    });
  });
});
