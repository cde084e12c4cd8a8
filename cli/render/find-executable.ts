import { accessSync, constants, statSync } from "fs";
import { delimiter, join } from "path";

/** The full path of the executable `name` on `pathVariable` (a `PATH` value), or undefined. */
export function findExecutable(name: string, pathVariable: string | undefined): string | undefined {
  for (const dir of (pathVariable ?? "").split(delimiter)) {
    if (dir === "") {
      continue;
    }
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) {
        return candidate;
      }
    } catch {
      // not here: keep looking
    }
  }
  return undefined;
}
