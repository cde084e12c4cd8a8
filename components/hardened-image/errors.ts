import { Finding } from "../../rules/finding";
import { ComponentArgsError } from "../shared/errors";
import { blockingFindingsMessage } from "../shared/findings";

/**
 * An argument of `HardenedImage` is malformed or names a file that cannot be read: the message
 * names the argument, what was given and what is allowed.
 */
export class HardenedImageArgsError extends ComponentArgsError {
  constructor(
    /** The component, e.g. `HardenedImage "api"`. */
    owner: string,
    /** The argument's path, e.g. `args.preset.uid`. */
    arg: string,
    /** What was given and what is allowed. */
    problem: string,
  ) {
    super(owner, arg, problem);
    this.name = "HardenedImageArgsError";
  }
}

/** The final stage cannot be stripped as `args.harden` asks. */
export class HardenStageError extends Error {
  constructor(
    /** The component, e.g. `HardenedImage "api"`. */
    public readonly owner: string,
    /** What cannot be stripped, and why. */
    problem: string,
  ) {
    super(`${owner}: args.harden: ${problem}`);
    this.name = "HardenStageError";
  }
}

/** The pushed image's reference must be `repository@sha256:<64 hex>`. */
export class ImageDigestError extends Error {
  constructor(
    /** The component, e.g. `HardenedImage "api"`. */
    public readonly owner: string,
    /** What the build step reported as the pushed `ref`. */
    repoDigest: unknown,
  ) {
    super(
      `${owner}: the build step reported the pushed image as ${JSON.stringify(repoDigest)}; expected <repository>@sha256:<64 hex digits> after the push`,
    );
    this.name = "ImageDigestError";
  }
}

/** A base image could not be pinned to a digest: the registry was unreachable, refused, or has no such tag. */
export class HardenedImagePinError extends Error {
  constructor(
    /** The component, e.g. `HardenedImage "api"`. */
    public readonly owner: string,
    /** The Dockerfile whose references were being pinned. */
    public readonly file: string,
    /** What the registry client reported (it names the image and the registry). */
    cause: string,
  ) {
    super(`${owner}: cannot pin the base images of ${file}: ${cause}`);
    this.name = "HardenedImagePinError";
  }
}

/**
 * The pinned Dockerfile breaks error-severity Dockerfile rules that no `# hardened ignore` pragma
 * covers; the image is not built. The message lists every blocking finding.
 */
export class HardenedImageLintError extends Error {
  constructor(
    /** The component, e.g. `HardenedImage "api"`. */
    public readonly owner: string,
    /** The Dockerfile that was linted. */
    public readonly file: string,
    /** The blocking findings, in line order. */
    public readonly findings: readonly Finding[],
  ) {
    super(
      blockingFindingsMessage(
        `${owner}: ${file}`,
        ", so the image is not built",
        findings,
        (f) => `a comment above the line: # hardened ignore=${f.ruleId} reason="<why>"`,
      ),
    );
    this.name = "HardenedImageLintError";
  }
}

/**
 * The pushed image breaks error-severity image rules that no `verify.exemptions` entry covers, so
 * its `ref` is withheld and nothing can deploy it. The message lists every blocking finding.
 */
export class HardenedImageVerifyError extends Error {
  constructor(
    /** The component, e.g. `HardenedImage "api"`. */
    public readonly owner: string,
    /** The pushed image, `repository@sha256:…`. */
    public readonly ref: string,
    /** The blocking findings, in rule order. */
    public readonly findings: readonly Finding[],
  ) {
    super(
      blockingFindingsMessage(
        `${owner}: the pushed image ${ref}`,
        ", so its ref is not released to deployments",
        findings,
        (f) => `verify: { exemptions: [{ rule: "${f.ruleId}", reason: "<why>" }] }`,
      ),
    );
    this.name = "HardenedImageVerifyError";
  }
}

/**
 * The pushed image could not be verified: its registry was unreachable or refused access, the
 * image could not be read, or (with `verify.runtime`) the Docker engine could not run it.
 */
export class HardenedImageVerifyReadError extends Error {
  constructor(
    /** The component, e.g. `HardenedImage "api"`. */
    public readonly owner: string,
    /** The pushed image, `repository@sha256:…`. */
    public readonly ref: string,
    /** What the reader or the engine reported. */
    cause: string,
  ) {
    super(
      `${owner}: cannot verify the pushed image ${ref}: ${cause}. Give the registry's credentials in args.registry (or in the Docker config), or set verify: false to skip verification`,
    );
    this.name = "HardenedImageVerifyReadError";
  }
}
