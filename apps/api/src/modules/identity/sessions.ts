// Sessions the Lucia way: a cookie "id.secret"; the database keeps the id and a SHA-256 of the secret,
// compared in constant time. Sessions slide: used in their second half, they are extended.
import type { Kysely } from 'kysely';
import type { DB, SignInMethod } from '../../db/schema.ts';
import { hash, randomToken, sameHash } from './tokens.ts';

export const SESSION_COOKIE = 'inbreng_session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;

export type SessionRecord = { id: string; personId: string; expiresAt: Date; extended?: boolean };

export async function createSession(
  db: Kysely<DB>,
  personId: string,
  method: SignInMethod,
  device: string,
  now: Date,
): Promise<{ token: string; session: SessionRecord }> {
  const id = randomToken(15);
  const secret = randomToken(20);
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME);
  await db
    .insertInto('session')
    .values({
      id,
      secret_hash: hash(secret),
      person_id: personId,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      device: device.slice(0, 100),
      method,
    })
    .execute();
  return { token: `${id}.${secret}`, session: { id, personId, expiresAt } };
}

/** The session behind a cookie value, extended when past half its life; undefined when not valid. */
export async function validateSessionToken(
  db: Kysely<DB>,
  token: string,
  now: Date,
): Promise<SessionRecord | undefined> {
  const [id, secret, ...rest] = token.split('.');
  if (!id || !secret || rest.length > 0 || id.length > 64 || secret.length > 64) return undefined;
  const row = await db
    .selectFrom('session')
    .select(['id', 'person_id', 'secret_hash', 'expires_at', 'last_seen_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || !sameHash(hash(secret), new Uint8Array(row.secret_hash))) return undefined;
  if (row.expires_at.getTime() <= now.getTime()) {
    await db.deleteFrom('session').where('id', '=', id).execute();
    return undefined;
  }
  let expiresAt = row.expires_at;
  const slide = expiresAt.getTime() - now.getTime() < SESSION_LIFETIME / 2;
  // last_seen_at is written at most once a minute, so a busy page does not write on every request.
  const seenLongAgo = now.getTime() - row.last_seen_at.getTime() > 60_000;
  if (slide || seenLongAgo) {
    if (slide) expiresAt = new Date(now.getTime() + SESSION_LIFETIME);
    await db
      .updateTable('session')
      .set({ expires_at: expiresAt, last_seen_at: now })
      .where('id', '=', id)
      .execute();
  }
  return { id: row.id, personId: row.person_id, expiresAt, extended: slide };
}

/** "Chrome op Windows": enough for a person to recognise a session, nothing to fingerprint them by. */
export function describeDevice(userAgent: string | undefined): string {
  if (!userAgent) return 'Onbekend apparaat';
  const browser =
    [
      ['Edg/', 'Edge'],
      ['Firefox/', 'Firefox'],
      ['Chrome/', 'Chrome'],
      ['Safari/', 'Safari'],
    ].find(([needle]) => userAgent.includes(needle!))?.[1] ?? 'Andere browser';
  const system =
    [
      ['Android', 'Android'],
      ['iPhone', 'iOS'],
      ['iPad', 'iPadOS'],
      ['Windows', 'Windows'],
      ['Mac OS', 'macOS'],
      ['Linux', 'Linux'],
    ].find(([needle]) => userAgent.includes(needle!))?.[1] ?? 'onbekend systeem';
  return `${browser} op ${system}`;
}
