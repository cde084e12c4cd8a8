import {
  ResolvedPresetCommon,
  execForm,
  header,
  installMounts,
  runtimeTail,
  secretEnv,
} from "./render-common";

/** The go and static presets with every default filled in. */
export interface ResolvedGoPreset extends ResolvedPresetCommon {
  /** The preset kind: `go` (distroless static) or `static` (scratch). */
  readonly kind: "go" | "static";
  /** The builder stage's image, by tag. */
  readonly builderImage: string;
  /** The final stage's image; `scratch` for the static preset. */
  readonly runtimeImage: string;
  /** The Go package to build, relative to the context. */
  readonly package: string;
  /** The program's arguments (`CMD`). */
  readonly args: readonly string[];
}

/** Where the binary is in the final image. */
export const GO_BINARY = "/app";

/** Go's build and module caches under BuildKit: cache mounts the `go build` step points at. */
const GO_CACHES = ["/root/.cache/go-build", "/root/.cache/go-mod"];
const GO_CACHE_ENV = `GOCACHE=${GO_CACHES[0]} GOMODCACHE=${GO_CACHES[1]} `;

function scratchFiles(p: ResolvedGoPreset): { build: string[]; final: string[] } {
  return {
    build: [
      "RUN mkdir -p /out/etc \\",
      `  && printf 'root:x:0:0:root:/root:/sbin/nologin\\napp:x:${p.uid}:${p.gid}:app:/nonexistent:/sbin/nologin\\n' > /out/etc/passwd \\`,
      `  && printf 'root:x:0:\\napp:x:${p.gid}:\\n' > /out/etc/group`,
    ],
    final: [
      "COPY --from=build /out/etc/passwd /out/etc/group /etc/",
      "COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt",
    ],
  };
}

/**
 * Renders the go (distroless static) and static (scratch) presets: one static binary built with
 * `CGO_ENABLED=0 -trimpath -ldflags "-w -s"` (the build secrets mounted on that step, a `netrc`
 * one as `NETRC`; under BuildKit Go's build and module caches in cache mounts), copied alone into the final stage, owned by root.
 */
export function renderGo(p: ResolvedGoPreset): string {
  const scratch = p.kind === "static" ? scratchFiles(p) : { build: [], final: [] };
  return [
    header(p),
    `FROM ${p.builderImage} AS build`,
    "ENV CGO_ENABLED=0 GOFLAGS=-trimpath",
    "WORKDIR /src",
    "COPY . /src",
    `RUN ${installMounts(p, GO_CACHES)}${p.buildKit === true ? GO_CACHE_ENV : ""}${secretEnv(p)}go build -ldflags "-w -s" -o /out/app ${p.package}`,
    ...scratch.build,
    "",
    `FROM ${p.runtimeImage}`,
    ...scratch.final,
    `COPY --from=build /out/app ${GO_BINARY}`,
    ...runtimeTail(p),
    `ENTRYPOINT ${execForm([GO_BINARY])}`,
    ...(p.args.length > 0 ? [`CMD ${execForm(p.args)}`] : []),
    "",
  ].join("\n");
}
