import { strict as assert } from "assert";
import { isSecretName, secretKindIn } from "../../../rules/knowledge/secret-patterns";

describe("secret patterns", () => {
  it("recognises secret names, not names that only point at a secret", () => {
    const table: [string, boolean][] = [
      ["NPM_TOKEN", true],
      ["dbPassword", true],
      ["AWS_SECRET_ACCESS_KEY", true],
      ["STRIPE_API_KEY", true],
      ["GPG_PASSPHRASE", true],
      ["SSH_AUTHKEY", true],
      ["DB_PWD", true],
      ["TOKEN_FILE", false],
      ["GPG_KEY", false],
      ["PUBLIC_KEY", false],
      ["KEYCLOAK_URL", false],
      ["PWD", false],
      ["OLDPWD", false],
    ];
    for (const [name, secret] of table) {
      assert.equal(isSecretName(name), secret, name);
    }
  });

  it("recognises credential formats by kind, not variable references", () => {
    const table: [string, string | undefined][] = [
      ["AKIAABCDEFGHIJKLMNOP", "an AWS access key id"],
      ["-----BEGIN OPENSSH PRIVATE KEY-----", "a private key"],
      ["postgres://app:hunter2@db:5432/app", "a URL with an embedded password"],
      ["https://${USER}:${TOKEN}@example.com", undefined],
      ["/run/secrets/db", undefined],
    ];
    for (const [text, kind] of table) {
      assert.equal(secretKindIn(text), kind, text);
    }
  });
});
