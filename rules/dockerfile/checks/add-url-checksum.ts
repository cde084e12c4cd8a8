import { HARDENED_PROFILES } from "../../profile";
import { builtInstructions } from "../support/ancestry";
import { DockerfileRule, violationAt } from "../dockerfile-rule";

/** ADD of a URL pins its checksum. */
export const dockerfileAddUrlChecksum: DockerfileRule = {
  id: "dockerfile-add-url-checksum",
  title: "ADD <url> must verify a --checksum",
  description:
    "ADD downloads the URL at build time; without --checksum whatever the server returns goes into the image.",
  severity: "error",
  profiles: HARDENED_PROFILES,
  target: "dockerfile",
  references: {
    cisDocker: ["4.9", "4.11"],
    docs: ["https://docs.docker.com/reference/dockerfile/#add---checksum"],
  },
  remediation:
    "Add the expected digest: ADD --checksum=sha256:<64 hex digits> https://example.com/tool.tar.gz /tmp/.",
  check: (model) =>
    builtInstructions(model)
      .filter((i) => i.keyword === "ADD" && !i.flags.some((f) => f.name === "checksum"))
      .flatMap((i) =>
        i.words
          .slice(0, -1)
          .filter((w) => /^https?:\/\//i.test(w))
          .map((url) =>
            violationAt(
              model,
              i,
              `ADD downloads ${url.replace(/\/\/[^/@]*@/, "//")} without --checksum; expected ADD --checksum=sha256:<digest>`,
            ),
          ),
      ),
};
