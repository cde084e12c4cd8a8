import { ImageReference, parseImageReference } from "../../rules/image-reference";
import { LockEntry, LockFile, lockKey, withEntry } from "./lock-file";
import { applyEdits, TextEdit } from "./rewrite";
import { reportProgress } from "../progress";

/**
 * An image reference written in a file, with its exact offsets. `DockerfileImageReference` from
 * `rules/dockerfile/image-references.ts` is one.
 */
export interface PinTarget {
  /** The reference after build-variable expansion. */
  readonly reference: string;
  /** The reference exactly as written. */
  readonly written: string;
  /** One-based line. */
  readonly line: number;
  /** Offset of `written` in the text. */
  readonly start: number;
  /** Offset just past `written`. */
  readonly end: number;
}

/** Resolves a reference's tag to the digest of the manifest it names. */
export type DigestResolver = (
  ref: ImageReference,
) => Promise<{ digest: string; mediaType: string }>;

/** What happened to one reference. */
export type PinOutcome =
  | {
      /** The reference was pinned (its text may already have been the pinned text). */
      readonly kind: "pinned";
      /** The reference. */
      readonly target: PinTarget;
      /** The text written in place of `target.written`. */
      readonly pinned: string;
      /** Where the digest came from: the lock file, or the registry just now. */
      readonly source: "lock" | "registry";
      /** The registry host of the image. */
      readonly registry: string;
    }
  | {
      /** The reference was left as written. */
      readonly kind: "kept";
      /** The reference. */
      readonly target: PinTarget;
      /** Why the reference was left as written. */
      readonly reason: string;
    };

/** The outcome of pinning a file's references. */
export interface PinResult {
  /** The file's text with the pinned references in place. */
  readonly text: string;
  /** One outcome per target, in order. */
  readonly outcomes: readonly PinOutcome[];
  /** The lock after this run: new and updated entries added. */
  readonly lock: LockFile;
  /** True when `lock` differs from the lock given. */
  readonly lockChanged: boolean;
}

/** How to pin. */
export interface PinOptions {
  /** The lock file's content. */
  readonly lock: LockFile;
  /** Resolves tags the lock does not hold (and every tag with `update`). */
  readonly resolve: DigestResolver;
  /**
   * Re-resolve every tag, even the ones the lock or a written digest already pins.
   * @default false
   */
  readonly update?: boolean;
  /**
   * The clock, for `resolvedAt`.
   * @default () => new Date()
   */
  readonly now?: () => Date;
}

function keptReason(target: PinTarget, ref: ImageReference, update: boolean): string | undefined {
  if (target.written !== target.reference) {
    return `it uses build variables (${target.written} is ${target.reference}); pin the ARG's default value instead`;
  }
  if (ref.digest !== undefined && ref.tag === undefined) {
    return "it is pinned by digest alone; there is no tag to resolve";
  }
  if (ref.digest !== undefined && !update) {
    return "it is already pinned; run with --update to move it to the tag's current digest";
  }
  return undefined;
}

/** The reference by its tag alone (`latest` when it has none): what `--update` re-resolves. */
function tagOf(ref: ImageReference): ImageReference {
  const tag = ref.tag ?? "latest";
  const name = ref.explicitRegistry
    ? `${ref.registry}/${ref.repository}`
    : ref.raw.split(/[@:]/)[0];
  return {
    raw: `${name}:${tag}`,
    registry: ref.registry,
    explicitRegistry: ref.explicitRegistry,
    repository: ref.repository,
    tag,
  };
}

/**
 * Pins every target to a digest: the lock's digest for its tag when the lock has one (unless
 * `update`), else the registry's. References without a tag are pinned as `:latest@sha256:...`,
 * so a later `--update` knows what to resolve. References already pinned, pinned by digest
 * alone, or written with build variables are kept as written. Each tag is resolved once.
 */
export async function pinReferences(
  text: string,
  targets: readonly PinTarget[],
  options: PinOptions,
): Promise<PinResult> {
  const update = options.update ?? false;
  const now = options.now ?? (() => new Date());
  let lock = options.lock;
  let lockChanged = false;
  const resolvedNow = new Map<string, LockEntry>();
  const outcomes: PinOutcome[] = [];
  const edits: TextEdit[] = [];
  for (const target of targets) {
    const ref = parseImageReference(target.reference);
    const reason = keptReason(target, ref, update);
    if (reason !== undefined) {
      outcomes.push({ kind: "kept", target, reason });
      continue;
    }
    const key = lockKey(ref);
    const locked = update ? undefined : options.lock.images.find((e) => e.reference === key);
    let entry = resolvedNow.get(key) ?? locked;
    if (entry === undefined) {
      const { digest, mediaType } = await options.resolve(tagOf(ref));
      reportProgress({ kind: "resolved", reference: key });
      entry = {
        reference: key,
        registry: ref.registry,
        digest,
        mediaType,
        resolvedAt: now().toISOString(),
      };
      resolvedNow.set(key, entry);
      const previous = lock.images.find((e) => e.reference === key);
      if (previous?.digest !== entry.digest || previous.mediaType !== entry.mediaType) {
        lock = withEntry(lock, entry);
        lockChanged = true;
      }
    }
    const name = target.written.split("@")[0];
    const pinned = `${ref.tag === undefined ? `${name}:latest` : name}@${entry.digest}`;
    outcomes.push({
      kind: "pinned",
      target,
      pinned,
      source: entry === locked ? "lock" : "registry",
      registry: ref.registry,
    });
    if (pinned !== target.written) {
      edits.push({
        start: target.start,
        end: target.end,
        expected: target.written,
        replacement: pinned,
      });
    }
  }
  return { text: applyEdits(text, edits), outcomes, lock, lockChanged };
}
