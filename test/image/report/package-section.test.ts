import { strict as assert } from "assert";
import {
  MAX_LISTED_REMOVED,
  packageLines,
  packageSection,
} from "../../../image/report/package-section";
import {
  Ecosystem,
  InstalledPackage,
  PackageInventory,
} from "../../../rules/image/inventory/packages";

function pkg(ecosystem: Ecosystem, name: string, version = "1.0"): InstalledPackage {
  return {
    ecosystem,
    name,
    version,
    path: `/${name}`,
    purl: `pkg:${ecosystem}/${name}@${version}`,
  };
}

function inventory(...packages: InstalledPackage[]): PackageInventory {
  return { packages, unread: [] };
}

describe("the package inventory section", () => {
  it("counts the image alone without --before", () => {
    const section = packageSection(
      inventory(pkg("deb", "libc6"), pkg("pypi", "requests")),
      undefined,
    );
    assert.deepEqual(section, { after: { deb: 1, apk: 0, rpm: 0, pypi: 1, npm: 0, golang: 0 } });
    assert.deepEqual(packageLines(section), [
      "  Installed: 2 packages (deb 1, pypi 1)",
      "  (dpkg, apk, rpm sqlite, Python dist-info, node_modules, Go build info; --before <image> compares)",
    ]);
  });

  it("compares before and after and lists what was removed, by name and version", () => {
    const before = [
      pkg("deb", "bash"),
      pkg("deb", "libc6"),
      pkg("deb", "libc6"),
      pkg("pypi", "pip", "23.0"),
      ...Array.from({ length: MAX_LISTED_REMOVED + 2 }, (_, i) => pkg("npm", `m${i}`)),
    ];
    const after = [pkg("deb", "libc6"), pkg("pypi", "pip", "24.0")];
    const section = packageSection(inventory(...after), inventory(...before));
    assert.deepEqual(section.before, { deb: 3, apk: 0, rpm: 0, pypi: 1, npm: 14, golang: 0 });
    assert.deepEqual(section.after, { deb: 1, apk: 0, rpm: 0, pypi: 1, npm: 0, golang: 0 });
    assert.equal(section.removed?.length, 16);
    assert.deepEqual(section.removed?.slice(0, 2), [
      { ecosystem: "deb", name: "bash", version: "1.0" },
      { ecosystem: "pypi", name: "pip", version: "23.0" },
    ]);
    assert.deepEqual(packageLines(section), [
      "  Before hardening: 18 packages (deb 3, pypi 1, npm 14)",
      "  After hardening:  2 packages (deb 1, pypi 1)",
      "  Removed: 16 packages",
      "    deb: bash 1.0",
      "    pypi: pip 23.0",
      `    npm: ${Array.from({ length: MAX_LISTED_REMOVED }, (_, i) => `m${i} 1.0`).join(", ")}, and 2 more (--format json lists all)`,
    ]);
  });

  it("says which package databases were not read, in the image and in the one before", () => {
    const unread = { path: "/var/lib/rpm/Packages", reason: "an rpm BerkeleyDB database" };
    const section = packageSection(inventory(pkg("deb", "libc6")), {
      packages: [],
      unread: [unread],
    });
    assert.deepEqual(section.unreadBefore, [unread]);
    assert.equal(section.unread, undefined);
    assert.deepEqual(packageLines(section).slice(-1), [
      "  Not read, before: /var/lib/rpm/Packages (an rpm BerkeleyDB database)",
    ]);
    const alone = packageSection({ packages: [], unread: [unread] }, undefined);
    assert.deepEqual(packageLines(alone), [
      "  Installed: 0 packages",
      "  (dpkg, apk, rpm sqlite, Python dist-info, node_modules, Go build info; --before <image> compares)",
      "  Not read: /var/lib/rpm/Packages (an rpm BerkeleyDB database)",
    ]);
  });

  it("says 0 packages for an image without any", () => {
    assert.deepEqual(packageLines(packageSection(inventory(), inventory())).slice(0, 3), [
      "  Before hardening: 0 packages",
      "  After hardening:  0 packages",
      "  Removed: 0 packages",
    ]);
  });
});
