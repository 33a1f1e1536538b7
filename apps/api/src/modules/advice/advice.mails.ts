// Telling a council's members that the programme team has answered every point of their advice.
// It is one formal answer per advice, not a stream of notices: whoever wants mail (immediate or a daily
// overview) gets it at once; whoever chose no mail gets none. Names and text stay out of the audit log.
import type { Locale } from '@inbreng/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { queueMail } from '../mail/mail.service.ts';
import { compose, longDate, type Mail } from '../mail/templates.ts';

export function adviceAnsweredMail(
  locale: Locale,
  v: { name: string | null; council: string; plan: string; milestone: string; date: string; link: string },
): Mail {
  const en = locale === 'en';
  return compose(
    en ? `The response to the advice of the ${v.council}` : `De reactie op het advies van de ${v.council}`,
    [
      v.name ? (en ? `Hello ${v.name},` : `Beste ${v.name},`) : en ? 'Hello,' : 'Beste lezer,',
      en
        ? `The programme team has responded to every point of the advice the ${v.council} gave on “${v.plan}” for the ${v.milestone} of ${longDate(v.date, locale)}.`
        : `Het programmateam heeft gereageerd op elk punt van het advies dat de ${v.council} gaf op “${v.plan}” voor de ${v.milestone} van ${longDate(v.date, locale)}.`,
      en
        ? 'Per point you can read what you advised, what we did and why.'
        : 'Per punt leest u wat u adviseerde, wat wij hebben gedaan en waarom.',
      { link: v.link, label: en ? 'Read the response' : 'Lees de reactie' },
      en
        ? 'You receive this because you are a member of this council. You can change which messages you get in your profile.'
        : 'U krijgt dit bericht omdat u lid bent van deze adviesraad. Welke berichten u krijgt, wijzigt u in uw profiel.',
    ],
    en ? 'en' : 'nl',
  );
}

/** Queues the mail for every member of the council who wants mail; returns how many. */
export async function queueAdviceAnsweredMails(
  trx: Kysely<DB>,
  v: { adviceId: string; at: Date; baseUrl: string },
): Promise<number> {
  const facts = await trx
    .selectFrom('advice as a')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .innerJoin('plan as p', 'p.id', 'a.plan_id')
    .innerJoin('milestone as m', 'm.id', 'a.milestone_id')
    .select([
      'a.organisation_id',
      'o.name as council',
      'p.title as plan',
      'p.slug',
      'm.title as milestone',
      'm.date',
    ])
    .where('a.id', '=', v.adviceId)
    .executeTakeFirstOrThrow();
  const members = await trx
    .selectFrom('membership as ms')
    .innerJoin('person as p', 'p.id', 'ms.person_id')
    .select(['p.id', 'p.email', 'p.name', 'p.locale'])
    .distinct()
    .where('ms.organisation_id', '=', facts.organisation_id)
    .where('ms.role', '=', 'adviesraad_lid')
    .where('p.erased_at', 'is', null)
    .where('p.email', 'is not', null)
    .where('p.notify', '!=', 'none')
    .orderBy('p.id')
    .execute();
  for (const person of members) {
    const mail = adviceAnsweredMail(person.locale, {
      name: person.name,
      council: facts.council,
      plan: facts.plan,
      milestone: facts.milestone,
      date: facts.date,
      // The plan page until the advice has a page of its own in the web app.
      link: `${v.baseUrl}/plannen/${facts.slug}`,
    });
    await queueMail(trx, { ...mail, to: person.email!, personId: person.id, kind: 'advice.answered' }, v.at);
  }
  return members.length;
}
