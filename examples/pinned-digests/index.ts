import * as pulumi from "@pulumi/pulumi";
import { HardenedImage } from "../../components/hardened-image";

const config = new pulumi.Config("pinned-digests");

/**
 * Builds this folder's Dockerfile, which names its base images by tag only. HardenedImage pins
 * each tag to the digest hardened.lock.json holds (the same lock `hardened pin` writes), so the
 * build does not move when someone pushes a new image under the same tag; `updatePins: true`, or
 * `hardened pin --update`, moves them.
 */
const image = new HardenedImage("app", {
  imageName: config.require("imageName"),
  context: __dirname,
  lockFile: `${__dirname}/hardened.lock.json`,
});

/** The base images the build uses, with the digests from the lock file. */
export const baseImages = image.baseImages;
/** The pushed image by digest. */
export const ref = image.ref;
