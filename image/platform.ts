import { ImageReadError } from "./errors";

/** A platform as `--platform` and image indexes name it. */
export interface Platform {
  /** e.g. `linux`. */
  readonly os: string;
  /** e.g. `amd64`. */
  readonly architecture: string;
  /** e.g. `v8`, when given. */
  readonly variant?: string;
}

/** The platform read when none is given. */
export const DEFAULT_PLATFORM = "linux/amd64";

/** The form a platform is written in, for error messages. */
export const PLATFORM_FORM = "os/architecture[/variant], e.g. linux/amd64";

/** Parses `os/arch[/variant]`; throws an error naming the value and the expected form. */
export function parsePlatform(value: string): Platform {
  const parts = value.split("/");
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^[a-z0-9_]+$/.test(p))) {
    throw new Error(`platform "${value}" is not of the form ${PLATFORM_FORM}`);
  }
  return { os: parts[0], architecture: parts[1], ...(parts[2] ? { variant: parts[2] } : {}) };
}

/** A descriptor of an index's `manifests` list. */
export interface IndexDescriptor {
  readonly digest: string;
  readonly mediaType?: string;
  readonly platform?: { os?: string; architecture?: string; variant?: string };
}

function label(p: IndexDescriptor["platform"]): string {
  return [p?.os, p?.architecture, p?.variant].filter((x) => x).join("/") || "unknown";
}

/**
 * The descriptor of `platform` in an image index or manifest list (variant compared only when
 * asked for); throws an `ImageReadError` listing the platforms the index has.
 */
export function selectPlatform(
  manifests: readonly IndexDescriptor[],
  platform: Platform,
  origin: string,
): IndexDescriptor {
  const found = manifests.find(
    (m) =>
      m.platform?.os === platform.os &&
      m.platform?.architecture === platform.architecture &&
      (platform.variant === undefined || m.platform?.variant === platform.variant),
  );
  if (found === undefined) {
    const have = manifests.map((m) => label(m.platform)).join(", ");
    throw new ImageReadError(
      origin,
      `the image index has no ${label(platform)} manifest (it has: ${have || "none"}); pass --platform with one of those`,
    );
  }
  return found;
}
