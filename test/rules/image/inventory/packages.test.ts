import { strict as assert } from "assert";
import { imageFilesystem } from "../../../../rules/image/filesystem";
import { keptContentLimit } from "../../../../rules/image/inventory/kept-content";
import { imagePackages, packageCounts } from "../../../../rules/image/inventory/packages";
import { FileEntry } from "../../../../rules/image/model";
import { dir, file, imageModel } from "../image-fixtures";

const DPKG_STATUS = `Package: libc6
Status: install ok installed
Architecture: amd64
Version: 2.36-9+deb12u4

Package: removed-pkg
Status: deinstall ok config-files
Version: 1.0

Package: bash
Status: install ok installed
Architecture: amd64
Version: 5.2.15-2+b2
Description: GNU Bourne Again SHell
 continuation: line
`;

const APK_INSTALLED = `C:Q1abc=
P:musl
V:1.2.4-r2
A:x86_64

C:Q1def=
P:busybox
V:1.36.1-r5
`;

function text(path: string, content: string): FileEntry {
  return file(path, { mode: 0o644, size: content.length, content });
}

const LAYERS: readonly (readonly FileEntry[])[] = [
  [
    text("/etc/os-release", 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n'),
    text("/var/lib/dpkg/status", DPKG_STATUS),
    text("/var/lib/dpkg/status.d/tzdata", "Package: tzdata\nVersion: 2024a-0+deb12u1\n"),
    text("/var/lib/dpkg/status.d/tzdata.md5sums", "d41d8cd98f00b204e9800998ecf8427e  usr/x\n"),
    text("/lib/apk/db/installed", APK_INSTALLED),
    dir("/usr/lib/python3/dist-packages/requests-2.31.0.dist-info"),
    file("/usr/lib/python3/dist-packages/requests-2.31.0.dist-info/METADATA"),
    dir("/usr/lib/python3/dist-packages/Typing_Extensions-4.9.0.dist-info"),
    text("/app/node_modules/left-pad/package.json", '{"name":"left-pad","version":"1.3.0"}'),
    text(
      "/app/node_modules/@acme/util/package.json",
      '{"name":"@acme/util","version":"2.0.0-rc.1"}',
    ),
    text("/app/node_modules/broken/package.json", "{not json"),
    text("/app/node_modules/left-pad/node_modules/x/package.json", '{"name":"x"}'),
  ],
  [file("/usr/lib/python3/dist-packages/.wh.requests-2.31.0.dist-info")],
];

describe("package inventory", () => {
  const packages = imagePackages(imageFilesystem(imageModel({}, LAYERS)));

  it("reads dpkg status and status.d, apk, dist-info and node_modules, honouring whiteouts", () => {
    assert.deepEqual(
      packages.map((p) => [p.ecosystem, p.name, p.version, p.path, p.purl]),
      [
        [
          "deb",
          "bash",
          "5.2.15-2+b2",
          "/var/lib/dpkg/status",
          "pkg:deb/debian/bash@5.2.15-2%2Bb2?arch=amd64",
        ],
        [
          "deb",
          "libc6",
          "2.36-9+deb12u4",
          "/var/lib/dpkg/status",
          "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64",
        ],
        [
          "deb",
          "tzdata",
          "2024a-0+deb12u1",
          "/var/lib/dpkg/status.d/tzdata",
          "pkg:deb/debian/tzdata@2024a-0%2Bdeb12u1",
        ],
        [
          "apk",
          "busybox",
          "1.36.1-r5",
          "/lib/apk/db/installed",
          "pkg:apk/debian/busybox@1.36.1-r5",
        ],
        ["apk", "musl", "1.2.4-r2", "/lib/apk/db/installed", "pkg:apk/debian/musl@1.2.4-r2"],
        [
          "pypi",
          "Typing_Extensions",
          "4.9.0",
          "/usr/lib/python3/dist-packages/Typing_Extensions-4.9.0.dist-info",
          "pkg:pypi/typing-extensions@4.9.0",
        ],
        [
          "npm",
          "@acme/util",
          "2.0.0-rc.1",
          "/app/node_modules/@acme/util",
          "pkg:npm/%40acme/util@2.0.0-rc.1",
        ],
        ["npm", "left-pad", "1.3.0", "/app/node_modules/left-pad", "pkg:npm/left-pad@1.3.0"],
      ],
    );
  });

  it("counts every ecosystem, zeros included", () => {
    assert.deepEqual(packageCounts(packages), {
      deb: 3,
      apk: 2,
      rpm: 0,
      pypi: 1,
      npm: 2,
      golang: 0,
    });
    assert.deepEqual(packageCounts([]), { deb: 0, apk: 0, rpm: 0, pypi: 0, npm: 0, golang: 0 });
  });

  it("names the distribution from os-release, else debian and alpine", () => {
    const alpine = imagePackages(
      imageFilesystem(imageModel({}, [[text("/lib/apk/db/installed", APK_INSTALLED)]])),
    );
    assert.deepEqual(
      alpine.map((p) => p.purl),
      ["pkg:apk/alpine/busybox@1.36.1-r5", "pkg:apk/alpine/musl@1.2.4-r2"],
    );
  });
});

describe("keptContentLimit", () => {
  const CASES: readonly [string, boolean][] = [
    ["/etc/passwd", true],
    ["/var/lib/dpkg/status", true],
    ["/var/lib/dpkg/status.d/base", true],
    ["/var/lib/dpkg/status.d/base.md5sums", false],
    ["/lib/apk/db/installed", true],
    ["/etc/os-release", true],
    ["/app/node_modules/@acme/util/package.json", true],
    ["/app/package.json", false],
    ["/app/node_modules/x/lib/package.json", false],
    ["/usr/bin/python3", false],
  ];
  for (const [path, kept] of CASES) {
    it(`${kept ? "keeps" : "does not keep"} ${path}`, () => {
      assert.equal(keptContentLimit(path) !== undefined, kept);
    });
  }
});
