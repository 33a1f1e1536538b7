// SQL for invitations, and for the person and membership an accepted invitation creates.
import type { InvitationState } from '@inbreng/shared';
import { type Kysely, sql } from 'kysely';
import { containing } from '../../db/like.ts';
import type { DB, RoleName } from '../../db/schema.ts';

export type InvitationKey = { email: string; organisationId: string; role: RoleName };
export type InvitationFilter = { state?: InvitationState | undefined; q?: string | undefined };

const viewColumns = [
  'i.id',
  'i.email',
  'i.name',
  'i.organisation_id',
  'o.name as organisation_name',
  'i.role',
  'i.state',
  'i.created_at',
  'i.expires_at',
  'i.sent_count',
  'i.last_sent_at',
] as const;

export function findOrganisation(db: Kysely<DB>, id: string) {
  return db.selectFrom('organisation').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export function allOrganisations(db: Kysely<DB>) {
  return db.selectFrom('organisation').select(['id', 'slug', 'name']).execute();
}

export function peopleByEmail(db: Kysely<DB>, emails: string[]) {
  if (emails.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('person')
    .select(['id', 'email', 'name', 'locale'])
    .where('email', 'in', emails)
    .where('erased_at', 'is', null)
    .$narrowType<{ email: string }>()
    .execute();
}

/** The memberships held by the people with these addresses, as (email, organisation, role). */
export function membershipsByEmail(db: Kysely<DB>, emails: string[]) {
  if (emails.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['p.email', 'm.organisation_id as organisationId', 'm.role'])
    .where('p.email', 'in', emails)
    .$narrowType<{ email: string }>()
    .execute();
}

/** A new invitation per row; rows whose open invitation appeared meanwhile are left out of the result. */
export function insertInvitations(
  db: Kysely<DB>,
  rows: Array<InvitationKey & { name: string | null; tokenHash: Uint8Array }>,
  at: { invitedBy: string; expiresAt: Date; now: Date },
) {
  if (rows.length === 0) return Promise.resolve([]);
  return db
    .insertInto('invitation')
    .values(
      rows.map((row) => ({
        email: row.email,
        name: row.name,
        organisation_id: row.organisationId,
        role: row.role,
        token_hash: row.tokenHash,
        invited_by: at.invitedBy,
        created_at: at.now,
        expires_at: at.expiresAt,
        last_sent_at: at.now,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['email', 'organisation_id', 'role']).where('state', '=', 'open').doNothing(),
    )
    .returning(['id', 'email', 'organisation_id as organisationId', 'role', 'name'])
    .execute();
}

/**
 * A new token and expiry for the open (possibly expired) invitation of each row, if it has one; a
 * name given now fills in or replaces the old one. Returns the invitations renewed.
 */
export async function renewOpenInvitations(
  db: Kysely<DB>,
  rows: Array<InvitationKey & { name: string | null; tokenHash: Uint8Array }>,
  at: { expiresAt: Date; now: Date },
) {
  if (rows.length === 0) return [];
  const values = sql.join(
    rows.map(
      (r) => sql`(${r.email}, ${r.organisationId}::uuid, ${r.role}, ${r.tokenHash}::bytea, ${r.name}::text)`,
    ),
  );
  const result = await sql<InvitationKey & { id: string; name: string | null }>`
    UPDATE invitation AS i
    SET token_hash = v.token_hash, expires_at = ${at.expiresAt}, sent_count = i.sent_count + 1,
      last_sent_at = ${at.now}, name = coalesce(v.name, i.name)
    FROM (VALUES ${values}) AS v (email, organisation_id, role, token_hash, name)
    WHERE i.state = 'open' AND i.email = v.email AND i.organisation_id = v.organisation_id AND i.role = v.role
    RETURNING i.id, i.email, i.organisation_id AS "organisationId", i.role, i.name`.execute(db);
  return result.rows;
}

/** A new token and expiry for one open (possibly expired) invitation. */
export function renewInvitation(
  db: Kysely<DB>,
  id: string,
  at: { tokenHash: Uint8Array; expiresAt: Date; now: Date },
) {
  return db
    .updateTable('invitation')
    .set((eb) => ({
      token_hash: at.tokenHash,
      expires_at: at.expiresAt,
      sent_count: eb('sent_count', '+', 1),
      last_sent_at: at.now,
    }))
    .where('id', '=', id)
    .where('state', '=', 'open')
    .execute();
}

export function findInvitationForUpdate(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('invitation')
    .select(['id', 'email', 'name', 'organisation_id', 'role', 'state'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function revokeInvitation(db: Kysely<DB>, id: string) {
  return db.updateTable('invitation').set({ state: 'revoked' }).where('id', '=', id).execute();
}

export function invitationView(db: Kysely<DB>, where: { id: string } | { tokenHash: Uint8Array }) {
  const query = db
    .selectFrom('invitation as i')
    .innerJoin('organisation as o', 'o.id', 'i.organisation_id')
    .select(viewColumns);
  return (
    'id' in where ? query.where('i.id', '=', where.id) : query.where('i.token_hash', '=', where.tokenHash)
  ).executeTakeFirst();
}

export type InvitationViewRow = NonNullable<Awaited<ReturnType<typeof invitationView>>>;

function matching(db: Kysely<DB>, filter: InvitationFilter, now: Date) {
  let query = db.selectFrom('invitation as i').innerJoin('organisation as o', 'o.id', 'i.organisation_id');
  // "open" and "expired" are both stored as open; the expiry tells them apart.
  if (filter.state === 'open') query = query.where('i.state', '=', 'open').where('i.expires_at', '>', now);
  else if (filter.state === 'expired') {
    query = query.where('i.state', '=', 'open').where('i.expires_at', '<=', now);
  } else if (filter.state) query = query.where('i.state', '=', filter.state);
  if (filter.q) {
    const pattern = containing(filter.q);
    query = query.where((eb) => eb.or([eb('i.email', 'ilike', pattern), eb('i.name', 'ilike', pattern)]));
  }
  return query;
}

export function listInvitations(
  db: Kysely<DB>,
  filter: InvitationFilter,
  page: { now: Date; limit: number; offset: number },
) {
  return matching(db, filter, page.now)
    .select(viewColumns)
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countInvitations(db: Kysely<DB>, filter: InvitationFilter, now: Date): Promise<number> {
  const row = await matching(db, filter, now)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the invitation accepted if it still may be: only the first of two simultaneous calls gets it. */
export function claimInvitation(db: Kysely<DB>, tokenHash: Uint8Array, now: Date) {
  return db
    .updateTable('invitation')
    .set({ state: 'accepted', accepted_at: now })
    .where('token_hash', '=', tokenHash)
    .where('state', '=', 'open')
    .where('expires_at', '>', now)
    .returning(['id', 'email', 'organisation_id', 'role'])
    .executeTakeFirst();
}

export function setAcceptedBy(db: Kysely<DB>, id: string, personId: string) {
  return db.updateTable('invitation').set({ accepted_by: personId }).where('id', '=', id).execute();
}

/** The person with this address, created with this name when there is none; a missing name is filled in. */
export async function findOrCreatePerson(db: Kysely<DB>, email: string, name: string): Promise<string> {
  const created = await db
    .insertInto('person')
    .values({ email, name })
    .onConflict((oc) => oc.column('email').where('email', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (created) return created.id;
  const existing = await db
    .updateTable('person')
    .set((eb) => ({ name: eb.fn.coalesce('name', eb.val(name)) }))
    .where('email', '=', email)
    .returning('id')
    .executeTakeFirstOrThrow();
  return existing.id;
}

/** Adds the membership; undefined when the person already had it. */
export function addMembership(db: Kysely<DB>, personId: string, organisationId: string, role: RoleName) {
  return db
    .insertInto('membership')
    .values({ person_id: personId, organisation_id: organisationId, role })
    .onConflict((oc) => oc.columns(['person_id', 'organisation_id', 'role']).doNothing())
    .returning('id')
    .executeTakeFirst();
}
