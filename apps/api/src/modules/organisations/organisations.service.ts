// Organisations and the people in them, as the programme team and the beheerder see and manage them.
import type {
  MembershipInput,
  Organisation,
  OrganisationInput,
  OrganisationQuery,
  Page,
  PersonQuery,
  PersonSummary,
} from '@inbreng/shared';
import type { Kysely } from 'kysely';
import { assertMayGrantRole } from '../../access/policy.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { SignedInActor } from '../../plugins/access.ts';
import { audit } from '../audit/audit.ts';
import * as q from './organisations.queries.ts';

/** "Gemeente Kaag en Braassem" → "gemeente-kaag-en-braassem"; accents dropped. */
export function slugify(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'organisatie'
  );
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const DUPLICATE = 'Er bestaat al een organisatie met (bijna) deze naam.';

export function createOrganisationsService(db: Kysely<DB>, now: () => Date) {
  async function summaries(rows: Awaited<ReturnType<typeof q.listPeople>>): Promise<PersonSummary[]> {
    const memberships = await q.membershipsOfMany(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      lastSignInAt: iso(r.last_sign_in_at),
      erased: r.erased_at !== null,
      memberships: memberships.filter((m) => m.person_id === r.id).map(({ person_id: _, ...m }) => m),
    }));
  }

  async function organisation(id: string): Promise<Organisation> {
    const row = await q.findOrganisation(db, id);
    if (!row) throw notFound('Deze organisatie bestaat niet (meer).');
    return { ...row, memberCount: row.memberCount ?? 0 };
  }

  async function person(actor: SignedInActor, id: string): Promise<PersonSummary> {
    const row = await q.findPerson(db, id);
    if (!row) throw notFound('Deze persoon bestaat niet (meer).');
    // Looking at someone's details is a view of personal data: the AVG wants it on record.
    await audit(db, {
      actorId: actor.personId,
      action: 'personal_data.viewed',
      subjectType: 'person',
      subjectId: id,
      at: now(),
    });
    return (await summaries([row]))[0]!;
  }

  return {
    async listOrganisations(query: OrganisationQuery): Promise<Page<Organisation>> {
      const filter = { type: query.type, q: query.q };
      const [rows, total] = await Promise.all([
        q.listOrganisations(db, {
          ...filter,
          limit: query.pageSize,
          offset: (query.page - 1) * query.pageSize,
        }),
        q.countOrganisations(db, filter),
      ]);
      return {
        items: rows.map((r) => ({ ...r, memberCount: r.memberCount ?? 0 })),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    organisation,

    async createOrganisation(actor: SignedInActor, input: OrganisationInput): Promise<Organisation> {
      const id = await db.transaction().execute(async (trx) => {
        const created = await trx
          .insertInto('organisation')
          .values({ slug: slugify(input.name), name: input.name, type: input.type, created_at: now() })
          .onConflict((oc) => oc.column('slug').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!created) throw new AppError('CONFLICT', DUPLICATE, { name: DUPLICATE });
        await audit(trx, {
          actorId: actor.personId,
          action: 'organisation.created',
          subjectType: 'organisation',
          subjectId: created.id,
          organisationId: created.id,
          details: { type: input.type },
          at: now(),
        });
        return created.id;
      });
      return organisation(id);
    },

    async updateOrganisation(
      actor: SignedInActor,
      id: string,
      input: OrganisationInput,
    ): Promise<Organisation> {
      await db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('organisation')
          .select('id')
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!existing) throw notFound('Deze organisatie bestaat niet (meer).');
        const clash = await trx
          .selectFrom('organisation')
          .select('id')
          .where('name', '=', input.name)
          .where('id', '!=', id)
          .executeTakeFirst();
        if (clash) throw new AppError('CONFLICT', DUPLICATE, { name: DUPLICATE });
        // The slug stays: it is how links and CSV files refer to the organisation.
        await trx
          .updateTable('organisation')
          .set({ name: input.name, type: input.type })
          .where('id', '=', id)
          .execute();
        await audit(trx, {
          actorId: actor.personId,
          action: 'organisation.updated',
          subjectType: 'organisation',
          subjectId: id,
          organisationId: id,
          details: { type: input.type },
          at: now(),
        });
      });
      return organisation(id);
    },

    async listPeople(query: PersonQuery): Promise<Page<PersonSummary>> {
      const filter = { q: query.q, organisationId: query.organisationId, role: query.role };
      const [rows, total] = await Promise.all([
        q.listPeople(db, { ...filter, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
        q.countPeople(db, filter),
      ]);
      return { items: await summaries(rows), page: query.page, pageSize: query.pageSize, total };
    },

    person,

    async addMembership(
      actor: SignedInActor,
      personId: string,
      input: MembershipInput,
    ): Promise<PersonSummary> {
      assertMayGrantRole(actor, input.role);
      await db.transaction().execute(async (trx) => {
        const target = await trx
          .selectFrom('person')
          .select(['id', 'erased_at'])
          .where('id', '=', personId)
          .executeTakeFirst();
        if (!target || target.erased_at) throw notFound('Deze persoon bestaat niet (meer).');
        const org = await trx
          .selectFrom('organisation')
          .select('id')
          .where('id', '=', input.organisationId)
          .executeTakeFirst();
        if (!org) {
          throw new AppError('VALIDATION', 'Deze organisatie bestaat niet.', {
            organisationId: 'Deze organisatie bestaat niet.',
          });
        }
        const added = await trx
          .insertInto('membership')
          .values({
            person_id: personId,
            organisation_id: input.organisationId,
            role: input.role,
            created_at: now(),
          })
          .onConflict((oc) => oc.columns(['person_id', 'organisation_id', 'role']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!added) throw new AppError('CONFLICT', 'Deze persoon heeft deze rol bij deze organisatie al.');
        await audit(trx, {
          actorId: actor.personId,
          action: 'membership.added',
          subjectType: 'person',
          subjectId: personId,
          organisationId: input.organisationId,
          details: { role: input.role, membershipId: added.id },
          at: now(),
        });
      });
      return person(actor, personId);
    },

    async removeMembership(
      actor: SignedInActor,
      personId: string,
      membershipId: string,
    ): Promise<PersonSummary> {
      await db.transaction().execute(async (trx) => {
        const removed = await trx
          .deleteFrom('membership')
          .where('id', '=', membershipId)
          .where('person_id', '=', personId)
          .returning(['organisation_id', 'role'])
          .executeTakeFirst();
        if (!removed) throw notFound('Dit lidmaatschap bestaat niet (meer).');
        // Someone must always be able to manage Inbreng.
        if (removed.role === 'beheerder') {
          const left = await trx
            .selectFrom('membership')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('role', '=', 'beheerder')
            .executeTakeFirstOrThrow();
          if (Number(left.n) === 0) {
            throw new AppError(
              'CONFLICT',
              'Dit is de laatste beheerder. Maak eerst iemand anders beheerder.',
            );
          }
        }
        await audit(trx, {
          actorId: actor.personId,
          action: 'membership.removed',
          subjectType: 'person',
          subjectId: personId,
          organisationId: removed.organisation_id,
          details: { role: removed.role, membershipId },
          at: now(),
        });
      });
      return person(actor, personId);
    },
  };
}
