/** The health check a preset writes as an exec-form `HEALTHCHECK`. */
export interface PresetHealthcheck {
  /**
   * HTTP path the check requests on `http://127.0.0.1:<port>`; a 2xx answer is healthy. Used by the
   * `python` and `node` presets, whose runtime runs the request with its own interpreter (there is
   * no shell and no curl in the image).
   * @default "/healthz"
   */
  readonly path?: string;
  /**
   * The check as an exec-form command, replacing the preset's own. It must be a program in the
   * final image: there is no shell.
   * @default python/node: an HTTP GET of `path` by the interpreter; go/static: `["/app", "-healthcheck"]`
   */
  readonly command?: readonly string[];
  /**
   * Time between checks (`--interval`).
   * @default "30s"
   */
  readonly interval?: string;
  /**
   * Time one check may take (`--timeout`).
   * @default "3s"
   */
  readonly timeout?: string;
  /**
   * Grace period after start (`--start-period`).
   * @default "5s"
   */
  readonly startPeriod?: string;
  /**
   * Consecutive failures before the container is unhealthy (`--retries`).
   * @default 3
   */
  readonly retries?: number;
}

/** What every preset accepts. */
export interface PresetCommonArgs {
  /**
   * Numeric user id the final stage runs as (`USER uid:gid`); must not be 0.
   * @default 65532 (distroless `nonroot`)
   */
  readonly uid?: number;
  /**
   * Numeric group id the final stage runs as.
   * @default 65532
   */
  readonly gid?: number;
  /**
   * The port the program listens on: `EXPOSE`d and used by the HTTP health check. Must be 1024 or
   * above (the user is not root).
   * @default 8080
   */
  readonly port?: number;
  /**
   * The health check.
   * @default see {@link PresetHealthcheck}
   */
  readonly healthcheck?: PresetHealthcheck;
}

/**
 * A Python program: the builder installs `requirements` with `pip install --target` and byte-
 * compiles the program and its dependencies with `python -m compileall`; the runtime (distroless
 * Python by default) has neither pip nor setuptools nor wheel, and runs
 * `<python> <command...>` in `/app`.
 */
export interface PythonPresetArgs extends PresetCommonArgs {
  /** Selects this preset. */
  readonly kind: "python";
  /**
   * The builder stage's image; it needs `python -m pip`. Its Python minor version must be the
   * runtime's (distroless python3-debian12 is Python 3.11).
   * @default "python:3.11-slim-bookworm"
   */
  readonly builderImage?: string;
  /**
   * The final stage's image.
   * @default "gcr.io/distroless/python3-debian12:nonroot"
   */
  readonly runtimeImage?: string;
  /**
   * The interpreter's absolute path in the runtime image.
   * @default "/usr/bin/python3"
   */
  readonly python?: string;
  /**
   * The requirements file, relative to the context, or null when the program needs only the
   * standard library (then pip does not run).
   * @default "requirements.txt"
   */
  readonly requirements?: string | null;
  /**
   * The interpreter's arguments: a script relative to `/app` or `-m <module>`.
   * @default ["main.py"]
   */
  readonly command?: readonly string[];
}

/**
 * A Go program built with `CGO_ENABLED=0 go build -trimpath -ldflags "-w -s"` into one static
 * binary, `/app`. `go` runs it on distroless static (`nonroot`); `static` runs it `FROM scratch`
 * with `/etc/passwd` and `/etc/group` entries for the user and the builder's CA bundle.
 */
export interface GoPresetArgs extends PresetCommonArgs {
  /** Selects this preset: `go` (distroless static) or `static` (scratch). */
  readonly kind: "go" | "static";
  /**
   * The builder stage's image.
   * @default "golang:1.23-bookworm"
   */
  readonly builderImage?: string;
  /**
   * The final stage's image (`go` only; `static` is always scratch).
   * @default "gcr.io/distroless/static-debian12:nonroot"
   */
  readonly runtimeImage?: string;
  /**
   * The package to build, relative to the context.
   * @default "."
   */
  readonly package?: string;
  /**
   * Arguments given to the program (`CMD`).
   * @default []
   */
  readonly args?: readonly string[];
}

/**
 * A Node.js program: the builder runs `npm ci --omit=dev` (a `package-lock.json` is required); the
 * runtime (distroless Node.js by default) has no npm and runs `<node> <command...>` in `/app`.
 */
export interface NodePresetArgs extends PresetCommonArgs {
  /** Selects this preset. */
  readonly kind: "node";
  /**
   * The builder stage's image; it needs npm. Its Node.js major version should be the runtime's.
   * @default "node:22-bookworm-slim"
   */
  readonly builderImage?: string;
  /**
   * The final stage's image.
   * @default "gcr.io/distroless/nodejs22-debian12:nonroot"
   */
  readonly runtimeImage?: string;
  /**
   * The node binary's absolute path in the runtime image.
   * @default "/nodejs/bin/node"
   */
  readonly node?: string;
  /**
   * Node's arguments: the entry script relative to `/app`.
   * @default ["index.js"]
   */
  readonly command?: readonly string[];
}

/** A preset: a hardened multi-stage Dockerfile rendered for a kind of program. */
export type ImagePreset = PythonPresetArgs | GoPresetArgs | NodePresetArgs;

/** The preset kinds. */
export const PRESET_KINDS: readonly ImagePreset["kind"][] = ["python", "go", "static", "node"];
