import { readFileSync } from "fs";
import { join } from "path";
import { packageRoot } from "../shared/package-root";

/** The version in pulumi-hardened's package.json. */
export function toolVersion(): string {
  return (
    JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }
  ).version;
}
