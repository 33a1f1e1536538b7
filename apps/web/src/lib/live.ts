// Live updates in the browser: follows one topic of the API's Server-Sent Events (same origin, the
// session cookie goes along). Returns the function that stops following, so it fits an $effect.
export type LiveEvent = { type: string; data: Record<string, unknown> };

export function follow(
  topic: string,
  types: readonly string[],
  onEvent: (event: LiveEvent) => void,
  /** After the connection came back: events may have been missed, so the page should look again. */
  onReconnect?: () => void,
): () => void {
  const source = new EventSource(`/api/events?${new URLSearchParams({ topic })}`);
  let opened = false;
  source.addEventListener('open', () => {
    if (opened) onReconnect?.();
    opened = true;
  });
  const listener = (message: MessageEvent<string>) => {
    let data: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(message.data);
      if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
    } catch {
      // A message without JSON still says something changed.
    }
    onEvent({ type: message.type, data });
  };
  // Named events (event: <type>) reach only their own listeners; unnamed ones reach 'message'.
  for (const type of new Set([...types, 'message'])) source.addEventListener(type, listener);
  return () => source.close();
}

/** A string field of an event's data, or undefined. */
export const textOf = (data: Record<string, unknown>, key: string): string | undefined =>
  typeof data[key] === 'string' ? data[key] : undefined;
