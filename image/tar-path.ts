/**
 * The absolute path Docker's layer extraction gives a tar entry name: the name is cleaned as Go's
 * `filepath.Clean` does (`.` and empty components dropped, `..` taking off the component before
 * it), so `bin/./sh`, `bin//sh`, `./bin/sh`, `/bin/sh` and `usr/../bin/sh` are all `/bin/sh`; the
 * root itself is `/`. A relative name whose `..` climbs above the root (`../x`, `a/../../x`) makes
 * Docker refuse the layer as a breakout: null here. An absolute name cannot climb (`/../x` is
 * `/x`).
 */
export function normalizeTarPath(name: string): string | null {
  const absolute = name.startsWith("/");
  const parts: string[] = [];
  for (const part of name.split("/")) {
    if (part === "" || part === ".") {
      continue;
    }
    if (part !== "..") {
      parts.push(part);
    } else if (parts.length > 0) {
      parts.pop();
    } else if (!absolute) {
      return null;
    }
  }
  return `/${parts.join("/")}`;
}
