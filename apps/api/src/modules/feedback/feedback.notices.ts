// Telling contributors when a section their input fed goes into consultation or is adopted, the way
// each chose (person.notify): a mail at once, a line in the daily overview, or nothing. Each person hears
// about a section reaching a state once, however often it gets there (in consultation again after a
// revision) or a transaction is retried: a row in the job table under a dedupe key per person, section
// and state is the ledger (inserted as done, so no worker ever runs it) and the daily overview reads it.
import { sectionSlotLabels, type Locale, type SectionSlot } from '@inbreng/shared';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { queueMail } from '../mail/mail.service.ts';
import { compose, type Mail } from '../mail/templates.ts';
import { contributorsOfSection } from './feedback.queries.ts';

export type FeedbackState = 'in_consultatie' | 'vastgesteld';
export const FEEDBACK_NOTICE = 'feedback.notice';
export const feedbackStates: readonly string[] = ['in_consultatie', 'vastgesteld'];

export const noticeKey = (personId: string, sectionId: string, state: FeedbackState) =>
  `feedback:${personId}:${sectionId}:${state}`;

const slotNamesEn: Record<SectionSlot, string> = {
  horizon: 'Point on the horizon',
  steps: 'Steps and choices',
  roles: 'Who, when, which role',
  actions: 'Concrete actions',
};

export function sectionFeedbackMail(
  locale: Locale,
  v: { name: string | null; goal: string; slot: SectionSlot; state: FeedbackState; link: string },
): Mail {
  if (locale === 'en') {
    const section = `${v.goal} — ${slotNamesEn[v.slot]}`;
    return compose(
      v.state === 'in_consultatie'
        ? `Your input helped shape “${section}”: now in consultation`
        : `Your input helped shape “${section}”: now adopted`,
      [
        v.name ? `Hello ${v.name},` : 'Hello,',
        `Your input was sorted into a cluster that the programme team used for the section “${section}” of the Strategic work plan 2027–2030.`,
        v.state === 'in_consultatie'
          ? 'That section has now been put out for consultation: the advisory councils can comment on it.'
          : 'That section has now been adopted.',
        { link: v.link, label: 'View the section' },
        'On “My input” you can see for each of your inputs what was done with it.',
        'You receive this because you chose to hear about your input at once. You can change that in your profile.',
      ],
      'en',
    );
  }
  const section = `${v.goal} — ${sectionSlotLabels[v.slot]}`;
  return compose(
    v.state === 'in_consultatie'
      ? `Uw inbreng in “${section}”: nu in consultatie`
      : `Uw inbreng in “${section}”: nu vastgesteld`,
    [
      v.name ? `Beste ${v.name},` : 'Beste lezer,',
      `Uw inbreng is ingedeeld in een cluster dat het programmateam heeft gebruikt voor het onderdeel “${section}” van het Strategisch werkplan 2027–2030.`,
      v.state === 'in_consultatie'
        ? 'Dat onderdeel ligt nu in consultatie: de adviesraden kunnen erop reageren.'
        : 'Dat onderdeel is nu vastgesteld.',
      { link: v.link, label: 'Bekijk het onderdeel' },
      'Op “Mijn inbreng” ziet u bij elke inbreng wat ermee is gedaan.',
      'U krijgt dit bericht omdat u berichten over uw inbreng meteen wilt ontvangen. Dat kunt u wijzigen in uw profiel.',
    ],
  );
}

/**
 * Call in the transaction that moves a section to `toState` (after the state is written). For every
 * contributor whose input is linked to the section and who wants messages: records the notice once per
 * person, section and state, and mails at once those who chose so (digest readers get it in the daily
 * overview). Returns how many mails were queued; the caller wakes the job queue after the commit.
 */
export async function queueSectionFeedback(
  trx: Kysely<DB>,
  sectionId: string,
  toState: string,
  at: Date,
  baseUrl: string,
): Promise<number> {
  if (!feedbackStates.includes(toState)) return 0;
  const state = toState as FeedbackState;
  const section = await trx
    .selectFrom('section as s')
    .innerJoin('goal as g', 'g.id', 's.goal_id')
    .select(['s.slot', 'g.title'])
    .where('s.id', '=', sectionId)
    .executeTakeFirst();
  if (!section) return 0;
  const people = await contributorsOfSection(trx, sectionId).where('p.notify', '!=', 'none').execute();
  let queued = 0;
  for (const person of people) {
    // The ledger row: a second transition to the same state (or a retry) finds the key taken.
    const recorded = await trx
      .insertInto('job')
      .values({
        kind: FEEDBACK_NOTICE,
        payload: JSON.stringify({ personId: person.id, sectionId, state }),
        state: 'done',
        run_at: at,
        created_at: at,
        finished_at: at,
        dedupe_key: noticeKey(person.id, sectionId, state),
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!recorded || person.notify !== 'immediate') continue;
    const mail = sectionFeedbackMail(person.locale, {
      name: person.name,
      goal: section.title,
      slot: section.slot,
      state,
      link: `${baseUrl}/onderdelen/${sectionId}`,
    });
    await queueMail(trx, { ...mail, to: person.email!, personId: person.id, kind: 'section.feedback' }, at);
    queued += 1;
  }
  return queued;
}

/**
 * The daily overview for people who chose it: the sections fed by their input that went into
 * consultation or were adopted in the last day, one mail per person. Runs once a day (its job has a
 * dedupe key per date).
 */
export async function queueFeedbackDigests(db: Kysely<DB>, at: Date, baseUrl: string): Promise<number> {
  const since = new Date(at.getTime() - 24 * 3600_000);
  const rows = await db
    .selectFrom('job as j')
    .innerJoin('person as p', (j) => j.on(sql<boolean>`p.id::text = j.payload->>'personId'`))
    .innerJoin('section as s', (j) => j.on(sql<boolean>`s.id::text = j.payload->>'sectionId'`))
    .innerJoin('goal as g', 'g.id', 's.goal_id')
    .select([
      'p.id',
      'p.email',
      'p.name',
      'p.locale',
      's.id as section_id',
      's.slot',
      'g.title',
      sql<FeedbackState>`j.payload->>'state'`.as('state'),
    ])
    .where('j.kind', '=', FEEDBACK_NOTICE)
    .where('j.created_at', '>', since)
    .where('j.created_at', '<=', at)
    .where('p.notify', '=', 'daily')
    .where('p.erased_at', 'is', null)
    .where('p.email', 'is not', null)
    .orderBy('p.id')
    .orderBy('j.id')
    .execute();
  let sent = 0;
  for (const items of Map.groupBy(rows, (r) => r.id).values()) {
    const person = items[0]!;
    const en = person.locale === 'en';
    const lines = items.map((i) => {
      const slot = en ? slotNamesEn[i.slot] : sectionSlotLabels[i.slot];
      const what =
        i.state === 'in_consultatie'
          ? en
            ? 'now in consultation'
            : 'nu in consultatie'
          : en
            ? 'adopted'
            : 'vastgesteld';
      return `${i.title} — ${slot}: ${what} — ${baseUrl}/onderdelen/${i.section_id}`;
    });
    const mail = compose(
      en ? 'Inbreng: what happened to your input' : 'Inbreng: wat er met uw inbreng is gedaan',
      [
        person.name
          ? en
            ? `Hello ${person.name},`
            : `Beste ${person.name},`
          : en
            ? 'Hello,'
            : 'Beste lezer,',
        en
          ? 'Sections of the work plan that your input helped shape:'
          : 'Onderdelen van het werkplan waaraan uw inbreng heeft bijgedragen:',
        ...lines,
      ],
      en ? 'en' : 'nl',
    );
    await queueMail(
      db,
      { ...mail, to: person.email!, personId: person.id, kind: 'section.feedback_digest' },
      at,
    );
    sent += 1;
  }
  return sent;
}
