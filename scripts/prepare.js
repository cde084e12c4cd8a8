#!/usr/bin/env node
// npm's `prepare`: builds the package (npm run build). When npm installs the package from git
// globally (`npm install -g git+…`, which is how pre-commit installs the hooks in
// .pre-commit-hooks.yaml), npm prepares the clone with an `npm install` in global mode, which puts
// none of the build's devDependencies in the clone; then they are installed here first, locally.
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

const root = path.join(__dirname, "..");
const npm = process.env.npm_execpath;
const run = (args) => {
  const result = npm
    ? spawnSync(process.execPath, [npm, ...args], { cwd: root, stdio: "inherit" })
    : spawnSync("npm", args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

let haveCompiler = true;
try {
  require.resolve("typescript/package.json", { paths: [root] });
} catch {
  haveCompiler = false;
}
if (!haveCompiler) {
  run([
    "install",
    "--global=false",
    "--include=dev",
    "--ignore-scripts",
    "--no-save",
    "--no-audit",
    "--no-fund",
  ]);
}
run(["run", "build"]);
