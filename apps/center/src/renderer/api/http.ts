// Talking to the center from a console: JSON calls with the session cookie, and the live feed
// (Server-Sent Events) that pushes the whole view again whenever the hall changes.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The whole error body (e.g. `retryAfterSeconds` of a refused log-in). */
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export async function api<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const json = (await res.json().catch(() => ({}))) as { error?: string; message?: string } & Record<string, unknown>;
  if (!res.ok) throw new ApiError(res.status, json.error ?? 'http-error', json.message ?? res.statusText, json);
  return json as T;
}

/** Opens the live feed; returns a function that closes it. `onState` tells the UI if it is connected. */
export function live<T>(path: string, onData: (v: T) => void, onState: (connected: boolean) => void): () => void {
  const es = new EventSource(path);
  es.onopen = () => onState(true);
  es.onmessage = (m: MessageEvent<string>) => {
    onState(true);
    onData(JSON.parse(m.data) as T);
  };
  // EventSource reconnects by itself; the console shows "reconnecting" meanwhile.
  es.onerror = () => onState(false);
  return () => es.close();
}
