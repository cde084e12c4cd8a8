import * as pulumi from "@pulumi/pulumi";
import { HardenedImage } from "../../components/hardened-image";
import { ubuntuMinimalImageArgs } from "./image-args";

const config = new pulumi.Config("ubuntu-minimal");

/**
 * A Python service on Ubuntu that cannot move to distroless, hardened in place: no apt or dpkg,
 * no shell, no setuid or setgid file, a numeric non-root user; verified after the push.
 */
const image = new HardenedImage(
  "inventory",
  ubuntuMinimalImageArgs({
    imageName: config.require("imageName"),
    baseImage: config.get("baseImage"),
  }),
);

/** The pushed image by digest; only set once its verification passed. */
export const ref = image.ref;
/** The numeric user the image runs as. */
export const user = image.user;
/** The hardening report of the pushed image. */
export const report = image.report;
