import { strict as assert } from "assert";
import { HardenStageError } from "../../../components/hardened-image/errors";
import { appendHardenStage, stripScript } from "../../../components/hardened-image/harden-stage";
import { parseDockerfile } from "../../../rules/dockerfile/parse";

const OWNER = 'HardenedImage "api"';

function harden(text: string, target?: string) {
  const model = parseDockerfile(text, { file: "D", ...(target ? { target } : {}) });
  return appendHardenStage(text, model, {}, OWNER);
}

describe("appendHardenStage", () => {
  it("names an unnamed final stage and re-declares its configuration in the scratch stage", () => {
    const text = [
      "FROM debian:12 AS base",
      "ENV A=1",
      "FROM base",
      "ARG VERSION",
      "LABEL version=$VERSION",
      "RUN true",
      "WORKDIR /srv",
      "EXPOSE 8080",
      "STOPSIGNAL SIGTERM",
      "USER 1000:1000",
      'CMD ["/srv/app"]',
      "",
    ].join("\n");
    const result = harden(text);
    assert.equal(result.target, "hardened");
    assert.match(result.text, /^FROM base AS hardened-source$/m);
    assert.ok(
      result.text.endsWith(
        [
          "FROM scratch AS hardened",
          '# hardened ignore=dockerfile-copy-system-dirs reason="hardened-strip removed the package manager, shells and setuid bits asked for; its whole file system is the image"',
          "COPY --from=hardened-strip / /",
          "ENV A=1",
          "ARG VERSION",
          "LABEL version=$VERSION",
          "WORKDIR /srv",
          "EXPOSE 8080",
          "STOPSIGNAL SIGTERM",
          "USER 1000:1000",
          'CMD ["/srv/app"]',
          "",
        ].join("\n"),
      ),
      result.text,
    );
    assert.match(result.text, /^FROM hardened-source AS hardened-strip\nUSER 0:0\nRUN set -eu; /m);
  });

  it("strips the target stage when one is given, keeping its name", () => {
    const result = harden("FROM debian:12 AS app\nUSER 1:1\nFROM app AS test\n", "app");
    assert.match(result.text, /^FROM app AS hardened-strip$/m);
    assert.doesNotMatch(result.text, /hardened-source/);
  });

  const refusals: { text: string; message: RegExp }[] = [
    { text: "FROM scratch\nUSER 1:1\n", message: /is FROM scratch: there is nothing to strip/ },
    { text: "FROM debian:12 AS hardened\n", message: /already has a stage named hardened$/ },
    { text: "FROM \\\n  debian:12\nUSER 1:1\n", message: /FROM \(line 1\) spans several lines/ },
  ];
  for (const { text, message } of refusals) {
    it(`refuses ${JSON.stringify(text)}`, () => {
      assert.throws(
        () => harden(text),
        (e: unknown) =>
          e instanceof HardenStageError &&
          e.message.startsWith(`${OWNER}: args.harden: `) &&
          message.test(e.message),
      );
    });
  }

  it("runs only the steps asked for, shells last", () => {
    assert.equal(
      stripScript({ removePackageManager: false, removeShells: false }),
      "set -eu; find / -xdev -perm /6000 -type f -exec chmod ug-s {} +",
    );
    const all = stripScript({});
    assert.ok(all.indexOf("chmod ug-s") < all.indexOf("/usr/bin/dpkg"));
    assert.ok(all.indexOf("/usr/bin/dpkg") < all.indexOf("/usr/bin/sh"));
    assert.equal(
      stripScript({ stripSetuid: false, removePackageManager: false }).includes(
        "rm -f /bin/sh /usr/bin/sh",
      ),
      true,
    );
  });
});
