import {
  ResolvedPresetCommon,
  execForm,
  header,
  installMounts,
  removeBuildLeftovers,
  runtimeTail,
  secretEnv,
} from "./render-common";

/** pip's cache directory for root, kept in a cache mount under BuildKit. */
const PIP_CACHE = "/root/.cache/pip";

/** The python preset with every default filled in. */
export interface ResolvedPythonPreset extends ResolvedPresetCommon {
  /** The preset kind. */
  readonly kind: "python";
  /** The builder stage's image, by tag. */
  readonly builderImage: string;
  /** The final stage's image, by tag. */
  readonly runtimeImage: string;
  /** The interpreter's absolute path in the runtime image. */
  readonly python: string;
  /** The requirements file in the context, or null for none. */
  readonly requirements: string | null;
  /** The interpreter's arguments. */
  readonly command: readonly string[];
}

/** The HTTP health check the python preset runs with the runtime's own interpreter. */
export function pythonHttpCheck(python: string, port: number, path: string): string[] {
  return [
    python,
    "-c",
    `import urllib.request; urllib.request.urlopen('http://127.0.0.1:${port}${path}', timeout=2)`,
  ];
}

/**
 * Renders the python preset: a builder that installs the requirements with `pip install --target`
 * (the build secrets mounted on that step, a `pip.conf` one as `PIP_CONFIG_FILE`; under BuildKit
 * pip's cache in a cache mount, else `--no-cache-dir`) and
 * byte-compiles everything, and a runtime without pip that only receives the results, owned
 * by root and read-only for the user.
 */
export function renderPython(p: ResolvedPythonPreset): string {
  const install =
    p.requirements === null
      ? ["RUN mkdir -p /build/site-packages"]
      : [
          `COPY ${p.requirements} /build/requirements.txt`,
          `RUN ${installMounts(p, [PIP_CACHE])}mkdir -p /build/site-packages \\`,
          `  && ${secretEnv(p)}python3 -m pip install ${p.buildKit === true ? "" : "--no-cache-dir "}--no-compile --disable-pip-version-check --target /build/site-packages -r /build/requirements.txt`,
        ];
  return [
    header(p),
    `FROM ${p.builderImage} AS build`,
    "WORKDIR /build",
    ...install,
    "COPY . /build/app",
    removeBuildLeftovers("/build/app"),
    "  && python3 -m compileall -q --invalidation-mode checked-hash /build/app /build/site-packages",
    "",
    `FROM ${p.runtimeImage}`,
    "ENV PYTHONPATH=/app/site-packages PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1",
    "WORKDIR /app",
    "COPY --from=build /build/site-packages /app/site-packages",
    "COPY --from=build /build/app /app",
    ...runtimeTail(p),
    `ENTRYPOINT ${execForm([p.python, ...p.command])}`,
    "",
  ].join("\n");
}
