import { existsSync } from "fs";
import { join } from "path";
import { InvalidImageReferenceError, parseImageReference } from "../../rules/image-reference";
import { HardenedImageArgsError } from "./errors";
import {
  GoPresetArgs,
  ImagePreset,
  NodePresetArgs,
  PRESET_KINDS,
  PythonPresetArgs,
} from "./preset-args";
import { ResolvedPresetCommon } from "./render-common";
import { GO_BINARY, ResolvedGoPreset } from "./render-go";
import { ResolvedNodePreset, nodeHttpCheck } from "./render-node";
import { ResolvedPythonPreset, pythonHttpCheck } from "./render-python";

/** A preset with every default filled in and every value checked. */
export type ResolvedPreset = ResolvedPythonPreset | ResolvedGoPreset | ResolvedNodePreset;

/** The public images the presets use unless told otherwise. */
export const PRESET_DEFAULT_IMAGES = {
  python: {
    builder: "python:3.11-slim-bookworm",
    runtime: "gcr.io/distroless/python3-debian12:nonroot",
  },
  go: { builder: "golang:1.23-bookworm", runtime: "gcr.io/distroless/static-debian12:nonroot" },
  node: {
    builder: "node:22-bookworm-slim",
    runtime: "gcr.io/distroless/nodejs22-debian12:nonroot",
  },
} as const;

/** The user distroless images call `nonroot`. */
const NONROOT_ID = 65532;
const MAX_ID = 2147483647;
const DURATION = /^\d+(\.\d+)?(ms|s|m|h)$/;

interface Context {
  readonly owner: string;
  readonly contextDir: string;
}

function fail(ctx: Context, arg: string, problem: string): never {
  throw new HardenedImageArgsError(ctx.owner, `args.preset.${arg}`, problem);
}

function id(ctx: Context, arg: string, value: unknown, fallback: number): number {
  if (value === undefined) {
    return fallback;
  }
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_ID) {
    fail(
      ctx,
      arg,
      `expected a non-zero numeric id (1 to ${MAX_ID}; 0 is root), got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function image(ctx: Context, arg: string, value: unknown, fallback: string): string {
  if (value === undefined) {
    return fallback;
  }
  if (typeof value !== "string") {
    fail(ctx, arg, `expected an image reference string, got ${JSON.stringify(value)}`);
  }
  try {
    parseImageReference(value);
  } catch (error) {
    if (error instanceof InvalidImageReferenceError) {
      fail(ctx, arg, error.message);
    }
    throw error;
  }
  return value;
}

function words(ctx: Context, arg: string, value: unknown, fallback: readonly string[]): string[] {
  if (value === undefined) {
    return [...fallback];
  }
  if (!Array.isArray(value) || value.some((w) => typeof w !== "string")) {
    fail(ctx, arg, `expected an array of strings (exec form), got ${JSON.stringify(value)}`);
  }
  return [...(value as string[])];
}

function absolutePath(ctx: Context, arg: string, value: unknown, fallback: string): string {
  if (value === undefined) {
    return fallback;
  }
  if (typeof value !== "string" || !value.startsWith("/")) {
    fail(ctx, arg, `expected an absolute path in the runtime image, got ${JSON.stringify(value)}`);
  }
  return value;
}

function contextFile(
  ctx: Context,
  arg: string,
  value: unknown,
  fallback: string | null,
): string | null {
  const file = value === undefined ? fallback : value;
  if (file === null) {
    return null;
  }
  if (
    typeof file !== "string" ||
    file === "" ||
    file.startsWith("/") ||
    file.split("/").includes("..")
  ) {
    fail(ctx, arg, `expected a path relative to the build context, got ${JSON.stringify(file)}`);
  }
  if (!existsSync(join(ctx.contextDir, file))) {
    fail(
      ctx,
      arg,
      `"${file}" does not exist in the build context ${ctx.contextDir}${arg === "requirements" ? "; set requirements: null when the program needs only the standard library" : ""}`,
    );
  }
  return file;
}

function common(
  ctx: Context,
  preset: ImagePreset,
  defaultCheck: (port: number, path: string) => readonly string[],
): ResolvedPresetCommon {
  const uid = id(ctx, "uid", preset.uid, NONROOT_ID);
  const gid = id(ctx, "gid", preset.gid, NONROOT_ID);
  const port = preset.port ?? 8080;
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    fail(
      ctx,
      "port",
      `expected a port from 1024 to 65535 (the user is not root, so it cannot bind below 1024), got ${JSON.stringify(port)}`,
    );
  }
  const h = preset.healthcheck ?? {};
  const path = h.path ?? "/healthz";
  if (typeof path !== "string" || !path.startsWith("/") || /['\\\s]/.test(path)) {
    fail(
      ctx,
      "healthcheck.path",
      `expected a URL path starting with "/" without quotes, backslashes or spaces, got ${JSON.stringify(path)}`,
    );
  }
  const timing = {
    interval: h.interval ?? "30s",
    timeout: h.timeout ?? "3s",
    startPeriod: h.startPeriod ?? "5s",
    retries: h.retries ?? 3,
  };
  for (const key of ["interval", "timeout", "startPeriod"] as const) {
    if (!DURATION.test(timing[key])) {
      fail(
        ctx,
        `healthcheck.${key}`,
        `expected a duration such as "30s" or "500ms", got ${JSON.stringify(timing[key])}`,
      );
    }
  }
  if (!Number.isInteger(timing.retries) || timing.retries < 1) {
    fail(
      ctx,
      "healthcheck.retries",
      `expected a positive integer, got ${JSON.stringify(timing.retries)}`,
    );
  }
  const command = words(ctx, "healthcheck.command", h.command, defaultCheck(port, path));
  if (command.length === 0) {
    fail(ctx, "healthcheck.command", "expected at least the program to run, got []");
  }
  return { uid, gid, port, healthcheckCommand: command, healthcheckTiming: timing };
}

function python(ctx: Context, p: PythonPresetArgs): ResolvedPythonPreset {
  const interpreter = absolutePath(ctx, "python", p.python, "/usr/bin/python3");
  return {
    ...common(ctx, p, (port, path) => pythonHttpCheck(interpreter, port, path)),
    kind: "python",
    builderImage: image(ctx, "builderImage", p.builderImage, PRESET_DEFAULT_IMAGES.python.builder),
    runtimeImage: image(ctx, "runtimeImage", p.runtimeImage, PRESET_DEFAULT_IMAGES.python.runtime),
    python: interpreter,
    requirements: contextFile(ctx, "requirements", p.requirements, "requirements.txt"),
    command: words(ctx, "command", p.command, ["main.py"]),
  };
}

function go(ctx: Context, p: GoPresetArgs): ResolvedGoPreset {
  if (p.kind === "static" && p.runtimeImage !== undefined) {
    fail(
      ctx,
      "runtimeImage",
      `the static preset always ends FROM scratch; use kind: "go" to choose a runtime image`,
    );
  }
  const pkg = p.package ?? ".";
  if (typeof pkg !== "string" || !/^\.(\/[\w.\-/]*)?$/.test(pkg)) {
    fail(
      ctx,
      "package",
      `expected a package path relative to the context, such as "." or "./cmd/server", got ${JSON.stringify(pkg)}`,
    );
  }
  return {
    ...common(ctx, p, () => [GO_BINARY, "-healthcheck"]),
    kind: p.kind,
    builderImage: image(ctx, "builderImage", p.builderImage, PRESET_DEFAULT_IMAGES.go.builder),
    runtimeImage:
      p.kind === "static"
        ? "scratch"
        : image(ctx, "runtimeImage", p.runtimeImage, PRESET_DEFAULT_IMAGES.go.runtime),
    package: pkg,
    args: words(ctx, "args", p.args, []),
  };
}

function node(ctx: Context, p: NodePresetArgs): ResolvedNodePreset {
  const binary = absolutePath(ctx, "node", p.node, "/nodejs/bin/node");
  if (!existsSync(join(ctx.contextDir, "package-lock.json"))) {
    fail(
      ctx,
      "kind",
      `the node preset runs npm ci, which needs package-lock.json in the build context ${ctx.contextDir}; run npm install there to create it`,
    );
  }
  return {
    ...common(ctx, p, (port, path) => nodeHttpCheck(binary, port, path)),
    kind: "node",
    builderImage: image(ctx, "builderImage", p.builderImage, PRESET_DEFAULT_IMAGES.node.builder),
    runtimeImage: image(ctx, "runtimeImage", p.runtimeImage, PRESET_DEFAULT_IMAGES.node.runtime),
    node: binary,
    command: words(ctx, "command", p.command, ["index.js"]),
  };
}

/**
 * Fills in a preset's defaults and checks every value; throws `HardenedImageArgsError` naming the
 * argument (`args.preset.uid`, ...) for an unknown kind, a root or non-numeric id, a privileged
 * port, a malformed image, or a file the preset needs that the context does not hold.
 */
export function resolvePreset(
  owner: string,
  contextDir: string,
  preset: ImagePreset,
): ResolvedPreset {
  const ctx = { owner, contextDir };
  const kind = (preset as { kind?: unknown }).kind;
  switch (kind) {
    case "python":
      return python(ctx, preset as PythonPresetArgs);
    case "go":
    case "static":
      return go(ctx, preset as GoPresetArgs);
    case "node":
      return node(ctx, preset as NodePresetArgs);
    default:
      return fail(
        ctx,
        "kind",
        `unknown preset ${JSON.stringify(kind)}; expected one of ${PRESET_KINDS.join(", ")}`,
      );
  }
}
