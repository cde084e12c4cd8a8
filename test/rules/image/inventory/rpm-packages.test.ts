import { strict as assert } from "assert";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { imageFilesystem } from "../../../../rules/image/filesystem";
import { keptBytesLimit } from "../../../../rules/image/inventory/kept-content";
import { packageInventory } from "../../../../rules/image/inventory/packages";
import { parseRpmHeader } from "../../../../rules/image/inventory/rpm-header";
import { readSqliteTable, SqliteFormatError } from "../../../../rules/image/inventory/sqlite-table";
import { FileEntry } from "../../../../rules/image/model";
import { buildRpmDatabase, requireRpm, rpmQueryAll, TestRpm } from "../../../support/rpm-database";
import { file, imageModel } from "../image-fixtures";

/** 40 packages: more than one SQLite page holds, so the table b-tree has interior pages. */
const PACKAGES: readonly TestRpm[] = [
  // A header far larger than a page: its payload spills into a chain of overflow pages.
  { name: "big-description", version: "0.9", release: "1.el9", descriptionBytes: 40_000 },
  { name: "hello-hardened", version: "1.2.3", release: "4.fc40", epoch: 2 },
  ...Array.from({ length: 38 }, (_, i) => ({
    name: `lib-${String(i).padStart(2, "0")}`,
    version: `${i}.0.${i % 7}`,
    release: `${i + 1}.fc40`,
  })),
];

function db(path: string, bytes: Buffer): FileEntry {
  return file(path, { mode: 0o644, size: bytes.length, bytes: bytes.toString("latin1") });
}

const OS_RELEASE = file("/etc/os-release", {
  mode: 0o644,
  content: 'NAME="Fedora Linux"\nID=fedora\n',
});

describe("rpm package inventory (a real rpm sqlite database made by rpm itself)", function () {
  this.timeout(120_000);
  let dir: string;
  let bytes: Buffer;
  let listed: string[];

  before(function () {
    requireRpm(this);
    dir = mkdtempSync(join(tmpdir(), "rpmdb-"));
    const path = buildRpmDatabase(dir, PACKAGES);
    bytes = readFileSync(path);
    listed = rpmQueryAll(path);
  });
  after(() => {
    if (dir !== undefined) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads every header of the Packages table, as rpm -qa lists them", () => {
    const rows = readSqliteTable(bytes, "Packages");
    assert.equal(rows.length, PACKAGES.length);
    const read = rows
      .map((row) => parseRpmHeader(row[1] as Buffer))
      .map(
        (h) =>
          `${h?.name} ${h?.epoch === undefined ? "" : `${h.epoch}:`}${h?.version}-${h?.release} ${h?.arch}`,
      )
      .sort();
    assert.equal(listed.length, PACKAGES.length);
    assert.deepEqual(read, listed);
    assert.ok(listed.includes("hello-hardened 2:1.2.3-4.fc40 noarch"), listed.join("\n"));
  });

  it("lists the packages of /usr/lib/sysimage/rpm and /var/lib/rpm with epoch, release, arch and purl", () => {
    for (const path of ["/usr/lib/sysimage/rpm/rpmdb.sqlite", "/var/lib/rpm/rpmdb.sqlite"]) {
      const { packages, unread } = packageInventory(
        imageFilesystem(imageModel({}, [[OS_RELEASE, db(path, bytes)]])),
      );
      assert.deepEqual(unread, []);
      assert.equal(packages.length, PACKAGES.length);
      assert.ok(packages.every((p) => p.ecosystem === "rpm" && p.path === path));
      assert.deepEqual(
        packages.find((p) => p.name === "hello-hardened"),
        {
          ecosystem: "rpm",
          name: "hello-hardened",
          version: "2:1.2.3-4.fc40",
          path,
          purl: "pkg:rpm/fedora/hello-hardened@1.2.3-4.fc40?arch=noarch&epoch=2",
        },
      );
      assert.equal(
        packages.find((p) => p.name === "big-description")?.purl,
        "pkg:rpm/fedora/big-description@0.9-1.el9?arch=noarch",
      );
    }
  });

  it("honours a whiteout of the database: the packages are gone from the final filesystem", () => {
    const fs = imageFilesystem(
      imageModel({}, [
        [db("/var/lib/rpm/rpmdb.sqlite", bytes)],
        [file("/var/lib/rpm/.wh.rpmdb.sqlite")],
      ]),
    );
    assert.deepEqual(packageInventory(fs), { packages: [], unread: [] });
  });

  it("says which rpm databases it did not read, and why, instead of counting zero silently", () => {
    const truncated = bytes.subarray(0, 4096 * 3);
    const { packages, unread } = packageInventory(
      imageFilesystem(
        imageModel({}, [
          [
            file("/var/lib/rpm/Packages", { size: 1 << 20 }),
            file("/usr/lib/sysimage/rpm/Packages.db", { size: 1 << 20 }),
            db("/var/lib/rpm/rpmdb.sqlite", truncated),
            file("/var/lib/rpm/rpmdb.sqlite-wal", { size: 4096 }),
            file("/usr/lib/sysimage/rpm/rpmdb.sqlite", { size: 64 << 20 }),
          ],
        ]),
      ),
    );
    assert.deepEqual(packages, []);
    assert.deepEqual(
      unread.map((u) => u.path),
      [
        "/var/lib/rpm/Packages",
        "/usr/lib/sysimage/rpm/Packages.db",
        "/usr/lib/sysimage/rpm/rpmdb.sqlite",
        "/var/lib/rpm/rpmdb.sqlite",
        "/var/lib/rpm/rpmdb.sqlite-wal",
      ],
    );
    assert.match(unread[0].reason, /^an rpm BerkeleyDB database; only rpm's sqlite database/);
    assert.match(unread[1].reason, /^an rpm ndb database/);
    assert.equal(unread[2].reason, "larger than the 32 MiB an image reader keeps");
    assert.match(unread[3].reason, /^not a readable rpm database: page \d+ is outside the file$/);
    assert.match(unread[4].reason, /^a write-ahead log/);
  });

  it("keeps the bytes of the sqlite databases only", () => {
    assert.equal(keptBytesLimit("/var/lib/rpm/rpmdb.sqlite"), 32 * 1024 * 1024);
    assert.equal(keptBytesLimit("/usr/lib/sysimage/rpm/rpmdb.sqlite"), 32 * 1024 * 1024);
    assert.equal(keptBytesLimit("/var/lib/rpm/Packages"), undefined);
    assert.equal(keptBytesLimit("/srv/var/lib/rpm/rpmdb.sqlite"), undefined);
  });

  it("refuses damaged databases with a SqliteFormatError, never a crash or an endless walk", () => {
    const cyclic = Buffer.from(bytes);
    // Make page 1's right-most child point back at page 1: a cycle.
    const interior = cyclic[100] === 0x05;
    assert.ok(interior, "the schema of rpm's database spans more than one page");
    cyclic.writeUInt32BE(1, 100 + 8);
    const cases: [string, Buffer, RegExp][] = [
      ["not SQLite", Buffer.from("hello"), /not an SQLite 3 database/],
      [
        "bad page size",
        Buffer.concat([bytes.subarray(0, 16), Buffer.from([0, 3]), bytes.subarray(18)]),
        /page size 3/,
      ],
      ["a cycle", cyclic, /page 1 is linked twice/],
      ["cut short", bytes.subarray(0, 4096 * 2), /outside the file|past/],
    ];
    for (const [what, input, expected] of cases) {
      assert.throws(
        () => readSqliteTable(input, "Packages"),
        (error: unknown) => {
          assert.ok(error instanceof SqliteFormatError, `${what}: ${String(error)}`);
          assert.match(error.message, expected, what);
          return true;
        },
      );
    }
    assert.throws(() => readSqliteTable(bytes, "Nope"), /the database has no table "Nope"/);
  });

  it("reads no header from a blob that is not one", () => {
    assert.equal(parseRpmHeader(Buffer.alloc(4)), undefined);
    assert.equal(parseRpmHeader(Buffer.from([0, 0, 0, 1, 0xff, 0, 0, 0])), undefined);
    const header = readSqliteTable(bytes, "Packages")[0][1] as Buffer;
    assert.equal(parseRpmHeader(header.subarray(0, header.length - 10)), undefined);
  });
});
