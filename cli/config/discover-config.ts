import { existsSync, statSync } from "fs";
import { dirname, join, resolve } from "path";
import { HardenedConfig, loadConfig } from "./load-config";

/** The file name `hardened` looks for when no `--config` is given. */
export const CONFIG_FILE_NAME = ".hardened.yaml";

/**
 * The nearest `.hardened.yaml` in `start` or a folder above it (as hadolint and kube-linter find
 * theirs), or undefined when there is none up to the filesystem root.
 */
export function discoverConfig(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate) && statSync(candidate).isFile()) {
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      return undefined;
    }
    dir = parent;
  }
}

/**
 * The config a command uses: the `--config` file when given (`option` a string), none with
 * `--no-config` (`option` false), otherwise the discovered `.hardened.yaml` from `cwd`, if any.
 */
export function configFor(option: string | false | undefined, cwd: string): HardenedConfig {
  if (option === false) {
    return {};
  }
  const file = option ?? discoverConfig(cwd);
  return file === undefined ? {} : loadConfig(file);
}
