import { strict as assert } from "assert";
import { globMatches } from "../../../rules/exemptions/glob";

/** The same glob as a regular expression: the reference for short inputs. */
function reference(glob: string, text: string): boolean {
  const body = glob
    .split("")
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[\\^$.+()|[\]{}]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`, "s").test(text);
}

describe("exemption globs", () => {
  const cases: [string, string, boolean][] = [
    ["web-*", "web-frontend", true],
    ["web-*", "api-web-frontend", false],
    ["*", "", true],
    ["", "", true],
    ["", "x", false],
    ["a?c", "abc", true],
    ["a?c", "ac", false],
    ["*-db-*", "prod-db-1", true],
    ["*-db-*", "prod-db", false],
    ["a*b*c", "abbbc", true],
    ["a*b*c", "acb", false],
    ["*a*a*", "aa", true],
    ["*a*a*", "a", false],
    ["ab*ba", "aba", false],
    ["urn:pulumi:*::k8s*Deployment::web", "urn:pulumi:dev::app::k8s:apps/v1:Deployment::web", true],
    ["a.b", "axb", false],
    ["(x)+", "(x)+", true],
  ];
  for (const [glob, text, expected] of cases) {
    it(`${JSON.stringify(glob)} ${expected ? "matches" : "does not match"} ${JSON.stringify(text)}`, () => {
      assert.equal(globMatches(glob, text), expected);
      assert.equal(reference(glob, text), expected);
    });
  }

  it("agrees with the regular expression on every glob and text over a small alphabet", () => {
    const words = (n: number, alphabet: string): string[] =>
      n === 0
        ? [""]
        : words(n - 1, alphabet).flatMap((w) => [w, ...[...alphabet].map((c) => w + c)]);
    const globs = [...new Set(words(4, "a*?"))];
    const texts = [...new Set(words(4, "ab"))];
    for (const glob of globs) {
      for (const text of texts) {
        assert.equal(globMatches(glob, text), reference(glob, text), `${glob} vs ${text}`);
      }
    }
  });
});
