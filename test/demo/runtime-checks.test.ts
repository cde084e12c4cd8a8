import { strict as assert } from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { requireDocker } from "../../dev/docker";
import { requireRegistries } from "../../dev/registry";
import { RUNTIME_CHECKS, showRuntimeChecks } from "../../demo/runtime-checks";
import { DEBIAN, prepareTestImages, TestImages } from "../image/test-images";

const README = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");

describe("demo: the seed's three runtime checks, by hardened verify --runtime", function () {
  this.timeout(600_000);
  let images: TestImages | undefined;
  let hardened: string;

  before(async function () {
    requireDocker(this);
    await requireRegistries(this);
    images = prepareTestImages();
    hardened = images.build("app", {});
  });
  after(() => images?.cleanup());

  it("shows each check passing on the hardened image and failing on the image before, as the README shows", async () => {
    const lines: string[] = [];
    const unexpected = await showRuntimeChecks(hardened, DEBIAN, (line) => lines.push(line));
    assert.equal(unexpected, undefined, lines.join("\n"));
    const table = [
      "RUNTIME CHECKS (hardened verify --runtime):",
      "  check                                                   hardened  before",
      "  whoami is not root (image-runtime-non-root)             PASS      FAIL",
      "  /bin/sh cannot start (image-runtime-no-shell)           PASS      FAIL",
      "  touch /test is refused (image-runtime-writable-rootfs)  PASS      FAIL",
    ];
    assert.deepEqual(lines.slice(0, table.length), table);
    const reasons = lines.slice(table.length);
    assert.equal(reasons.length, RUNTIME_CHECKS.length, reasons.join("\n"));
    assert.match(reasons[0], /^ {2}before, whoami is not root: .*uid 0/);
    assert.match(
      reasons[1],
      /^ {2}before, \/bin\/sh cannot start: docker run --entrypoint \/bin\/sh started a shell/,
    );
    assert.match(
      reasons[2],
      /^ {2}before, touch \/test is refused: the image's user created \/\.hardened-write-probe/,
    );
    assert.ok(README.includes(table.join("\n")), "README shows the demo's runtime checks table");
  });

  it("says which check did not behave as the demo describes", async () => {
    const lines: string[] = [];
    const unexpected = await showRuntimeChecks(DEBIAN, hardened, (line) => lines.push(line));
    assert.equal(
      unexpected,
      "whoami is not root failed on the hardened image; /bin/sh cannot start failed on the hardened image; touch /test is refused failed on the hardened image; whoami is not root passed on the image before hardening; /bin/sh cannot start passed on the image before hardening; touch /test is refused passed on the image before hardening",
    );
  });
});
