import { HARDENED_PROFILES } from "../../profile";
import { builtInstructions } from "../support/ancestry";
import { DockerfileRule, violationAt } from "../dockerfile-rule";

/** Local archives ADD extracts: using ADD for them is what ADD is for. */
const ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|zst)|tgz|tbz2?|txz|tzst)$/i;

/** Sources ADD fetches rather than copies: URLs and git repositories (other rules check them). */
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;

/** COPY, not ADD, for local files that are not archives. */
export const dockerfileAddNotCopy: DockerfileRule = {
  id: "dockerfile-add-not-copy",
  title: "ADD must not be used where COPY would do",
  description:
    "ADD also extracts local archives and downloads URLs, so a plain file copy written as ADD hides what may enter the image when the source changes. ADD of a local tar archive (which ADD extracts, as it is meant to) and of a URL or git repository (dockerfile-add-url-checksum checks those) is not reported.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: {
    hadolint: ["DL3020"],
    checkov: ["CKV_DOCKER_4"],
    trivy: ["DS005"],
    cisDocker: ["4.9"],
  },
  remediation: "Replace ADD with COPY for local files and directories.",
  check: (model) =>
    builtInstructions(model)
      .filter((i) => i.keyword === "ADD" && i.heredocs.length === 0)
      .flatMap((i) => {
        const copied = i.words.slice(0, -1).filter((w) => !REMOTE.test(w) && !ARCHIVE.test(w));
        return copied.length === 0
          ? []
          : [
              violationAt(
                model,
                i,
                `ADD copies ${copied.join(", ")}, which are neither archives nor URLs; expected COPY`,
              ),
            ];
      }),
};
