import { CONTENT_PATHS, MAX_KEPT_CONTENT_BYTES } from "../passwd";

/** Package databases whose content image readers keep, for the package inventory. */
export const PACKAGE_DATABASES = {
  /** dpkg's database of installed packages (Debian, Ubuntu). */
  dpkg: "/var/lib/dpkg/status",
  /** One file per package, as distroless images write them instead of `status`. */
  dpkgStatusDir: "/var/lib/dpkg/status.d/",
  /** apk's database of installed packages (Alpine). */
  apk: "/lib/apk/db/installed",
  /**
   * rpm's sqlite databases of installed packages: Fedora 36 and later keep it under
   * `/usr/lib/sysimage/rpm` (with `/var/lib/rpm` a link to it), RHEL 9 and its rebuilds under
   * `/var/lib/rpm`. The BerkeleyDB `Packages` and ndb `Packages.db` formats are not read.
   */
  rpmSqlite: ["/usr/lib/sysimage/rpm/rpmdb.sqlite", "/var/lib/rpm/rpmdb.sqlite"],
  /** rpm databases in formats the inventory does not read: BerkeleyDB and ndb. */
  rpmUnread: [
    "/var/lib/rpm/Packages",
    "/usr/lib/sysimage/rpm/Packages",
    "/var/lib/rpm/Packages.db",
    "/usr/lib/sysimage/rpm/Packages.db",
  ],
  /** The OS identification, naming the distribution in package URLs. */
  osRelease: ["/etc/os-release", "/usr/lib/os-release"],
} as const;

/** Largest package database a reader keeps. */
export const MAX_KEPT_DATABASE_BYTES = 32 * 1024 * 1024;

/**
 * How many bytes of the binary file at `path` an image reader keeps as `bytes`, or undefined for
 * a file no rule reads as binary: rpm's sqlite database, for the package inventory.
 */
export function keptBytesLimit(path: string): number | undefined {
  return (PACKAGE_DATABASES.rpmSqlite as readonly string[]).includes(path)
    ? MAX_KEPT_DATABASE_BYTES
    : undefined;
}

const NODE_PACKAGE_JSON = /\/node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/;

/**
 * How many bytes of the file at `path` an image reader keeps as `content`, or undefined for a
 * file whose content no rule reads: `/etc/passwd` and `/etc/group` for the user rules, package
 * databases, `os-release` and `node_modules/<package>/package.json` for the package inventory.
 */
export function keptContentLimit(path: string): number | undefined {
  if (CONTENT_PATHS.includes(path)) {
    return MAX_KEPT_CONTENT_BYTES;
  }
  if (
    path === PACKAGE_DATABASES.dpkg ||
    path === PACKAGE_DATABASES.apk ||
    (path.startsWith(PACKAGE_DATABASES.dpkgStatusDir) && !path.endsWith(".md5sums"))
  ) {
    return MAX_KEPT_DATABASE_BYTES;
  }
  if ((PACKAGE_DATABASES.osRelease as readonly string[]).includes(path)) {
    return MAX_KEPT_CONTENT_BYTES;
  }
  return NODE_PACKAGE_JSON.test(path) ? MAX_KEPT_CONTENT_BYTES : undefined;
}
