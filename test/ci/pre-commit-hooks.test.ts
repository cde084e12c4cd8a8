import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
/** Installed by scripts/test-services/pre-commit.sh (start.sh runs it). */
const PRE_COMMIT = join(ROOT, ".ci", "work", "pre-commit", "pre-commit");

/**
 * The hooks of .pre-commit-hooks.yaml run by the real pre-commit (from PyPI), as a user's
 * repository runs them: `pre-commit try-repo` installs this checkout as the hooks' npm package, the
 * way a `repos:` entry does, and runs them on a scratch git repository.
 */
describe(".pre-commit-hooks.yaml under pre-commit", function () {
  // pre-commit installs the package from git: npm installs its dependencies and builds it.
  this.timeout(20 * 60_000);
  let dir: string;
  let repo: string;

  before(function () {
    if (!existsSync(PRE_COMMIT)) {
      console.log(`      (pre-commit not installed: run scripts/test-services/pre-commit.sh)`);
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), "hardened-pre-commit-"));
    repo = join(dir, "repo");
    mkdirSync(repo);
    git("init", "-q");
    git("config", "user.email", "test@example.com");
    git("config", "user.name", "test");
  });
  after(() => dir !== undefined && rmSync(dir, { recursive: true, force: true }));

  function git(...args: string[]): void {
    const result = spawnSync("git", args, { cwd: repo, encoding: "utf8" });
    assert.equal(result.status, 0, result.stderr);
  }

  function place(files: Record<string, string>): void {
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(repo, name, ".."), { recursive: true });
      if (content.startsWith(ROOT)) copyFileSync(content, join(repo, name));
      else writeFileSync(join(repo, name), content);
    }
    git("add", "-A");
  }

  /** `pre-commit try-repo <this checkout>`: every hook the repository defines, on the staged files. */
  function tryRepo() {
    const result = spawnSync(PRE_COMMIT, ["try-repo", ROOT, "--color", "never"], {
      cwd: repo,
      encoding: "utf8",
      env: { ...process.env, PRE_COMMIT_HOME: join(dir, "pre-commit-home"), NO_COLOR: "1" },
    });
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  }

  it("fails on a privileged manifest and a root Dockerfile, naming the findings", () => {
    place({
      "deploy/privileged.yaml": join(ROOT, "test/fixtures/manifests/privileged-multi.yaml"),
      "deploy/app-config.yaml": "server:\n  port: 8080\n",
      "app/Dockerfile": 'FROM debian:12\nUSER root\nCMD ["sleep", "1"]\n',
      "README.md": "# scratch\n",
    });
    const { code, output } = tryRepo();
    assert.equal(code, 1, output);
    assert.match(output, /hardened check \(Kubernetes manifests\)\.+Failed/);
    assert.match(output, /hardened lint \(Dockerfiles\)\.+Failed/);
    assert.match(output, /privileged/);
    assert.match(output, /dockerfile-final-user/);
  });

  it("passes once the files comply; YAML that is not Kubernetes is skipped", () => {
    unlinkSync(join(repo, "deploy/privileged.yaml"));
    place({
      "deploy/deployment.yaml": join(ROOT, "test/fixtures/manifests/hardened-deployment.yaml"),
      "app/Dockerfile": join(ROOT, "test/fixtures/dockerfiles/go.Dockerfile"),
    });
    const { code, output } = tryRepo();
    assert.equal(code, 0, output);
    assert.match(output, /hardened check \(Kubernetes manifests\)\.+Passed/);
    assert.match(output, /hardened lint \(Dockerfiles\)\.+Passed/);
  });
});
