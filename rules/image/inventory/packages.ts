import { ImageFilesystem } from "../filesystem";
import { parseGoBuildInfo } from "./go-buildinfo";
import { PACKAGE_DATABASES } from "./kept-content";
import { rpmInventory, UnreadDatabase } from "./rpm-packages";

/** The package ecosystems the inventory reads, in report order. */
export const ECOSYSTEMS = ["deb", "apk", "rpm", "pypi", "npm", "golang"] as const;

/** One of {@link ECOSYSTEMS}: the package URL type. */
export type Ecosystem = (typeof ECOSYSTEMS)[number];

/** A package installed in an image. */
export interface InstalledPackage {
  /** Its ecosystem. */
  readonly ecosystem: Ecosystem;
  /** Its name, as its database writes it. */
  readonly name: string;
  /** Its version. */
  readonly version: string;
  /** Where it was found: the database file or the package's directory. */
  readonly path: string;
  /** Its package URL (`pkg:deb/debian/libc6@2.36-9`). */
  readonly purl: string;
}

/** Splits a control file (dpkg status, apk installed) into paragraphs of `key -> value`. */
function paragraphs(text: string, separator: RegExp): Map<string, string>[] {
  return text
    .split(/\n\s*\n/)
    .map((block) => {
      const fields = new Map<string, string>();
      for (const line of block.split("\n")) {
        const match = separator.exec(line);
        if (match !== null && !fields.has(match[1])) {
          fields.set(match[1], match[2].trim());
        }
      }
      return fields;
    })
    .filter((fields) => fields.size > 0);
}

function osId(fs: ImageFilesystem): string | undefined {
  for (const path of PACKAGE_DATABASES.osRelease) {
    const content = fs.final.get(path)?.entry.content;
    const id = content === undefined ? undefined : /^ID="?([a-z0-9._-]+)"?$/m.exec(content)?.[1];
    if (id !== undefined) {
      return id;
    }
  }
  return undefined;
}

function debPackages(fs: ImageFilesystem, distro: string): InstalledPackage[] {
  const files = [...fs.final.entries()]
    .filter(
      ([path, layered]) =>
        layered.entry.content !== undefined &&
        (path === PACKAGE_DATABASES.dpkg ||
          (path.startsWith(PACKAGE_DATABASES.dpkgStatusDir) && !path.endsWith(".md5sums"))),
    )
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return files.flatMap(([path, layered]) =>
    paragraphs(layered.entry.content as string, /^([A-Za-z][A-Za-z0-9-]*):(.*)$/)
      .filter((p) => p.has("Package") && p.has("Version"))
      .filter((p) => !p.has("Status") || /\binstalled$/.test(p.get("Status") as string))
      .map((p) => {
        const name = p.get("Package") as string;
        const version = p.get("Version") as string;
        const arch = p.get("Architecture");
        return {
          ecosystem: "deb" as const,
          name,
          version,
          path,
          purl: `pkg:deb/${distro}/${encodeURIComponent(name)}@${encodeURIComponent(version)}${arch === undefined ? "" : `?arch=${encodeURIComponent(arch)}`}`,
        };
      }),
  );
}

function apkPackages(fs: ImageFilesystem, distro: string): InstalledPackage[] {
  const content = fs.final.get(PACKAGE_DATABASES.apk)?.entry.content;
  if (content === undefined) {
    return [];
  }
  return paragraphs(content, /^([A-Za-z]):(.*)$/)
    .filter((p) => p.has("P") && p.has("V"))
    .map((p) => ({
      ecosystem: "apk" as const,
      name: p.get("P") as string,
      version: p.get("V") as string,
      path: PACKAGE_DATABASES.apk,
      purl: `pkg:apk/${distro}/${encodeURIComponent(p.get("P") as string)}@${encodeURIComponent(p.get("V") as string)}`,
    }));
}

const DIST_INFO = /\/([A-Za-z0-9][A-Za-z0-9._]*)-([^/-]+)\.dist-info$/;

function pythonPackages(fs: ImageFilesystem): InstalledPackage[] {
  return [...fs.final.entries()].flatMap(([path, layered]) => {
    const match = layered.entry.type === "directory" ? DIST_INFO.exec(path) : null;
    if (match === null) {
      return [];
    }
    const normalized = match[1].toLowerCase().replace(/[-_.]+/g, "-");
    return [
      {
        ecosystem: "pypi" as const,
        name: match[1],
        version: match[2],
        path,
        purl: `pkg:pypi/${normalized}@${encodeURIComponent(match[2])}`,
      },
    ];
  });
}

function nodePackages(fs: ImageFilesystem): InstalledPackage[] {
  return [...fs.final.entries()].flatMap(([path, layered]) => {
    const content = layered.entry.content;
    if (content === undefined || !/\/node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/.test(path)) {
      return [];
    }
    let manifest: { name?: unknown; version?: unknown };
    try {
      manifest = JSON.parse(content) as typeof manifest;
    } catch {
      return [];
    }
    if (typeof manifest.name !== "string" || typeof manifest.version !== "string") {
      return [];
    }
    const [scope, bare] = manifest.name.startsWith("@")
      ? manifest.name.split("/", 2)
      : [undefined, manifest.name];
    return [
      {
        ecosystem: "npm" as const,
        name: manifest.name,
        version: manifest.version,
        path: path.slice(0, -"/package.json".length),
        purl: `pkg:npm/${scope === undefined ? "" : `${encodeURIComponent(scope)}/`}${encodeURIComponent(bare)}@${encodeURIComponent(manifest.version)}`,
      },
    ];
  });
}

function goModules(fs: ImageFilesystem): InstalledPackage[] {
  return [...fs.final.entries()].flatMap(([path, layered]) => {
    const raw = layered.entry.goBuildInfo;
    const info = raw === undefined ? undefined : parseGoBuildInfo(Buffer.from(raw, "latin1"));
    if (info === undefined) {
      return [];
    }
    const modules = [
      { path: "stdlib", version: info.goVersion },
      ...(info.main === undefined ? [] : [info.main]),
      ...info.deps,
    ];
    return modules.map((m) => ({
      ecosystem: "golang" as const,
      name: m.path,
      version: m.version,
      path,
      purl: `pkg:golang/${m.path.split("/").map(encodeURIComponent).join("/")}@${encodeURIComponent(m.version)}`,
    }));
  });
}

/** What the inventory found in an image: the packages, and the databases it could not read. */
export interface PackageInventory {
  /** The packages, sorted by ecosystem, name, version and path. */
  readonly packages: InstalledPackage[];
  /** The package databases present but not read, and why. */
  readonly unread: UnreadDatabase[];
}

/**
 * The packages installed in an image's final filesystem: dpkg's `status` and distroless
 * `status.d/*`, apk's `installed`, the `Packages` table of rpm's sqlite database (see
 * `rpm-packages.ts`), Python `*.dist-info` directories and `node_modules` packages' `package.json`
 * and the modules Go binaries were built from (`stdlib` at the Go version, the main module, the
 * dependencies), each with a package URL (the distribution from `os-release`, else `debian` or
 * `alpine`, and no namespace for rpm); and the package databases present that it could not read
 * (rpm's BerkeleyDB and ndb formats among them).
 */
export function packageInventory(fs: ImageFilesystem): PackageInventory {
  const distro = osId(fs);
  const rpm = rpmInventory(fs, distro);
  const all = [
    ...debPackages(fs, distro ?? "debian"),
    ...apkPackages(fs, distro ?? "alpine"),
    ...rpm.packages,
    ...pythonPackages(fs),
    ...nodePackages(fs),
    ...goModules(fs),
  ];
  const key = (p: InstalledPackage) =>
    `${ECOSYSTEMS.indexOf(p.ecosystem)}\u0000${p.name}\u0000${p.version}\u0000${p.path}`;
  return {
    packages: all.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)),
    unread: rpm.unread,
  };
}

/** The packages of {@link packageInventory}. */
export function imagePackages(fs: ImageFilesystem): InstalledPackage[] {
  return packageInventory(fs).packages;
}

/** How many packages of each ecosystem `packages` holds (every ecosystem, zeros included). */
export function packageCounts(packages: readonly InstalledPackage[]): Record<Ecosystem, number> {
  const counts = Object.fromEntries(ECOSYSTEMS.map((e) => [e, 0])) as Record<Ecosystem, number>;
  for (const p of packages) {
    counts[p.ecosystem] += 1;
  }
  return counts;
}
