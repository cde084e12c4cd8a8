import { setProgressSink } from "../oci/progress";

/** Milliseconds before the first progress line: work shorter than this prints nothing. */
const DELAY_MS = 1000;
/** Milliseconds between redraws. */
const INTERVAL_MS = 200;
/** Overrides DELAY_MS (tests set 0). */
export const PROGRESS_DELAY_ENV = "HARDENED_PROGRESS_DELAY_MS";

function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/**
 * Shows the progress of `label`'s work on `stream`, one line redrawn in place, from one second on,
 * and clears it when stopped, when the command first writes to stdout, or when the process exits.
 * Prints nothing when the stream is
 * not a TTY or `quiet` is set. Returns the function that stops it.
 */
export function startProgress(
  label: string,
  options: { quiet?: boolean; stream?: NodeJS.WriteStream } = {},
): () => void {
  const stream = options.stream ?? process.stderr;
  if (options.quiet === true || stream.isTTY !== true) {
    return () => undefined;
  }
  const delay = Number(process.env[PROGRESS_DELAY_ENV] ?? DELAY_MS);
  // Progress is drawn with the stream's own write; the command's writes are wrapped (below).
  const draw = stream.write.bind(stream) as (text: string) => boolean;
  const started = Date.now();
  let layers = 0;
  let bytes = 0;
  let resolved = 0;
  let shown = false;
  let lastRender = 0;
  /** The line drawn last shows counts (not just "working"). */
  let countsShown = false;
  const render = () => {
    if (Date.now() - started < (Number.isFinite(delay) ? delay : DELAY_MS)) {
      return;
    }
    const parts: string[] = [];
    if (layers > 0 || bytes > 0)
      parts.push(`${layers} layer${layers === 1 ? "" : "s"} read, ${formatBytes(bytes)}`);
    if (resolved > 0) parts.push(`${resolved} image${resolved === 1 ? "" : "s"} resolved`);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    draw(`\r\x1b[2K${label}: ${parts.length > 0 ? parts.join(", ") : "working"} (${seconds} s)`);
    shown = true;
    countsShown = parts.length > 0;
    lastRender = Date.now();
  };
  // Redrawn on the reader's events (at most every INTERVAL_MS, but at once for the first counts)
  // and on a timer, for the seconds.
  setProgressSink((event) => {
    if (event.kind === "layer") layers++;
    else if (event.kind === "bytes") bytes += event.bytes;
    else resolved++;
    if (!countsShown || Date.now() - lastRender >= INTERVAL_MS) render();
  });
  const timer = setInterval(render, INTERVAL_MS);
  timer.unref();
  const clear = () => {
    if (shown) {
      draw("\r\x1b[2K");
      shown = false;
    }
  };
  process.once("exit", clear);
  // The command's own output ends the progress: the line is cleared before its first write, to
  // stdout or to the progress stream.
  const wrapped = [...new Set([process.stdout, stream])].map((target) => ({
    target,
    write: target.write,
  }));
  const stop = () => {
    clearInterval(timer);
    setProgressSink(undefined);
    process.removeListener("exit", clear);
    for (const { target, write } of wrapped) target.write = write;
    clear();
  };
  for (const { target, write } of wrapped) {
    target.write = function (this: NodeJS.WriteStream, ...args: Parameters<typeof write>) {
      stop();
      return write.apply(this, args);
    } as typeof write;
  }
  return stop;
}
