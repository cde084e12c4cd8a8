import * as pulumi from "@pulumi/pulumi";
import { pythonProgram } from "./program";

const program = pythonProgram(new pulumi.Config());

/** The pushed image, by digest. */
export const ref = program.image.ref;
/** The image's numeric user (65532:65532 with the default runtime). */
export const user = program.image.user;
/** The base images the build pulled, pinned by digest. */
export const baseImages = program.image.baseImages;
/** The hardening report of the pushed image (`hardened report`). */
export const report = program.image.report;
/** The Deployment's final pod spec. */
export const podSpec = program.deployment.podSpec;
