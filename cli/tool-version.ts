import { readFileSync } from "fs";
import { join } from "path";

/** The version in pulumi-hardened's package.json, found from source and from the build alike. */
export function toolVersion(): string {
  for (const candidate of [
    join(__dirname, "..", "package.json"),
    join(__dirname, "..", "..", "package.json"),
  ]) {
    try {
      const pkg = JSON.parse(readFileSync(candidate, "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "pulumi-hardened" && pkg.version) {
        return pkg.version;
      }
    } catch {
      continue;
    }
  }
  throw new Error(`cannot find pulumi-hardened's package.json above ${__dirname}`);
}
