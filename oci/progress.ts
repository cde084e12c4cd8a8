/**
 * Progress of long work (image layers read, registry look-ups) for a front end to show. The readers
 * report to whatever sink is set, once per process; with none set, reporting does nothing.
 */
export type ProgressEvent =
  | { readonly kind: "layer"; readonly what: string }
  | { readonly kind: "bytes"; readonly bytes: number }
  | { readonly kind: "resolved"; readonly reference: string };

export type ProgressSink = (event: ProgressEvent) => void;

let sink: ProgressSink | undefined;

/** Sets (or, with undefined, clears) where progress goes. */
export function setProgressSink(next: ProgressSink | undefined): void {
  sink = next;
}

/** Reports progress to the sink, if any. */
export function reportProgress(event: ProgressEvent): void {
  sink?.(event);
}
