import {
  ResolvedPresetCommon,
  execForm,
  header,
  runtimeTail,
  secretEnv,
  secretMounts,
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
 * one as `NETRC`), copied alone into the final stage, owned by root.
 */
export function renderGo(p: ResolvedGoPreset): string {
  const scratch = p.kind === "static" ? scratchFiles(p) : { build: [], final: [] };
  return [
    header(p),
    `FROM ${p.builderImage} AS build`,
    "ENV CGO_ENABLED=0 GOFLAGS=-trimpath",
    "WORKDIR /src",
    "COPY . /src",
    `RUN ${secretMounts(p)}${secretEnv(p)}go build -ldflags "-w -s" -o /out/app ${p.package}`,
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
