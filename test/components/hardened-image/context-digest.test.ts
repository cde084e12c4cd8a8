import { strict as assert } from "assert";
import { chmodSync, mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { contextDigest } from "../../../components/hardened-image/build/context-digest";
import { contextWith } from "./fixtures";

describe("HardenedImage's context digest (what decides a rebuild)", () => {
  it("changes with a file's content, name or executable bit, and only with what .dockerignore lets through", () => {
    const dockerignore = "secrets/\n*.log\n!keep.log\n";
    const context = contextWith({ "main.py": "print(1)\n", "keep.log": "k" });
    mkdirSync(join(context, "secrets"));
    writeFileSync(join(context, "secrets", "token"), "a");
    const before = contextDigest(context, dockerignore);
    assert.match(before, /^sha256:[0-9a-f]{64}$/);
    assert.equal(contextDigest(context, dockerignore), before, "stable");
    writeFileSync(join(context, "secrets", "token"), "b");
    writeFileSync(join(context, "debug.log"), "ignored");
    assert.equal(contextDigest(context, dockerignore), before, "ignored files change nothing");
    writeFileSync(join(context, "keep.log"), "changed");
    const kept = contextDigest(context, dockerignore);
    assert.notEqual(kept, before, "a re-included file counts");
    chmodSync(join(context, "main.py"), 0o755);
    assert.notEqual(contextDigest(context, dockerignore), kept, "the executable bit counts");
    assert.notEqual(contextDigest(context, undefined), contextDigest(context, dockerignore));
  });
});
