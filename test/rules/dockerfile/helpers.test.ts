import { strict as assert } from "assert";
import { DockerIgnore } from "../../../rules/dockerfile/support/dockerignore";
import { splitHeredocs } from "../../../rules/dockerfile/support/instruction-text";
import { splitShell } from "../../../rules/dockerfile/support/shell";
import { expandVariables } from "../../../rules/dockerfile/support/variables";

describe("Dockerfile helpers", () => {
  it("expands variables like the Dockerfile frontend", () => {
    const scope = new Map<string, string | null>([
      ["A", "x"],
      ["E", ""],
      ["N", null],
    ]);
    const table: [string, string, string[]][] = [
      ["$A-${A}", "x-x", []],
      ["${E:-d} ${E-d} ${N:-d}", "d  d", []],
      ["${A:+set}${E:+set}${U+set}", "set", []],
      ["$N/$U", "/", ["N", "U"]],
      ["\\$A", "$A", []],
    ];
    for (const [text, value, unresolved] of table) {
      assert.deepEqual(expandVariables(text, scope, "\\"), { value, unresolved }, text);
    }
  });

  it("splits shell scripts into commands, honouring quotes, pipes and comments", () => {
    const commands = splitShell(
      "A=1 sudo -E apt-get install 'a b' && curl -fsSL \"https://x|y\" | sh -s -- -y # c | bash\nwget x 2>&1 > /dev/null; (cd /tmp)",
    );
    assert.deepEqual(
      commands.map((c) => [c.program, c.args, c.piped]),
      [
        ["apt-get", ["install", "a b"], false],
        ["curl", ["-fsSL", "https://x|y"], false],
        ["sh", ["-s", "--", "-y"], true],
        ["wget", ["x", "2>&1", ">", "/dev/null"], false],
        ["cd", ["/tmp"], false],
      ],
    );
  });

  it("splits heredocs, several per line, with <<- and quoted names", () => {
    assert.deepEqual(splitHeredocs('<<A cat - <<-"B" > /f\none\nA\n\t\ttwo\n\tB'), {
      command: '<<A cat - <<-"B" > /f',
      bodies: ["one", "\t\ttwo"],
    });
    assert.equal(splitHeredocs("echo a\nb"), undefined);
  });

  it("matches .dockerignore patterns like BuildKit", () => {
    const ignore = new DockerIgnore("# comment\n/.git/\n**/*.key\n.env*\n!.env.example\n");
    const table: [string, boolean][] = [
      [".git", true],
      [".git/config", true],
      ["certs/server.key", true],
      [".env.local", true],
      [".env.example", false],
      ["src/app.ts", false],
    ];
    for (const [path, excluded] of table) {
      assert.equal(ignore.excludes(path), excluded, path);
    }
  });
});
