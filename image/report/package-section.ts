import { imageFilesystem } from "../../rules/image/filesystem";
import {
  ECOSYSTEMS,
  Ecosystem,
  InstalledPackage,
  PackageInventory,
  packageCounts,
  packageInventory,
} from "../../rules/image/inventory/packages";
import { UnreadDatabase } from "../../rules/image/inventory/rpm-packages";
import { ImageModel } from "../../rules/image/model";

/** A package, as the report lists it. */
export interface ReportedPackage {
  /** Its ecosystem. */
  readonly ecosystem: Ecosystem;
  /** Its name. */
  readonly name: string;
  /** Its version. */
  readonly version: string;
}

/** The package inventory of the image and, with --before, of its predecessor. */
export interface PackageSection {
  /** Packages per ecosystem in the image. */
  readonly after: Readonly<Record<Ecosystem, number>>;
  /**
   * Packages per ecosystem in the image before hardening.
   * @default absent without --before
   */
  readonly before?: Readonly<Record<Ecosystem, number>>;
  /**
   * The packages of the image before hardening that the image no longer has.
   * @default absent without --before
   */
  readonly removed?: readonly ReportedPackage[];
  /**
   * The package databases in the image that were not read (rpm's BerkeleyDB format, for one).
   * @default absent when every database was read
   */
  readonly unread?: readonly UnreadDatabase[];
  /**
   * The same, in the image before hardening.
   * @default absent without --before, or when every database was read
   */
  readonly unreadBefore?: readonly UnreadDatabase[];
}

/** The packages installed in an image, read from its layers, and the databases not read. */
export function modelInventory(model: ImageModel): PackageInventory {
  return packageInventory(imageFilesystem(model));
}

/** The packages installed in an image, read from its layers. */
export function modelPackages(model: ImageModel): InstalledPackage[] {
  return modelInventory(model).packages;
}

function identity(p: ReportedPackage): string {
  return `${p.ecosystem}\u0000${p.name}\u0000${p.version}`;
}

/** Compares the inventories of the image and of its predecessor. */
export function packageSection(
  after: PackageInventory,
  before: PackageInventory | undefined,
): PackageSection {
  const unread = {
    ...(after.unread.length > 0 ? { unread: after.unread } : {}),
    ...(before !== undefined && before.unread.length > 0 ? { unreadBefore: before.unread } : {}),
  };
  if (before === undefined) {
    return { after: packageCounts(after.packages), ...unread };
  }
  const kept = new Set(after.packages.map(identity));
  const removed = new Map<string, ReportedPackage>();
  for (const p of before.packages) {
    if (!kept.has(identity(p))) {
      removed.set(identity(p), { ecosystem: p.ecosystem, name: p.name, version: p.version });
    }
  }
  return {
    after: packageCounts(after.packages),
    before: packageCounts(before.packages),
    removed: [...removed.values()],
    ...unread,
  };
}

function total(counts: Readonly<Record<Ecosystem, number>>): string {
  const sum = ECOSYSTEMS.reduce((n, e) => n + counts[e], 0);
  const parts = ECOSYSTEMS.filter((e) => counts[e] > 0).map((e) => `${e} ${counts[e]}`);
  return `${sum} package${sum === 1 ? "" : "s"}${parts.length === 0 ? "" : ` (${parts.join(", ")})`}`;
}

/** The most removed packages listed per ecosystem in text; JSON lists them all. */
export const MAX_LISTED_REMOVED = 12;

/** The text lines of the PACKAGE INVENTORY section. */
export function packageLines(section: PackageSection): string[] {
  const unread = [
    ...(section.unread ?? []).map((u) => `  Not read: ${u.path} (${u.reason})`),
    ...(section.unreadBefore ?? []).map((u) => `  Not read, before: ${u.path} (${u.reason})`),
  ];
  if (section.before === undefined) {
    return [
      `  Installed: ${total(section.after)}`,
      "  (dpkg, apk, rpm sqlite, Python dist-info, node_modules, Go build info; --before <image> compares)",
      ...unread,
    ];
  }
  const lines = [
    `  Before hardening: ${total(section.before)}`,
    `  After hardening:  ${total(section.after)}`,
  ];
  const removed = section.removed ?? [];
  lines.push(`  Removed: ${removed.length} package${removed.length === 1 ? "" : "s"}`);
  for (const ecosystem of ECOSYSTEMS) {
    const names = removed
      .filter((p) => p.ecosystem === ecosystem)
      .map((p) => `${p.name} ${p.version}`);
    if (names.length > 0) {
      const more = names.length - MAX_LISTED_REMOVED;
      lines.push(
        `    ${ecosystem}: ${names.slice(0, MAX_LISTED_REMOVED).join(", ")}${more > 0 ? `, and ${more} more (--format json lists all)` : ""}`,
      );
    }
  }
  return [...lines, ...unread];
}
