import { HistoryEntry, ImageConfig, ImageHealthcheck } from "../rules/image/model";
import { ImageReadError } from "./errors";

/** What an image config blob says, in the model's terms. */
export interface ParsedConfig {
  /** The runtime configuration. */
  readonly config: ImageConfig;
  /** The build history. */
  readonly history: HistoryEntry[];
  /** `os/architecture[/variant]`. */
  readonly platform: string;
  /** The uncompressed layer digests (`rootfs.diff_ids`). */
  readonly diffIds: string[];
}

type Json = Record<string, unknown>;

const NANOSECONDS = 1e9;

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function keys(value: unknown): string[] {
  return value !== null && typeof value === "object" ? Object.keys(value) : [];
}

function healthcheckOf(value: unknown): ImageHealthcheck | undefined {
  if (value === null || typeof value !== "object") {
    return undefined;
  }
  const h = value as Json;
  const test = strings(h.Test);
  if (test.length === 0) {
    return undefined;
  }
  const seconds = (v: unknown, fallback: number) =>
    typeof v === "number" && v > 0 ? v / NANOSECONDS : fallback;
  return {
    test,
    startPeriodSeconds: seconds(h.StartPeriod, 0),
    intervalSeconds: seconds(h.Interval, 30),
    retries: typeof h.Retries === "number" && h.Retries > 0 ? h.Retries : 3,
  };
}

/** Parses an image config blob (OCI or Docker). */
export function parseImageConfig(bytes: Buffer, origin: string): ParsedConfig {
  let json: Json;
  try {
    json = JSON.parse(bytes.toString("utf8")) as Json;
  } catch {
    throw new ImageReadError(origin, "the image config is not JSON");
  }
  const c = (json.config ?? {}) as Json;
  const labels = (c.Labels ?? {}) as Record<string, unknown>;
  const healthcheck = healthcheckOf(c.Healthcheck);
  const history = Array.isArray(json.history) ? (json.history as Json[]) : [];
  const rootfs = (json.rootfs ?? {}) as Json;
  return {
    config: {
      user: typeof c.User === "string" ? c.User : "",
      env: strings(c.Env),
      entrypoint: strings(c.Entrypoint),
      cmd: strings(c.Cmd),
      ...(healthcheck !== undefined ? { healthcheck } : {}),
      exposedPorts: keys(c.ExposedPorts),
      volumes: keys(c.Volumes),
      labels: Object.fromEntries(
        Object.entries(labels).filter((e): e is [string, string] => typeof e[1] === "string"),
      ),
    },
    history: history.map((h) => ({
      createdBy: typeof h.created_by === "string" ? h.created_by : "",
      emptyLayer: h.empty_layer === true,
    })),
    platform: [json.os, json.architecture, json.variant]
      .filter((p): p is string => typeof p === "string" && p !== "")
      .join("/"),
    diffIds: strings(rootfs.diff_ids),
  };
}
