// The programme team's view of a round: every invited organisation and how far its response is, with
// the people to contact; and reminders to those behind, one per person per day.
import type { ReminderInput, ReminderResult, Tracker, TrackerRow } from '@inbreng/shared';
import type { Kysely } from 'kysely';
import { assertCan, type Actor } from '../../access/policy.ts';
import { amsterdamToday } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import { audit } from '../audit/audit.ts';
import { enqueue, type JobHandler, type JobRunner } from '../jobs/queue.ts';
import { queueMail } from '../mail/mail.service.ts';
import { roundSummary } from '../rounds/rounds.queries.ts';
import { responseReminderMail } from './responses.mails.ts';
import * as q from './responses.queries.ts';
import { lastActivityOf, responseLink, stateOf, stateRank } from './responses.state.ts';

export const REMINDER_JOB = 'responses.reminder';

type Deps = { db: Kysely<DB>; now: () => Date; jobs: JobRunner };

export function createTrackerService({ db, now, jobs }: Deps) {
  return {
    async tracker(actor: Actor, roundId: string): Promise<Tracker> {
      assertCan(actor, 'tracker:read');
      const round = await roundSummary(db, roundId);
      if (!round) throw notFound('Deze ronde bestaat niet (meer).');
      const organisations = await q.invitedOrganisations(db, roundId);
      const [responses, contacts] = await Promise.all([
        q.responsesWithCounts(db, { roundIds: [roundId] }),
        q.contactsOf(
          db,
          organisations.map((o) => o.id),
        ),
      ]);
      const rows: TrackerRow[] = organisations.map((o) => {
        const row = responses.find((r) => r.organisation_id === o.id);
        return {
          organisationId: o.id,
          organisationName: o.name,
          organisationType: o.type,
          state: stateOf(row),
          lastActivityAt: lastActivityOf(row),
          contacts: contacts
            .filter((c) => c.organisation_id === o.id)
            .map((c) => ({ personId: c.id, name: c.name, email: c.email }))
            .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', 'nl')),
        };
      });
      // Those behind first, by name within each state.
      rows.sort(
        (a, b) =>
          stateRank[a.state] - stateRank[b.state] ||
          a.organisationName.localeCompare(b.organisationName, 'nl'),
      );
      const counts = { not_started: 0, drafting: 0, submitted: 0 };
      for (const row of rows) counts[row.state] += 1;
      return { round, rows, counts };
    },

    async remind(actor: Actor, roundId: string, input: ReminderInput): Promise<ReminderResult> {
      assertCan(actor, 'round:manage');
      const round = await roundSummary(db, roundId);
      if (!round) throw notFound('Deze ronde bestaat niet (meer).');
      if (round.state !== 'open')
        throw new AppError(
          'CONFLICT',
          'Herinneringen kunnen alleen worden verstuurd zolang de ronde open is.',
        );
      let targets = await q.invitedOrganisations(db, roundId);
      if (input.organisationId) {
        targets = targets.filter((o) => o.id === input.organisationId);
        if (targets.length === 0)
          throw notFound('Deze organisatie is voor deze ronde niet om een reactie gevraagd.');
      }
      const responses = await q.responsesWithCounts(db, { roundIds: [roundId] });
      const behind = targets.filter(
        (o) => stateOf(responses.find((r) => r.organisation_id === o.id)) !== 'submitted',
      );
      if (input.organisationId && behind.length === 0)
        throw new AppError(
          'CONFLICT',
          `${targets[0]!.name} heeft de reactie al ingediend; een herinnering is niet nodig.`,
        );

      // A reminder from the team is an explicit request, so it goes to everyone but those who chose no mail.
      // One per person per day, even when they write for two organisations or the team clicks twice.
      const at = now();
      const day = amsterdamToday(at);
      const contacts = (
        await q.contactsOf(
          db,
          behind.map((o) => o.id),
        )
      ).filter((c) => c.email && c.notify !== 'none');
      const perPerson = new Map(contacts.map((c) => [c.id, c]));
      const queued = await db.transaction().execute(async (trx) => {
        const keyOf = (personId: string) => `reminder:${roundId}:${personId}:${day}`;
        const taken = await q.takenJobKeys(trx, [...perPerson.keys()].map(keyOf));
        let count = 0;
        for (const contact of perPerson.values()) {
          const dedupeKey = keyOf(contact.id);
          if (taken.has(dedupeKey)) continue;
          await enqueue(
            trx,
            REMINDER_JOB,
            { roundId, organisationId: contact.organisation_id, personId: contact.id },
            at,
            { dedupeKey },
          );
          count += 1;
        }
        await audit(trx, {
          actorId: actor.personId,
          action: 'response.reminder_sent',
          subjectType: 'round',
          subjectId: roundId,
          organisationId: input.organisationId ?? null,
          details: { roundId, organisations: behind.length, mails: count },
          at,
        });
        return count;
      });
      if (queued > 0) jobs.wake();
      return { queued };
    },
  };
}

/**
 * The reminder job: composes the mail when it runs, so a response submitted or a person who chose no
 * mail in the meantime gets none.
 */
export function reminderJob(baseUrl: () => string): JobHandler {
  return async (payload, { db, now }) => {
    const roundId = String(payload.roundId);
    const organisationId = String(payload.organisationId);
    const personId = String(payload.personId);
    await db.transaction().execute(async (trx) => {
      const round = await q.roundStateHeld(trx, roundId);
      if (round?.state !== 'open') return;
      if ((await q.findResponse(trx, roundId, organisationId))?.state === 'submitted') return;
      const contact = (await q.contactsOf(trx, [organisationId])).find((c) => c.id === personId);
      if (!contact?.email || contact.notify === 'none') return;
      const organisation = await q.invitedOrganisation(trx, roundId, organisationId);
      if (!organisation) return;
      const mail = responseReminderMail(contact.locale, {
        name: contact.name,
        organisationName: organisation.name,
        roundTitle: round.title,
        closesOn: round.closes_on,
        link: responseLink(baseUrl(), roundId, organisationId),
      });
      await queueMail(trx, { ...mail, to: contact.email, personId, kind: 'response.reminder' }, now);
    });
  };
}
