// SQL for organisations and the people in them.
import { sql, type Kysely } from 'kysely';
import { containing } from '../../db/like.ts';
import type { DB, OrganisationType, RoleName } from '../../db/schema.ts';

export type OrganisationFilter = { type?: OrganisationType; q?: string; limit: number; offset: number };

function organisationsWhere(db: Kysely<DB>, filter: Omit<OrganisationFilter, 'limit' | 'offset'>) {
  let query = db.selectFrom('organisation as o');
  if (filter.type) query = query.where('o.type', '=', filter.type);
  if (filter.q)
    query = query.where((eb) =>
      eb.or([eb('o.name', 'ilike', containing(filter.q!)), eb('o.slug', 'ilike', containing(filter.q!))]),
    );
  return query;
}

export function listOrganisations(db: Kysely<DB>, filter: OrganisationFilter) {
  return organisationsWhere(db, filter)
    .select(['o.id', 'o.slug', 'o.name', 'o.type'])
    .select((eb) =>
      eb
        .selectFrom('membership as m')
        .select(sql<number>`count(DISTINCT m.person_id)::int`.as('n'))
        .whereRef('m.organisation_id', '=', 'o.id')
        .as('memberCount'),
    )
    .orderBy('o.type')
    .orderBy('o.name')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

export async function countOrganisations(
  db: Kysely<DB>,
  filter: Omit<OrganisationFilter, 'limit' | 'offset'>,
) {
  const row = await organisationsWhere(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findOrganisation(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('organisation as o')
    .select(['o.id', 'o.slug', 'o.name', 'o.type'])
    .select((eb) =>
      eb
        .selectFrom('membership as m')
        .select(sql<number>`count(DISTINCT m.person_id)::int`.as('n'))
        .whereRef('m.organisation_id', '=', 'o.id')
        .as('memberCount'),
    )
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export type PersonFilter = {
  q?: string;
  organisationId?: string;
  role?: RoleName;
  limit: number;
  offset: number;
};

function peopleWhere(db: Kysely<DB>, filter: Omit<PersonFilter, 'limit' | 'offset'>) {
  let query = db.selectFrom('person as p').where('p.erased_at', 'is', null);
  if (filter.q)
    query = query.where((eb) =>
      eb.or([eb('p.name', 'ilike', containing(filter.q!)), eb('p.email', 'ilike', containing(filter.q!))]),
    );
  if (filter.organisationId || filter.role) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('membership as m')
          .select('m.id')
          .whereRef('m.person_id', '=', 'p.id')
          .$if(Boolean(filter.organisationId), (q) =>
            q.where('m.organisation_id', '=', filter.organisationId!),
          )
          .$if(Boolean(filter.role), (q) => q.where('m.role', '=', filter.role!)),
      ),
    );
  }
  return query;
}

export function listPeople(db: Kysely<DB>, filter: PersonFilter) {
  return peopleWhere(db, filter)
    .select(['p.id', 'p.name', 'p.email', 'p.last_sign_in_at', 'p.erased_at'])
    .orderBy(sql`lower(p.name)`)
    .orderBy('p.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

export async function countPeople(db: Kysely<DB>, filter: Omit<PersonFilter, 'limit' | 'offset'>) {
  const row = await peopleWhere(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findPerson(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('person')
    .select(['id', 'name', 'email', 'last_sign_in_at', 'erased_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function membershipsOfMany(db: Kysely<DB>, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select([
      'm.id',
      'm.person_id',
      'm.role',
      'o.id as organisationId',
      'o.name as organisationName',
      'o.type as organisationType',
    ])
    .where('m.person_id', 'in', personIds)
    .orderBy('o.name')
    .orderBy('m.role')
    .execute();
}
