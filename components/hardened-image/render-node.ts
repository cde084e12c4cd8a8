import {
  ResolvedPresetCommon,
  execForm,
  header,
  installMounts,
  removeBuildLeftovers,
  runtimeTail,
  secretEnv,
} from "./render-common";

/** npm's cache directory for root, kept in a cache mount under BuildKit. */
const NPM_CACHE = "/root/.npm";

/** The node preset with every default filled in. */
export interface ResolvedNodePreset extends ResolvedPresetCommon {
  /** The preset kind. */
  readonly kind: "node";
  /** The builder stage's image, by tag. */
  readonly builderImage: string;
  /** The final stage's image, by tag. */
  readonly runtimeImage: string;
  /** The node binary's absolute path in the runtime image. */
  readonly node: string;
  /** The interpreter's arguments. */
  readonly command: readonly string[];
}

/** The HTTP health check the node preset runs with the runtime's own node binary. */
export function nodeHttpCheck(node: string, port: number, path: string): string[] {
  return [
    node,
    "-e",
    `require('http').get('http://127.0.0.1:${port}${path}', (r) => process.exit(r.statusCode >= 200 && r.statusCode < 300 ? 0 : 1)).on('error', () => process.exit(1))`,
  ];
}

/**
 * Renders the node preset: `npm ci --omit=dev` in the builder (which replaces any `node_modules`
 * the context holds; the build secrets mounted on that step, an `npmrc` one as
 * `NPM_CONFIG_USERCONFIG`; under BuildKit npm's cache in a cache mount, else cleaned), and a runtime without npm that
 * receives the program and its production dependencies, owned by root.
 */
export function renderNode(p: ResolvedNodePreset): string {
  return [
    header(p),
    `FROM ${p.builderImage} AS build`,
    "ENV NODE_ENV=production",
    "WORKDIR /build/app",
    "COPY . /build/app",
    removeBuildLeftovers("/build/app", installMounts(p, [NPM_CACHE])),
    ...(p.buildKit === true
      ? [`  && ${secretEnv(p)}npm ci --omit=dev --no-audit --no-fund`]
      : [
          `  && ${secretEnv(p)}npm ci --omit=dev --no-audit --no-fund \\`,
          "  && npm cache clean --force",
        ]),
    "",
    `FROM ${p.runtimeImage}`,
    "ENV NODE_ENV=production",
    "WORKDIR /app",
    "COPY --from=build /build/app /app",
    ...runtimeTail(p),
    `ENTRYPOINT ${execForm([p.node, ...p.command])}`,
    "",
  ].join("\n");
}
