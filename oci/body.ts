import { Readable } from "stream";
import { ReadableStream as NodeReadableStream } from "stream/web";

/**
 * A response body as a Node stream that fails with `stalled()` when the registry sends nothing
 * for `idleMs` while the stream is waiting for data (time the consumer spends elsewhere does not
 * count), and releases the connection when destroyed.
 */
export function guardedBody(
  body: ReadableStream<Uint8Array> | NodeReadableStream<Uint8Array>,
  idleMs: number,
  stalled: () => Error,
): Readable {
  const reader = (body as NodeReadableStream<Uint8Array>).getReader();
  return new Readable({
    read() {
      const timer = setTimeout(() => this.destroy(stalled()), idleMs);
      reader.read().then(
        ({ done, value }) => {
          clearTimeout(timer);
          if (!this.destroyed) {
            this.push(done ? null : Buffer.from(value));
          }
        },
        (error: unknown) => {
          clearTimeout(timer);
          this.destroy(error as Error);
        },
      );
    },
    destroy(error, callback) {
      reader.cancel().catch(() => undefined);
      callback(error);
    },
  });
}

/**
 * Reads `stream` to its end into memory, failing with `tooLarge()` as soon as more than
 * `maxBytes` have arrived and with `stalled()` when the whole body has not arrived within
 * `totalMs`; the stream is destroyed in both cases.
 */
export async function readAllLimited(
  stream: Readable,
  limits: {
    readonly maxBytes: number;
    readonly totalMs: number;
    readonly tooLarge: () => Error;
    readonly stalled: () => Error;
  },
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const timer = setTimeout(() => stream.destroy(limits.stalled()), limits.totalMs);
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > limits.maxBytes) {
        const error = limits.tooLarge();
        stream.destroy(error);
        throw error;
      }
      chunks.push(chunk as Buffer);
    }
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks);
}
