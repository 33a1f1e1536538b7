// SQL for people, their memberships, sessions and sign-in tokens.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export function findPersonByEmail(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('person')
    .select(['id', 'name', 'email', 'locale'])
    .where('email', '=', email)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
}

export function membershipsOf(db: Kysely<DB>, personId: string) {
  return db
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select([
      'm.id',
      'm.role',
      'o.id as organisationId',
      'o.name as organisationName',
      'o.type as organisationType',
    ])
    .where('m.person_id', '=', personId)
    .orderBy('o.name')
    .orderBy('m.role')
    .execute();
}

export function activeTokensOf(db: Kysely<DB>, personId: string, now: Date) {
  return db
    .selectFrom('sign_in_token')
    .select(['id', 'code_hash'])
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .limit(5)
    .execute();
}

/** Marks a token used; only the first caller gets it back, so a token works exactly once. */
export function useToken(db: Kysely<DB>, where: { id: string } | { linkHash: Uint8Array }, now: Date) {
  let query = db
    .updateTable('sign_in_token')
    .set({ used_at: now })
    .where('used_at', 'is', null)
    .where('expires_at', '>', now);
  query = 'id' in where ? query.where('id', '=', where.id) : query.where('link_hash', '=', where.linkHash);
  return query.returning(['id', 'person_id']).executeTakeFirst();
}

export function sessionsOf(db: Kysely<DB>, personId: string, now: Date) {
  return db
    .selectFrom('session')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'device', 'method'])
    .where('person_id', '=', personId)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();
}
