import { strict as assert } from "assert";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { dockerConfigCredentials, dockerConfigPath } from "../../oci/docker-config";
import { DockerConfigError } from "../../oci/errors";

function configFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "hardened-docker-config-test-")), "config.json");
  writeFileSync(file, content);
  return file;
}

const b64 = (text: string) => Buffer.from(text).toString("base64");

describe("dockerConfigPath", () => {
  it("uses $DOCKER_CONFIG/config.json when DOCKER_CONFIG is set, ~/.docker/config.json otherwise", () => {
    assert.equal(
      dockerConfigPath({ DOCKER_CONFIG: "/etc/docker-client" }, "/home/u"),
      "/etc/docker-client/config.json",
    );
    assert.equal(dockerConfigPath({}, "/home/u"), "/home/u/.docker/config.json");
  });
});

describe("dockerConfigCredentials", () => {
  const file = configFile(
    JSON.stringify({
      auths: {
        "https://index.docker.io/v1/": { auth: b64("hub-user:hub:pass") },
        "ghcr.io": { username: "gh-user", password: "gh-token" },
        "https://registry.example.com/v2/": { auth: b64("ex:pw") },
        "oauth.example.com": { identitytoken: "opaque" },
      },
      credHelpers: { "123.dkr.ecr.us-east-1.amazonaws.com": "ecr-login" },
    }),
  );
  const lookup = dockerConfigCredentials(file);
  const cases: { registry: string; expected: ReturnType<typeof lookup> }[] = [
    {
      registry: "docker.io",
      expected: { basic: { username: "hub-user", password: "hub:pass" }, source: file },
    },
    {
      registry: "ghcr.io",
      expected: { basic: { username: "gh-user", password: "gh-token" }, source: file },
    },
    {
      registry: "registry.example.com",
      expected: { basic: { username: "ex", password: "pw" }, source: file },
    },
    { registry: "quay.io", expected: undefined },
  ];
  for (const { registry, expected } of cases) {
    it(`finds ${expected ? "the credentials" : "nothing"} for ${registry}`, () => {
      assert.deepEqual(lookup(registry), expected);
    });
  }

  it("says a credential helper is not run, naming it", () => {
    const found = lookup("123.dkr.ecr.us-east-1.amazonaws.com");
    assert.equal(found?.basic, undefined);
    assert.match(
      found?.unsupported ?? "",
      /delegates 123\.dkr\.ecr\.us-east-1\.amazonaws\.com to the credential helper docker-credential-ecr-login, which hardened does not run/,
    );
  });

  it("says an identity token is not exchanged", () => {
    assert.match(
      lookup("oauth.example.com")?.unsupported ?? "",
      /holds an identity token for oauth\.example\.com/,
    );
  });

  it("falls back to credsStore for hosts without an auths entry", () => {
    const found = dockerConfigCredentials(configFile(JSON.stringify({ credsStore: "desktop" })))(
      "docker.io",
    );
    assert.match(found?.unsupported ?? "", /docker-credential-desktop/);
  });

  it("treats a missing file as no credentials", () => {
    assert.equal(
      dockerConfigCredentials(join(tmpdir(), "no-such-dir-hardened", "config.json"))("ghcr.io"),
      undefined,
    );
  });

  const broken: [string, string, RegExp][] = [
    ["invalid JSON", "{", /^Docker config .*config\.json: it is not valid JSON/],
    ["a non-object", "[]", /the top level is not a JSON object/],
    [
      "an auth without a colon",
      JSON.stringify({ auths: { "ghcr.io": { auth: b64("nocolon") } } }),
      /auths\["ghcr\.io"\]\.auth is not base64 of "user:password"/,
    ],
  ];
  for (const [name, content, message] of broken) {
    it(`throws DockerConfigError for ${name}, without the secret`, () => {
      const lookupBroken = dockerConfigCredentials(configFile(content));
      assert.throws(
        () => lookupBroken("ghcr.io"),
        (error: Error) =>
          error instanceof DockerConfigError &&
          message.test(error.message) &&
          !error.message.includes("nocolon"),
      );
    });
  }
});
