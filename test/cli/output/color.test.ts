import { strict as assert } from "assert";
import { paintSeverities, useColor } from "../../../cli/output/color";
import { exitCodeFor } from "../../../cli/exit-code";
import { Finding } from "../../../rules/finding";

describe("colour and --fail-on", () => {
  it("colours only on a TTY, without NO_COLOR (any non-empty value) and without --no-color", () => {
    const cases: [boolean, NodeJS.ProcessEnv, boolean, boolean][] = [
      [true, {}, true, true],
      [true, { NO_COLOR: "" }, true, true],
      [true, { NO_COLOR: "1" }, true, false],
      [true, { NO_COLOR: "0" }, true, false],
      [true, {}, false, false],
      [false, {}, true, false],
    ];
    for (const [tty, env, flag, expected] of cases) {
      assert.equal(useColor(tty, env, flag), expected, JSON.stringify([tty, env, flag]));
    }
  });

  it("paints the severity marks of finding lines only", () => {
    assert.equal(
      paintSeverities(
        "f.yaml: Pod web\n  error   run-as-non-root  spec\n          error text\n  note    x\n",
      ),
      "f.yaml: Pod web\n  \x1b[31merror\x1b[0m   run-as-non-root  spec\n          error text\n  \x1b[36mnote\x1b[0m    x\n",
    );
  });

  it("exits 1 for an open finding at or above the threshold, never for none", () => {
    const f = (severity: Finding["severity"], exempted = false): Finding => ({
      ruleId: "r",
      severity,
      message: "m",
      path: "p",
      container: null,
      exempted,
    });
    const cases: [Finding[], "error" | "warning" | "note" | "none", number][] = [
      [[f("warning")], "error", 0],
      [[f("error")], "error", 1],
      [[f("warning")], "warning", 1],
      [[f("note")], "warning", 0],
      [[f("note")], "note", 1],
      [[f("error", true)], "note", 0],
      [[f("error")], "none", 0],
    ];
    for (const [findings, failOn, code] of cases) {
      assert.equal(exitCodeFor(findings, failOn), code, `${findings[0].severity} at ${failOn}`);
    }
    assert.equal(exitCodeFor([f("error")]), 1);
  });
});
