// A person's own data (AVG art. 15 and 20: see and download it) and erasure (art. 17): the person asks,
// the beheerder carries it out. Erasure removes every piece of personal data and keeps the person's
// row as an anonymous tombstone, so what they contributed stays, without author.
import type { MyData, Page, PrivacyDecision, PrivacyRequest } from '@inbreng/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { SignedInActor } from '../../plugins/access.ts';
import { audit } from '../audit/audit.ts';
import { membershipsOf } from '../identity/identity.queries.ts';
import { hashHex } from '../identity/tokens.ts';
import { forgetAuthor } from '../contributions/contributions.service.ts';
import { forgetResponsesOf } from '../responses/responses.service.ts';
import { forgetWallPerson } from '../wall/wall.service.ts';
import { forgetSectionPerson } from '../sections/sections.service.ts';
import { forgetAdvicePerson } from '../advice/advice.service.ts';

const iso = (d: Date) => d.toISOString();
const invitationState = (state: 'open' | 'accepted' | 'revoked', expiresAt: Date, now: Date) =>
  state === 'open' && expiresAt <= now ? ('expired' as const) : state;

/**
 * Removes a person's personal data from every table that holds any. A feature that stores personal
 * data adds its step here, and the erasure test (privacy.test.ts) scans every table to prove it.
 */
export async function erasePersonalData(trx: Kysely<DB>, personId: string, now: Date): Promise<void> {
  const person = await trx
    .selectFrom('person')
    .select(['email'])
    .where('id', '=', personId)
    .forUpdate()
    .executeTakeFirst();
  if (!person) return;
  await trx.deleteFrom('session').where('person_id', '=', personId).execute();
  await trx.deleteFrom('sign_in_token').where('person_id', '=', personId).execute();
  await trx.deleteFrom('membership').where('person_id', '=', personId).execute();
  await forgetResponsesOf(trx, personId);
  // The wall keeps its cards and log; who placed or did what becomes unknown.
  await forgetWallPerson(trx, personId);
  // Sections and comments stay; who wrote, moved or resolved them becomes unknown.
  await forgetSectionPerson(trx, personId);
  // The councils' advice and the team's answers stay; who gave or answered them becomes unknown.
  await forgetAdvicePerson(trx, personId);
  // Their input stays, without author (its text holds no name: names live only in person).
  await forgetAuthor(trx, personId);
  await trx.deleteFrom('mail_message').where('person_id', '=', personId).execute();
  if (person.email) {
    await trx.deleteFrom('mail_message').where('to_address', '=', person.email).execute();
    await trx.deleteFrom('invitation').where('email', '=', person.email).execute();
    await trx
      .deleteFrom('rate_limit')
      .where('key', 'like', `%:address:${hashHex(person.email)}`)
      .execute();
  }
  // What the person wrote when asking may itself be personal.
  await trx.updateTable('privacy_request').set({ reason: null }).where('person_id', '=', personId).execute();
  await trx
    .updateTable('person')
    .set({ email: null, name: null, oidc_subject: null, last_sign_in_at: null, erased_at: now })
    .where('id', '=', personId)
    .execute();
}

export function createPrivacyService(db: Kysely<DB>, now: () => Date) {
  async function requestView(id: string): Promise<PrivacyRequest> {
    const row = await db
      .selectFrom('privacy_request as r')
      .innerJoin('person as p', 'p.id', 'r.person_id')
      .select([
        'r.id',
        'r.person_id',
        'p.name',
        'r.kind',
        'r.state',
        'r.reason',
        'r.created_at',
        'r.handled_at',
        'r.handled_note',
      ])
      .where('r.id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('Dit verzoek bestaat niet (meer).');
    return toView(row);
  }

  function toView(row: {
    id: string;
    person_id: string;
    name: string | null;
    kind: 'erasure';
    state: 'requested' | 'done' | 'rejected';
    reason: string | null;
    created_at: Date;
    handled_at: Date | null;
    handled_note: string | null;
  }): PrivacyRequest {
    return {
      id: row.id,
      personId: row.person_id,
      personName: row.name,
      kind: row.kind,
      state: row.state,
      reason: row.reason,
      createdAt: iso(row.created_at),
      handledAt: row.handled_at ? iso(row.handled_at) : null,
      handledNote: row.handled_note,
    };
  }

  return {
    /** download: the person saves it as a file (an export); otherwise they look at it on the page. */
    async myData(actor: SignedInActor, download: boolean): Promise<MyData> {
      const at = now();
      const id = actor.personId;
      const [person, memberships, sessions, invitations, mails, events, requests] = await Promise.all([
        db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
        membershipsOf(db, id),
        db
          .selectFrom('session')
          .selectAll()
          .where('person_id', '=', id)
          .orderBy('created_at', 'desc')
          .execute(),
        db
          .selectFrom('invitation as i')
          .innerJoin('organisation as o', 'o.id', 'i.organisation_id')
          .select(['o.name', 'i.role', 'i.state', 'i.expires_at', 'i.created_at'])
          .where('i.email', '=', actor.email ?? '')
          .orderBy('i.created_at', 'desc')
          .execute(),
        db
          .selectFrom('mail_message')
          .select(['kind', 'subject', 'state', 'created_at'])
          .where('person_id', '=', id)
          .orderBy('created_at', 'desc')
          .execute(),
        db
          .selectFrom('audit_event')
          .select(['at', 'action'])
          .where('actor_id', '=', id)
          .orderBy('at', 'desc')
          .limit(1000)
          .execute(),
        db
          .selectFrom('privacy_request')
          .select(['kind', 'state', 'created_at'])
          .where('person_id', '=', id)
          .execute(),
      ]);
      await audit(db, {
        actorId: id,
        action: download ? 'personal_data.exported' : 'personal_data.viewed',
        subjectType: 'person',
        subjectId: id,
        at,
      });
      return {
        exportedAt: iso(at),
        person: {
          id: person.id,
          name: person.name,
          email: person.email,
          locale: person.locale,
          createdAt: iso(person.created_at),
          lastSignInAt: person.last_sign_in_at ? iso(person.last_sign_in_at) : null,
          signsInWithOidc: person.oidc_subject !== null,
        },
        memberships,
        sessions: sessions.map((s) => ({
          id: s.id,
          createdAt: iso(s.created_at),
          lastSeenAt: iso(s.last_seen_at),
          expiresAt: iso(s.expires_at),
          device: s.device,
          method: s.method,
          current: s.id === actor.sessionId,
        })),
        invitations: invitations.map((i) => ({
          organisationName: i.name,
          role: i.role,
          state: invitationState(i.state, i.expires_at, at),
          createdAt: iso(i.created_at),
        })),
        mails: mails.map((m) => ({
          kind: m.kind,
          subject: m.subject,
          state: m.state,
          createdAt: iso(m.created_at),
        })),
        auditEvents: events.map((e) => ({ at: iso(e.at), action: e.action })),
        privacyRequests: requests.map((r) => ({
          kind: r.kind,
          state: r.state,
          createdAt: iso(r.created_at),
        })),
      };
    },

    async requestErasure(actor: SignedInActor, reason: string | undefined): Promise<PrivacyRequest> {
      const id = await db.transaction().execute(async (trx) => {
        const created = await trx
          .insertInto('privacy_request')
          .values({ person_id: actor.personId, kind: 'erasure', reason: reason || null, created_at: now() })
          .onConflict((oc) => oc.columns(['person_id', 'kind']).where('state', '=', 'requested').doNothing())
          .returning('id')
          .executeTakeFirst();
        // Asking twice is the same request: return the open one.
        const requestId =
          created?.id ??
          (
            await trx
              .selectFrom('privacy_request')
              .select('id')
              .where('person_id', '=', actor.personId)
              .where('state', '=', 'requested')
              .executeTakeFirstOrThrow()
          ).id;
        if (created) {
          await audit(trx, {
            actorId: actor.personId,
            action: 'privacy.erasure_requested',
            subjectType: 'person',
            subjectId: actor.personId,
            at: now(),
          });
        }
        return requestId;
      });
      return requestView(id);
    },

    async list(query: {
      page: number;
      pageSize: number;
      state?: 'requested' | 'done' | 'rejected';
    }): Promise<Page<PrivacyRequest>> {
      const base = db
        .selectFrom('privacy_request as r')
        .innerJoin('person as p', 'p.id', 'r.person_id')
        .$if(Boolean(query.state), (q) => q.where('r.state', '=', query.state!));
      const [rows, count] = await Promise.all([
        base
          .select([
            'r.id',
            'r.person_id',
            'p.name',
            'r.kind',
            'r.state',
            'r.reason',
            'r.created_at',
            'r.handled_at',
            'r.handled_note',
          ])
          .orderBy('r.created_at', 'desc')
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toView), page: query.page, pageSize: query.pageSize, total: Number(count.n) };
    },

    async decide(actor: SignedInActor, id: string, decision: PrivacyDecision): Promise<PrivacyRequest> {
      await db.transaction().execute(async (trx) => {
        const request = await trx
          .selectFrom('privacy_request')
          .selectAll()
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!request) throw notFound('Dit verzoek bestaat niet (meer).');
        if (request.state !== 'requested') throw new AppError('CONFLICT', 'Dit verzoek is al afgehandeld.');
        const at = now();
        if (decision.decision === 'execute') await erasePersonalData(trx, request.person_id, at);
        await trx
          .updateTable('privacy_request')
          .set({
            state: decision.decision === 'execute' ? 'done' : 'rejected',
            handled_at: at,
            handled_by: actor.personId,
            handled_note: decision.note || null,
          })
          .where('id', '=', id)
          .execute();
        await audit(trx, {
          actorId: actor.personId,
          action: decision.decision === 'execute' ? 'privacy.erasure_done' : 'privacy.erasure_rejected',
          subjectType: 'person',
          subjectId: request.person_id,
          at,
        });
      });
      return requestView(id);
    },
  };
}
