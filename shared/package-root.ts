import { existsSync, readFileSync } from "fs";
import { dirname, join } from "path";

/**
 * The folder of pulumi-hardened's own package.json, found from source (`shared/`) and from the build
 * (`bin/shared/`) alike, by the CLI and the examples.
 */
export function packageRoot(): string {
  let dir = __dirname;
  while (dirname(dir) !== dir) {
    const candidate = join(dir, "package.json");
    if (
      existsSync(candidate) &&
      (JSON.parse(readFileSync(candidate, "utf8")) as { name?: string }).name === "pulumi-hardened"
    ) {
      return dir;
    }
    dir = dirname(dir);
  }
  throw new Error(`cannot find pulumi-hardened's package.json above ${__dirname}`);
}
