import { strict as assert } from "assert";
import {
  resolveWritablePaths,
  writableMounts,
  writableVolumes,
} from "../../../components/hardened-deployment";

const ARGS = { tmp: "args.tmp", paths: "args.writablePaths" };

describe("resolveWritablePaths", () => {
  it("puts /tmp first, fills in the size and derives free volume names", () => {
    const paths = resolveWritablePaths(
      { sizeLimit: "32Mi" },
      [
        "/var/cache/nginx",
        { path: "/var/cache-nginx", memory: true, sizeLimit: "16Mi" },
        "/srv/Data",
      ],
      ARGS,
      "test",
      "128Mi",
      ["srv-data"],
    );
    assert.deepEqual(paths, [
      { name: "tmp", path: "/tmp", sizeLimit: "32Mi", memory: false },
      { name: "var-cache-nginx", path: "/var/cache/nginx", sizeLimit: "64Mi", memory: false },
      { name: "var-cache-nginx-2", path: "/var/cache-nginx", sizeLimit: "16Mi", memory: true },
      { name: "srv-data-2", path: "/srv/Data", sizeLimit: "64Mi", memory: false },
    ]);
    assert.deepEqual(writableVolumes(paths.slice(2, 3)), [
      { name: "var-cache-nginx-2", emptyDir: { medium: "Memory", sizeLimit: "16Mi" } },
    ]);
    assert.deepEqual(writableMounts(paths.slice(0, 1)), [{ name: "tmp", mountPath: "/tmp" }]);
  });

  it("keeps volume names within the 63-character limit", () => {
    const [path] = resolveWritablePaths(null, [`/${"a".repeat(100)}`], ARGS, "test", undefined);
    assert.equal(path.name, "a".repeat(56));
  });

  it("resolves nothing with tmp: null and no paths", () => {
    assert.deepEqual(resolveWritablePaths(null, undefined, ARGS, "test", undefined), []);
  });

  for (const [path, problem] of [
    ["/", "is not a normalized directory"],
    ["/cache/", "is not a normalized directory"],
    ["/a//b", "is not a normalized directory"],
    ["/a/./b", "is not a normalized directory"],
    ["cache", "is not an absolute path"],
  ]) {
    it(`rejects "${path}"`, () => {
      assert.throws(
        () => resolveWritablePaths(null, [path], ARGS, "test", undefined),
        new RegExp(
          `^HardenedArgsError: test: args\\.writablePaths\\[0\\]: "${path.replace(/[./]/g, "\\$&")}" ${problem}`,
        ),
      );
    });
  }
});
