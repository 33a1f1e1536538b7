// The mails a round sends to the people it asks: an invitation when it opens and a reminder before it
// closes (only to those who have not responded). Each person gets them as they chose: at once, in a
// daily digest, or not at all. round_notice records what went to whom, so nothing goes twice.
import type { Locale } from '@inbreng/shared';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { queueMail } from '../mail/mail.service.ts';
import { compose, longDate, type Mail } from '../mail/templates.ts';

type Kind = 'opened' | 'reminder';

export function roundMail(
  kind: Kind,
  locale: Locale,
  v: { name: string | null; title: string; purpose: string; closesOn: string; link: string },
): Mail {
  const closes = longDate(v.closesOn, locale);
  if (locale === 'en') {
    return kind === 'opened'
      ? compose(
          `Your input is welcome: ${v.title}`,
          [
            v.name ? `Hello ${v.name},` : 'Hello,',
            `Hecht asks for your input on its Strategic work plan 2027–2030: “${v.title}”.`,
            ...(v.purpose ? [v.purpose] : []),
            { link: v.link, label: 'Give your input' },
            `You can respond until ${closes}.`,
            'You receive this because you chose to hear about rounds at once. You can change that in your profile.',
          ],
          'en',
        )
      : compose(
          `Reminder: “${v.title}” closes on ${closes}`,
          [
            v.name ? `Hello ${v.name},` : 'Hello,',
            `The round “${v.title}” closes on ${closes}, and we have not yet received your input.`,
            { link: v.link, label: 'Give your input' },
          ],
          'en',
        );
  }
  return kind === 'opened'
    ? compose(`Uw inbreng is welkom: ${v.title}`, [
        v.name ? `Beste ${v.name},` : 'Beste lezer,',
        `Hecht vraagt uw inbreng voor het Strategisch werkplan 2027–2030: “${v.title}”.`,
        ...(v.purpose ? [v.purpose] : []),
        { link: v.link, label: 'Geef uw inbreng' },
        `U kunt reageren tot en met ${closes}.`,
        'U krijgt dit bericht omdat u berichten over rondes meteen wilt ontvangen. Dat kunt u wijzigen in uw profiel.',
      ])
    : compose(`Herinnering: “${v.title}” sluit op ${closes}`, [
        v.name ? `Beste ${v.name},` : 'Beste lezer,',
        `De ronde “${v.title}” sluit op ${closes}, en we hebben uw inbreng nog niet ontvangen.`,
        { link: v.link, label: 'Geef uw inbreng' },
      ]);
}

/** People the round asks (through a role group or a named organisation), not erased, with an address. */
function askedPeople(db: Kysely<DB>, roundId: string) {
  return db
    .selectFrom('person as p')
    .select(['p.id', 'p.email', 'p.name', 'p.locale', 'p.notify'])
    .where('p.erased_at', 'is', null)
    .where('p.email', 'is not', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('membership as m')
          .innerJoin('round_audience as a', (j) =>
            j.on(
              sql<boolean>`(a.audience = 'group' AND a.role = m.role) OR (a.audience = 'organisation' AND a.organisation_id = m.organisation_id)`,
            ),
          )
          .select('m.id')
          .whereRef('m.person_id', '=', 'p.id')
          .where('a.round_id', '=', roundId),
      ),
    );
}

/**
 * Queues the round's mail of this kind to everyone it concerns who chose immediate mails, and records a
 * notice for everyone (digest readers get theirs in the daily digest). Reminders skip people who have
 * submitted input in this round, and members of an organisation whose consolidated response is in.
 */
export async function queueRoundNotices(
  trx: Kysely<DB>,
  roundId: string,
  kind: Kind,
  at: Date,
  baseUrl: string,
) {
  const round = await trx
    .selectFrom('round')
    .select(['title', 'purpose', 'closes_on'])
    .where('id', '=', roundId)
    .executeTakeFirstOrThrow();
  let people = askedPeople(trx, roundId).where('p.notify', '!=', 'none');
  if (kind === 'reminder') {
    people = people
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('contribution as c')
              .select('c.id')
              .whereRef('c.author_id', '=', 'p.id')
              .where('c.round_id', '=', roundId)
              .where('c.state', '=', 'submitted'),
          ),
        ),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('gemeente_response as r')
              .innerJoin('membership as m2', 'm2.organisation_id', 'r.organisation_id')
              .select('r.id')
              .whereRef('m2.person_id', '=', 'p.id')
              .where('r.round_id', '=', roundId)
              .where('r.state', '=', 'submitted'),
          ),
        ),
      );
  }
  // Only people not noticed yet: a retried job or a second tick sends nothing twice.
  const recipients = await people
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('round_notice as n')
            .select('n.person_id')
            .whereRef('n.person_id', '=', 'p.id')
            .where('n.round_id', '=', roundId)
            .where('n.kind', '=', kind),
        ),
      ),
    )
    .execute();
  if (recipients.length === 0) return 0;
  await trx
    .insertInto('round_notice')
    .values(recipients.map((p) => ({ round_id: roundId, person_id: p.id, kind, sent_at: at })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  let queued = 0;
  for (const person of recipients.filter((p) => p.notify === 'immediate')) {
    const mail = roundMail(kind, person.locale, {
      name: person.name,
      title: round.title,
      purpose: round.purpose,
      closesOn: round.closes_on,
      link: `${baseUrl}/rondes/${roundId}`,
    });
    await queueMail(trx, { ...mail, to: person.email!, personId: person.id, kind: `round.${kind}` }, at);
    queued += 1;
  }
  return queued;
}

/**
 * The daily digest: one mail per person who chose it, listing the round notices of the last day.
 * Runs once a day (dedupe key per date) and is safe to run again.
 */
export async function queueDigests(db: Kysely<DB>, at: Date, baseUrl: string): Promise<number> {
  const since = new Date(at.getTime() - 24 * 3600_000);
  const rows = await db
    .selectFrom('round_notice as n')
    .innerJoin('person as p', 'p.id', 'n.person_id')
    .innerJoin('round as r', 'r.id', 'n.round_id')
    .select(['p.id', 'p.email', 'p.name', 'p.locale', 'n.kind', 'r.id as round_id', 'r.title', 'r.closes_on'])
    .where('p.notify', '=', 'daily')
    .where('p.erased_at', 'is', null)
    .where('n.sent_at', '>', since)
    .where('n.sent_at', '<=', at)
    .where('r.state', '=', 'open')
    .orderBy('p.id')
    .execute();
  const byPerson = Map.groupBy(rows, (r) => r.id);
  let sent = 0;
  for (const items of byPerson.values()) {
    const person = items[0]!;
    const en = person.locale === 'en';
    const lines = items.map(
      (i) =>
        `${i.kind === 'opened' ? (en ? 'New round' : 'Nieuwe ronde') : en ? 'Closing soon' : 'Sluit binnenkort'}: ${i.title} (${
          en ? 'until' : 'tot en met'
        } ${longDate(i.closes_on, person.locale)}) — ${baseUrl}/rondes/${i.round_id}`,
    );
    const mail = compose(
      en ? 'Inbreng: your daily overview' : 'Inbreng: uw dagelijkse overzicht',
      [
        person.name
          ? en
            ? `Hello ${person.name},`
            : `Beste ${person.name},`
          : en
            ? 'Hello,'
            : 'Beste lezer,',
        en ? 'What asks for your input today:' : 'Wat vandaag om uw inbreng vraagt:',
        ...lines,
      ],
      en ? 'en' : 'nl',
    );
    await queueMail(db, { ...mail, to: person.email!, personId: person.id, kind: 'digest' }, at);
    sent += 1;
  }
  return sent;
}
