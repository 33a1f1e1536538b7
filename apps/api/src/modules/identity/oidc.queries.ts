// SQL for OpenID Connect sign-in: finding, linking and creating the person behind a Hecht account.
import type { Kysely } from 'kysely';
import type { DB, RoleName } from '../../db/schema.ts';

export function findPersonBySubject(db: Kysely<DB>, subject: string) {
  return db
    .selectFrom('person')
    .select(['id'])
    .where('oidc_subject', '=', subject)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
}

export function findPersonByEmail(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('person')
    .select(['id', 'oidc_subject'])
    .where('email', '=', email)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
}

export async function linkSubject(db: Kysely<DB>, personId: string, subject: string) {
  await db.updateTable('person').set({ oidc_subject: subject }).where('id', '=', personId).execute();
}

export function findOrganisationBySlug(db: Kysely<DB>, slug: string) {
  return db.selectFrom('organisation').select(['id']).where('slug', '=', slug).executeTakeFirst();
}

export async function createPerson(
  db: Kysely<DB>,
  person: { email: string; name: string | null; subject: string },
): Promise<string> {
  const { id } = await db
    .insertInto('person')
    .values({ email: person.email, name: person.name, oidc_subject: person.subject })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function addMembership(
  db: Kysely<DB>,
  membership: { personId: string; organisationId: string; role: RoleName },
): Promise<string> {
  const { id } = await db
    .insertInto('membership')
    .values({
      person_id: membership.personId,
      organisation_id: membership.organisationId,
      role: membership.role,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
