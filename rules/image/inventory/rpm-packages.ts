import { ImageFilesystem } from "../filesystem";
import { MAX_KEPT_DATABASE_BYTES, PACKAGE_DATABASES } from "./kept-content";
import type { InstalledPackage } from "./packages";
import { parseRpmHeader } from "./rpm-header";
import { readSqliteTable, SqliteFormatError, SqliteValue } from "./sqlite-table";

/** A package database the image holds but the inventory did not read, and why. */
export interface UnreadDatabase {
  /** Its path in the image. */
  readonly path: string;
  /** Why it was not read. */
  readonly reason: string;
}

function rpmPackage(row: SqliteValue[], path: string, distro: string | undefined) {
  const header = Buffer.isBuffer(row[1]) ? parseRpmHeader(row[1]) : undefined;
  if (header === undefined || header.name === "gpg-pubkey") {
    return [];
  }
  const { name, version, release, epoch, arch } = header;
  const qualifiers = [
    ...(arch === undefined ? [] : [`arch=${encodeURIComponent(arch)}`]),
    ...(epoch === undefined ? [] : [`epoch=${epoch}`]),
  ];
  const namespace = distro === undefined ? "" : `${distro}/`;
  const purlVersion = encodeURIComponent(`${version}-${release}`);
  return [
    {
      ecosystem: "rpm" as const,
      name,
      version: `${epoch === undefined ? "" : `${epoch}:`}${version}-${release}`,
      path,
      purl: `pkg:rpm/${namespace}${encodeURIComponent(name)}@${purlVersion}${qualifiers.length === 0 ? "" : `?${qualifiers.join("&")}`}`,
    },
  ];
}

/**
 * The rpm packages of an image: the `Packages` table of rpm's sqlite database
 * (`/usr/lib/sysimage/rpm/rpmdb.sqlite`, `/var/lib/rpm/rpmdb.sqlite`), each header's NAME, VERSION,
 * RELEASE, EPOCH and ARCH; the version as `[epoch:]version-release`, the `gpg-pubkey`
 * pseudo-packages left out, the package URL's namespace the `os-release` ID (`distro`). And the rpm
 * databases it did not read: the BerkeleyDB (`Packages`) and ndb (`Packages.db`) formats, a sqlite
 * database over the size image readers keep or not readable as one, and a non-empty write-ahead
 * log beside one (its changes are not seen).
 */
export function rpmInventory(
  fs: ImageFilesystem,
  distro: string | undefined,
): { packages: InstalledPackage[]; unread: UnreadDatabase[] } {
  const packages: InstalledPackage[] = [];
  const unread: UnreadDatabase[] = [];
  for (const path of PACKAGE_DATABASES.rpmUnread) {
    if (fs.final.get(path)?.entry.type === "file") {
      const format = path.endsWith(".db") ? "ndb" : "BerkeleyDB";
      unread.push({
        path,
        reason: `an rpm ${format} database; only rpm's sqlite database (rpmdb.sqlite) is read`,
      });
    }
  }
  for (const path of PACKAGE_DATABASES.rpmSqlite) {
    const entry = fs.final.get(path)?.entry;
    if (entry?.type !== "file") {
      continue;
    }
    if (entry.bytes === undefined) {
      const limit = `${MAX_KEPT_DATABASE_BYTES / 1024 / 1024} MiB`;
      unread.push({ path, reason: `larger than the ${limit} an image reader keeps` });
    } else {
      try {
        const rows = readSqliteTable(Buffer.from(entry.bytes, "latin1"), "Packages");
        packages.push(...rows.flatMap((row) => rpmPackage(row, path, distro)));
      } catch (error) {
        if (!(error instanceof SqliteFormatError)) {
          throw error;
        }
        unread.push({ path, reason: `not a readable rpm database: ${error.message}` });
      }
    }
    if ((fs.final.get(`${path}-wal`)?.entry.size ?? 0) > 0) {
      unread.push({
        path: `${path}-wal`,
        reason: "a write-ahead log not checkpointed into the database; its changes are not read",
      });
    }
  }
  return { packages, unread };
}
