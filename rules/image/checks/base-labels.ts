import { HARDENED_PROFILES } from "../../profile";
import { Violation } from "../../rule";
import { ImageRule } from "../image-rule";

/** OCI annotation naming the base image. */
export const BASE_NAME_LABEL = "org.opencontainers.image.base.name";

/** OCI annotation giving the base image's manifest digest. */
export const BASE_DIGEST_LABEL = "org.opencontainers.image.base.digest";

const labelPath = (label: string) => `config.Labels["${label}"]`;

/** The image names its base with the OCI labels, and that base is the pinned one. */
export const imageBaseLabels: ImageRule = {
  id: "image-base-labels",
  title: "The image must name its pinned base in the OCI base labels",
  description:
    "The org.opencontainers.image.base.name and .base.digest labels let scanners and people know which base to rebuild on when it gets a fix. They must name the base by digest, match the pinned base when one is expected, and the image's lowest layers must really be that base's layers.",
  severity: "warning",
  profiles: HARDENED_PROFILES,
  target: "image",
  references: {
    cisDocker: ["4.2"],
    docs: [
      "https://github.com/opencontainers/image-spec/blob/main/annotations.md#pre-defined-annotation-keys",
    ],
  },
  remediation: `Add LABEL ${BASE_NAME_LABEL}=<base reference> ${BASE_DIGEST_LABEL}=<sha256 digest> matching the FROM of the final stage (docker buildx can add them with --annotation).`,
  check: ({ model, options }) => {
    const labels = model.config.labels;
    const violations: Violation[] = [];
    for (const label of [BASE_NAME_LABEL, BASE_DIGEST_LABEL]) {
      if (!labels[label]) {
        violations.push({
          path: labelPath(label),
          message: `the image has no ${label} label; expected it to name the base image`,
          container: null,
        });
      }
    }
    const digest = labels[BASE_DIGEST_LABEL];
    if (digest && !/^sha256:[a-f0-9]{64}$/.test(digest)) {
      violations.push({
        path: labelPath(BASE_DIGEST_LABEL),
        message: `${BASE_DIGEST_LABEL} is "${digest}"; expected a sha256:<64 hex> manifest digest`,
        container: null,
      });
    }
    if (
      digest &&
      options.expectedBaseDigest !== undefined &&
      digest !== options.expectedBaseDigest
    ) {
      violations.push({
        path: labelPath(BASE_DIGEST_LABEL),
        message: `${BASE_DIGEST_LABEL} is ${digest}; expected the pinned base ${options.expectedBaseDigest}`,
        container: null,
      });
    }
    const base = model.base;
    if (base !== undefined) {
      const prefix = model.layers.slice(0, base.diffIds.length).map((l) => l.diffId);
      if (base.diffIds.some((d, i) => prefix[i] !== d)) {
        violations.push({
          path: labelPath(BASE_DIGEST_LABEL),
          message: `the labels name ${base.reference} (${base.digest}), but the image's lowest layers are not that image's ${base.diffIds.length} layers; expected the labels to name the base the image was really built on`,
          container: null,
        });
      }
    }
    return violations;
  },
};
