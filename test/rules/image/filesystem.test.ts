import { strict as assert } from "assert";
import { imageFilesystem, layerFilePath } from "../../../rules/image/filesystem";
import { resolvePath } from "../../../rules/image/resolve-path";
import { dir, file, imageModel, symlink } from "./image-fixtures";

function finalPaths(layers: Parameters<typeof imageModel>[1]): string[] {
  return [...imageFilesystem(imageModel({}, layers)).final.keys()].sort();
}

describe("image file system", () => {
  const cases: { name: string; layers: Parameters<typeof imageModel>[1]; expected: string[] }[] = [
    {
      name: "stacks layers and lets an upper file replace a lower one",
      layers: [
        [dir("/a"), file("/a/x")],
        [file("/a/x", { size: 99 }), file("/a/y")],
      ],
      expected: ["/a", "/a/x", "/a/y"],
    },
    {
      name: "applies a .wh.<name> whiteout to a file",
      layers: [[dir("/a"), file("/a/x"), file("/a/y")], [file("/a/.wh.x")]],
      expected: ["/a", "/a/y"],
    },
    {
      name: "applies a whiteout to a whole directory tree",
      layers: [[dir("/a"), dir("/a/b"), file("/a/b/x"), file("/c")], [file("/a/.wh.b")]],
      expected: ["/a", "/c"],
    },
    {
      name: "applies an opaque whiteout but keeps the same layer's new files",
      layers: [
        [dir("/a"), file("/a/old")],
        [file("/a/new"), file("/a/.wh..wh..opq")],
      ],
      expected: ["/a", "/a/new"],
    },
    {
      name: "replaces a lower directory by an upper file",
      layers: [[dir("/a"), file("/a/x")], [file("/a")]],
      expected: ["/a"],
    },
    {
      name: "replaces a directory a tar stream only implied by its files",
      layers: [[file("/a/b/x")], [file("/a")]],
      expected: ["/a"],
    },
    {
      name: "writes an entry under a symlinked directory where the link points (merged /usr)",
      layers: [[dir("/usr"), dir("/usr/bin"), symlink("/bin", "usr/bin")], [file("/bin/sh")]],
      expected: ["/bin", "/usr", "/usr/bin", "/usr/bin/sh"],
    },
    {
      name: "follows an absolute link and a link to a link",
      layers: [
        [dir("/opt/real"), symlink("/opt/a", "/opt/b"), symlink("/opt/b", "real")],
        [file("/opt/a/tool")],
      ],
      expected: ["/opt/a", "/opt/b", "/opt/real", "/opt/real/tool"],
    },
    {
      name: "applies a whiteout through a symlinked directory",
      layers: [
        [dir("/usr/bin"), file("/usr/bin/sh"), symlink("/bin", "usr/bin")],
        [file("/bin/.wh.sh")],
      ],
      expected: ["/bin", "/usr/bin"],
    },
    {
      name: "applies an opaque whiteout through a symlinked directory",
      layers: [
        [dir("/usr/bin"), file("/usr/bin/sh"), file("/usr/bin/ls"), symlink("/bin", "usr/bin")],
        [file("/bin/.wh..wh..opq")],
      ],
      expected: ["/bin", "/usr/bin"],
    },
    {
      name: "a link climbing above the root stays in the root, as in a chroot",
      layers: [[dir("/etc"), symlink("/x", "../../../etc")], [file("/x/passwd")]],
      expected: ["/etc", "/etc/passwd", "/x"],
    },
    {
      name: "a link loop leaves the path as written",
      layers: [[symlink("/a", "b"), symlink("/b", "a")], [file("/a/x")]],
      expected: ["/a", "/a/x", "/b"],
    },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(finalPaths(c.layers), c.expected));
  }

  it("keeps every file any layer ever held, with its layer", () => {
    const fs = imageFilesystem(
      imageModel({}, [[dir("/root"), file("/root/key")], [file("/root/.wh.key")]]),
    );
    assert.deepEqual(fs.everPresent.map(layerFilePath), ["layers[0]:/root", "layers[0]:/root/key"]);
    assert.equal(fs.final.has("/root/key"), false);
  });

  it("resolves symlinks in every path component (usrmerge /bin -> usr/bin)", () => {
    const fs = imageFilesystem(
      imageModel({}, [
        [
          symlink("/bin", "usr/bin"),
          dir("/usr"),
          dir("/usr/bin"),
          file("/usr/bin/dash"),
          symlink("/usr/bin/sh", "dash"),
        ],
      ]),
    );
    assert.equal(resolvePath(fs.final, "/bin/sh")?.entry.path, "/usr/bin/dash");
    assert.equal(resolvePath(fs.final, "/bin/bash"), undefined);
  });

  it("gives up on symlink loops", () => {
    const fs = imageFilesystem(imageModel({}, [[symlink("/a", "/b"), symlink("/b", "/a")]]));
    assert.equal(resolvePath(fs.final, "/a/x"), undefined);
  });
});
