// The wall in the browser: moving a card straight through the API (drag, keyboard), the shape of live
// events, and small helpers the wall's components share. The API decides; this only asks and shows.
import { CardConflict, WallPerson, WallPresence, WallRun, type WallCard } from '@inbreng/shared';
import { z } from 'zod';

/** The target of a move: a cluster's id, or null for "niet ingedeeld". */
export type Target = string | null;

/** The column a card list belongs to, as the cards query names it. */
export const columnKey = (clusterId: string | null) => clusterId ?? 'unsorted';

/** The first words of a card's text, for lists, labels and announcements. */
export function excerpt(text: string, length = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${space > length / 2 ? cut.slice(0, space) : cut}…`;
}

/** "87 %" for a score between 0 and 1. */
export const percent = (score: number) => `${Math.round(score * 100)} %`;

export type MoveResult = { ok: true } | { ok: false; message: string; card?: WallCard };

const ErrorMessage = z.object({ error: z.object({ message: z.string() }) });

/** Moves a card from the browser, naming the version that was seen; a 409 tells who moved it first. */
export async function moveCard(wallId: string, card: WallCard, clusterId: Target): Promise<MoveResult> {
  let reply: Response;
  try {
    reply = await fetch(`/api/walls/${wallId}/cards/${card.id}/move`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ clusterId, expectedVersion: card.version }),
    });
  } catch {
    return { ok: false, message: '' };
  }
  if (reply.ok) return { ok: true };
  const body: unknown = await reply.json().catch(() => undefined);
  const conflict = CardConflict.safeParse(body);
  if (conflict.success)
    return { ok: false, message: conflict.data.error.message, card: conflict.data.error.card };
  const error = ErrorMessage.safeParse(body);
  return { ok: false, message: error.success ? error.data.error.message : '' };
}

/** A live wall event as it arrives: the API adds who did it as a name (or a person). */
export const LiveWallEvent = z.object({
  seq: z.number().int().optional(),
  description: z.string().optional(),
  by: z.union([z.string(), WallPerson]).nullable().optional(),
  cardIds: z.array(z.string()).optional(),
  clusterIds: z.array(z.string()).optional(),
});

export const byName = (by: z.infer<typeof LiveWallEvent>['by']) =>
  typeof by === 'string' ? by : (by?.name ?? undefined);

/** A presence heartbeat's answer or a presence event: who has the wall open. */
export const Presence = WallPresence;

export const LiveRun = WallRun;
