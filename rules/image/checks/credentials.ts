import { credentialFileKind } from "../../knowledge/credential-files";
import { HARDENED_PROFILES } from "../../profile";
import { LayeredEntry, layerFilePath } from "../filesystem";
import { ImageRule } from "../image-rule";

function credentialKind(entry: LayeredEntry): string | undefined {
  if (entry.entry.type !== "file" && entry.entry.type !== "hardlink") {
    return undefined;
  }
  return credentialFileKind(entry.entry.path);
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
