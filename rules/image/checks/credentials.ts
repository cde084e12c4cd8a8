import { HARDENED_PROFILES } from "../../profile";
import { LayeredEntry, layerFilePath } from "../filesystem";
import { ImageRule } from "../image-rule";

/** What a credential file is, by where it sits. */
interface CredentialPattern {
  readonly what: string;
  readonly matches: (path: string) => boolean;
}

const basename = (path: string) => path.slice(path.lastIndexOf("/") + 1);

/** Credential files looked for, by path. */
export const CREDENTIAL_PATTERNS: readonly CredentialPattern[] = [
  {
    what: "an SSH private key",
    matches: (p) => /\/\.ssh\/id_[a-z0-9_]+$/.test(p) && !p.endsWith(".pub"),
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
  { what: "a Docker client config", matches: (p) => p.endsWith("/.docker/config.json") },
  { what: "AWS credentials", matches: (p) => p.endsWith("/.aws/credentials") },
  {
    what: "Google Cloud credentials",
    matches: (p) =>
      p.includes("/.config/gcloud/") &&
      /(credentials\.db|access_tokens\.db|application_default_credentials\.json)$/.test(p),
  },
  {
    what: "Azure CLI tokens",
    matches: (p) => /\/\.azure\/(accessTokens|msal_token_cache)\.json$/.test(p),
  },
  { what: "a kubeconfig", matches: (p) => p.endsWith("/.kube/config") },
  {
    what: "a dotenv file",
    matches: (p) =>
      /^\.env(\.[a-z0-9_-]+)?$/i.test(basename(p)) && !/\.(example|sample|template)$/i.test(p),
  },
];

function credentialKind(entry: LayeredEntry): string | undefined {
  if (entry.entry.type !== "file" && entry.entry.type !== "hardlink") {
    return undefined;
  }
  return CREDENTIAL_PATTERNS.find((c) => c.matches(entry.entry.path))?.what;
}

/** No credential files, in the final file system or in any layer. */
export const imageCredentialFiles: ImageRule = {
  id: "image-credential-files",
  title: "No layer of the image may contain credential files",
  description:
    "SSH keys, .npmrc, .pypirc, .netrc, Docker, cloud and kube credentials or .env files in an image are readable by anyone who can pull it. Deleting one in a later layer does not help: the layer that added it is still in the image and can be extracted.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "image",
  references: {
    cisDocker: ["4.10"],
    dockle: ["CIS-DI-0010"],
    trivy: ["private-key"],
  },
  remediation:
    "Pass build credentials as BuildKit secrets (RUN --mount=type=secret) or use a multi-stage build whose final stage never receives them; rotate any credential that was pushed in an image.",
  check: ({ fs }) =>
    fs.everPresent.flatMap((layered) => {
      const what = credentialKind(layered);
      if (what === undefined) {
        return [];
      }
      const final = fs.final.get(layered.entry.path);
      const status =
        final?.layer === layered.layer
          ? "in the final file system"
          : `deleted or replaced later, but still in layer ${layered.layer}'s blob`;
      return [
        {
          path: layerFilePath(layered),
          message: `layer ${layered.layer} holds ${what} at ${layered.entry.path} (${status}); expected no credentials in any layer`,
          container: null,
        },
      ];
    }),
};
