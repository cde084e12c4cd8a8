import { RegistryUnreachableError } from "./errors";

/** What a registry request is about, for error messages. */
export interface RequestTarget {
  /** The image reference as written. */
  readonly reference: string;
  /** The registry host (with port). */
  readonly registry: string;
}

function causeOf(error: unknown, timeoutMs: number): string {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err.name === "TimeoutError" || err.name === "AbortError") {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  const cause = err.cause;
  if (cause?.code === "ECONNREFUSED") {
    return "connection refused (is the registry running and the port right?)";
  }
  if (cause?.code === "ENOTFOUND" || cause?.code === "EAI_AGAIN") {
    return "the host name does not resolve";
  }
  return [cause?.code, cause?.message ?? err.message].filter(Boolean).join(": ");
}

/**
 * `fetch` with a time limit on getting the response headers (the body, such as a large layer, may
 * take longer), turning network failures (refused, unresolvable, TLS, timeout) into
 * `RegistryUnreachableError`. HTTP error statuses are returned, not thrown.
 */
export async function send(
  target: RequestTarget,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException("timeout", "TimeoutError")),
    timeoutMs,
  );
  try {
    return await fetch(url, { ...init, signal: controller.signal });
  } catch (error) {
    throw new RegistryUnreachableError(
      target.reference,
      target.registry,
      url,
      causeOf(error, timeoutMs),
    );
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A short description of an error response: the status and the distribution spec's error codes
 * and messages from the body, e.g. `HTTP 404, MANIFEST_UNKNOWN: manifest unknown`.
 */
export async function describeErrorResponse(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  let detail = "";
  try {
    const body = JSON.parse(text) as { errors?: { code?: string; message?: string }[] };
    detail = (body.errors ?? [])
      .map((e) => [e.code, e.message].filter(Boolean).join(": "))
      .join("; ");
  } catch {
    detail = text.trim().slice(0, 200);
  }
  return `HTTP ${response.status}${detail ? `, ${detail}` : ""}`;
}
