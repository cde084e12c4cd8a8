import { strict as assert } from "assert";
import { registryArgCredentials } from "../../../components/hardened-image/registry-credentials";
import { CredentialProvider } from "../../../oci/docker-config";

const FROM_CONFIG = { basic: { username: "cfg", password: "cfg-pass" }, source: "config.json" };
const fallback: CredentialProvider = (registry) =>
  registry === "quay.io" ? FROM_CONFIG : undefined;
const ARG = {
  basic: { username: "ci", password: "arg-pass" },
  source: "HardenedImage args.registry",
};

describe("HardenedImage verification credentials", () => {
  const cases: {
    name: string;
    registry: { server?: string; username?: string; password?: string } | undefined;
    asked: string;
    expected: unknown;
  }[] = [
    {
      name: "the argument's server, written as a URL",
      registry: { server: "https://GHCR.io/v2/", username: "ci", password: "arg-pass" },
      asked: "ghcr.io",
      expected: ARG,
    },
    {
      name: "Docker Hub under another alias",
      registry: { server: "index.docker.io", username: "ci", password: "arg-pass" },
      asked: "docker.io",
      expected: ARG,
    },
    {
      name: "the pushed image's registry when the argument names no server",
      registry: { username: "ci", password: "arg-pass" },
      asked: "127.0.0.1:5001",
      expected: ARG,
    },
    {
      name: "another registry: the Docker config",
      registry: { server: "ghcr.io", username: "ci", password: "arg-pass" },
      asked: "quay.io",
      expected: FROM_CONFIG,
    },
    {
      name: "an argument without a password: the Docker config",
      registry: { server: "quay.io", username: "ci" },
      asked: "quay.io",
      expected: FROM_CONFIG,
    },
    {
      name: "no argument: the Docker config",
      registry: undefined,
      asked: "quay.io",
      expected: FROM_CONFIG,
    },
  ];
  for (const c of cases) {
    it(`uses ${c.name}`, () => {
      const provider = registryArgCredentials(c.registry, "127.0.0.1:5001", fallback);
      assert.deepEqual(provider(c.asked), c.expected);
    });
  }
});
