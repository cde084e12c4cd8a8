import { strict as assert } from "assert";
import { applyEdits, StaleEditError } from "../../../oci/pin/rewrite";

describe("applyEdits", () => {
  const text = "FROM a:1 AS x\nCOPY --from=b /x /y\n";

  it("replaces each span in place, whatever the order of the edits, and keeps every other byte", () => {
    const edits = [
      { start: 26, end: 27, expected: "b", replacement: "b:2@sha256:22" },
      { start: 5, end: 8, expected: "a:1", replacement: "a:1@sha256:11" },
    ];
    assert.equal(
      applyEdits(text, edits),
      "FROM a:1@sha256:11 AS x\nCOPY --from=b:2@sha256:22 /x /y\n",
    );
  });

  it("returns the text unchanged without edits", () => {
    assert.equal(applyEdits(text, []), text);
  });

  it("throws StaleEditError when the offsets hold other text", () => {
    assert.throws(
      () => applyEdits(text, [{ start: 0, end: 4, expected: "COPY", replacement: "x" }]),
      (error: Error) =>
        error instanceof StaleEditError &&
        /cannot replace "COPY" at offsets 0-4: the text there is "FROM"/.test(error.message),
    );
  });

  it("throws StaleEditError for overlapping edits", () => {
    assert.throws(
      () =>
        applyEdits(text, [
          { start: 5, end: 8, expected: "a:1", replacement: "z" },
          { start: 7, end: 8, expected: "1", replacement: "2" },
        ]),
      StaleEditError,
    );
  });
});
