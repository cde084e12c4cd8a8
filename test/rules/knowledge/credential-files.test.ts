import { strict as assert } from "assert";
import { credentialFileKind } from "../../../rules/knowledge/credential-files";

describe("credential files", () => {
  const table: [string, string | undefined][] = [
    ["id_rsa", "an SSH private key"],
    ["/root/.ssh/id_ed25519_sk", "an SSH private key"],
    ["/root/.ssh/id_ed25519.pub", undefined],
    ["/etc/ssh/ssh_host_rsa_key", "an SSH host private key"],
    [".npmrc", "an npm credentials file"],
    ["/home/app/.pypirc", "a PyPI credentials file"],
    [".docker/config.json", "a Docker client config"],
    ["/root/.aws/credentials/", "AWS credentials"],
    ["/root/.config/gcloud/application_default_credentials.json", "Google Cloud credentials"],
    ["/root/.kube/config", "a kubeconfig"],
    [".env", "a dotenv file"],
    ["/app/.env.production.local", "a dotenv file"],
    [".env.example", undefined],
    ["/app/config.json", undefined],
  ];
  for (const [path, kind] of table) {
    it(`${path}: ${kind ?? "not a credential file"}`, () => {
      assert.equal(credentialFileKind(path), kind);
    });
  }
});
