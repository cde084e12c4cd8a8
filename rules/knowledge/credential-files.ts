/**
 * Credential files, recognized by their path, shared by the Dockerfile rule (what COPY and ADD
 * name) and the built-image rule (what a layer holds). Paths may be absolute (image layers,
 * COPY destinations) or relative (COPY sources).
 */

/** A kind of credential file and how to recognize its path. */
export interface CredentialFile {
  /** What the file is, for messages: "an npm credentials file". */
  readonly what: string;
  /** True when `path` (no trailing slash) is such a file. */
  readonly matches: (path: string) => boolean;
}

const basename = (path: string): string => path.slice(path.lastIndexOf("/") + 1);

/** Every credential file looked for. */
export const CREDENTIAL_FILES: readonly CredentialFile[] = [
  {
    what: "an SSH private key",
    matches: (p) =>
      /^id_(rsa|dsa|ecdsa|ed25519)$/.test(basename(p)) ||
      (/(^|\/)\.ssh\/id_[a-z0-9_]+$/.test(p) && !p.endsWith(".pub")),
  },
  {
    what: "an SSH host private key",
    matches: (p) => /^\/etc\/ssh\/ssh_host_[a-z0-9]+_key$/.test(p),
  },
  { what: "an npm credentials file", matches: (p) => basename(p) === ".npmrc" },
  { what: "a PyPI credentials file", matches: (p) => basename(p) === ".pypirc" },
  { what: "a netrc credentials file", matches: (p) => basename(p) === ".netrc" },
  { what: "a Git credentials file", matches: (p) => basename(p) === ".git-credentials" },
  { what: "a PostgreSQL password file", matches: (p) => basename(p) === ".pgpass" },
  { what: "a Docker client config", matches: (p) => /(^|\/)\.docker\/config\.json$/.test(p) },
  { what: "AWS credentials", matches: (p) => /(^|\/)\.aws\/credentials$/.test(p) },
  {
    what: "Google Cloud credentials",
    matches: (p) =>
      /(^|\/)\.config\/gcloud\//.test(p) &&
      /(credentials\.db|access_tokens\.db|application_default_credentials\.json)$/.test(p),
  },
  {
    what: "Azure CLI tokens",
    matches: (p) => /(^|\/)\.azure\/(accessTokens|msal_token_cache)\.json$/.test(p),
  },
  { what: "a kubeconfig", matches: (p) => /(^|\/)\.kube\/config$/.test(p) },
  {
    what: "a dotenv file",
    matches: (p) =>
      /^\.env(\..+)?$/i.test(basename(p)) && !/\.(example|sample|template|dist)$/i.test(p),
  },
];

/** What credential file `path` is (trailing slashes ignored), or undefined. */
export function credentialFileKind(path: string): string | undefined {
  const normalized = path.replace(/\/+$/, "");
  return CREDENTIAL_FILES.find((c) => c.matches(normalized))?.what;
}
