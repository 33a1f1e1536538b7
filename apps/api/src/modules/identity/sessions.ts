// Sessions the Lucia way: a cookie "id.secret"; the database keeps the id and a SHA-256 of the secret,
// compared in constant time. Sessions slide: used in their second half, they are extended.
import { sql, type Kysely } from 'kysely';
import type { DB, OrganisationType, RoleName, SignInMethod } from '../../db/schema.ts';
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

export type SessionMembership = {
  id: string;
  role: RoleName;
  organisationId: string;
  organisationName: string;
  organisationType: OrganisationType;
};

export type ValidSession = SessionRecord & {
  person: { name: string | null; email: string | null; locale: 'nl' | 'en' };
  memberships: SessionMembership[];
};

/**
 * The session behind a cookie value, with its person and memberships, in one query (every signed-in
 * request pays for this, so it is one round trip). Extended when past half its life; undefined when
 * not valid.
 */
export async function validateSessionToken(
  db: Kysely<DB>,
  token: string,
  now: Date,
): Promise<ValidSession | undefined> {
  const [id, secret, ...rest] = token.split('.');
  if (!id || !secret || rest.length > 0 || id.length > 64 || secret.length > 64) return undefined;
  const { rows } = await sql<{
    id: string;
    secret_hash: Uint8Array;
    expires_at: Date;
    last_seen_at: Date;
    person_id: string;
    name: string | null;
    email: string | null;
    locale: 'nl' | 'en';
    erased_at: Date | null;
    memberships: SessionMembership[];
  }>`
    SELECT s.id, s.secret_hash, s.expires_at, s.last_seen_at, p.id AS person_id, p.name, p.email, p.locale,
           p.erased_at,
           COALESCE((
             SELECT json_agg(json_build_object('id', m.id, 'role', m.role, 'organisationId', o.id,
                      'organisationName', o.name, 'organisationType', o.type) ORDER BY o.name, m.role)
             FROM membership m JOIN organisation o ON o.id = m.organisation_id
             WHERE m.person_id = p.id), '[]'::json) AS memberships
    FROM session s JOIN person p ON p.id = s.person_id
    WHERE s.id = ${id}`.execute(db);
  const row = rows[0];
  if (!row || row.erased_at || !sameHash(hash(secret), new Uint8Array(row.secret_hash))) return undefined;
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
  return {
    id: row.id,
    personId: row.person_id,
    expiresAt,
    extended: slide,
    person: { name: row.name, email: row.email, locale: row.locale },
    memberships: row.memberships,
  };
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
