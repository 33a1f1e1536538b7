// Telling a comment's author what the programme team did with it, the way they chose (person.notify):
// at once, in a daily overview, or not at all. Names and comment text stay out of the audit log.
import type { Locale } from '@inbreng/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { queueMail } from '../mail/mail.service.ts';
import { compose, type Mail } from '../mail/templates.ts';

type Resolution = 'verwerkt' | 'niet_overgenomen' | 'beantwoord';

const done: Record<Locale, Record<Resolution, string>> = {
  nl: {
    verwerkt: 'Uw reactie is verwerkt in de tekst.',
    niet_overgenomen: 'Uw reactie is niet overgenomen. De reden:',
    beantwoord: 'Op uw reactie is geantwoord:',
  },
  en: {
    verwerkt: 'Your comment has been worked into the text.',
    niet_overgenomen: 'Your comment was not adopted. The reason:',
    beantwoord: 'Your comment was answered:',
  },
};

export function resolutionMail(
  locale: Locale,
  v: {
    name: string | null;
    section: string;
    quote: string;
    resolution: Resolution;
    text: string;
    link: string;
  },
): Mail {
  const en = locale === 'en';
  const quote = v.quote.length > 200 ? `${v.quote.slice(0, 200)}…` : v.quote;
  return compose(
    en ? `Your comment on “${v.section}”` : `Uw reactie op “${v.section}”`,
    [
      v.name ? (en ? `Hello ${v.name},` : `Beste ${v.name},`) : en ? 'Hello,' : 'Beste lezer,',
      en
        ? `The programme team has processed your comment on “${quote}”.`
        : `Het programmateam heeft uw reactie op “${quote}” afgehandeld.`,
      done[locale][v.resolution],
      ...(v.text ? [v.text] : []),
      { link: v.link, label: en ? 'View the section' : 'Bekijk het onderdeel' },
      en
        ? 'You receive this because you chose to hear about your input at once. You can change that in your profile.'
        : 'U krijgt dit bericht omdat u berichten meteen wilt ontvangen. Dat kunt u wijzigen in uw profiel.',
    ],
    en ? 'en' : 'nl',
  );
}

async function commentFacts(db: Kysely<DB>, commentId: string) {
  return db
    .selectFrom('section_comment as c')
    .innerJoin('section as s', 's.id', 'c.section_id')
    .innerJoin('goal as g', 'g.id', 's.goal_id')
    .select([
      'c.anchor',
      'c.resolution',
      'c.resolution_text',
      'c.section_id',
      's.slot',
      'g.title as goal_title',
    ])
    .where('c.id', '=', commentId)
    .executeTakeFirstOrThrow();
}

const slotNames: Record<string, string> = {
  horizon: 'Stip op de horizon',
  steps: 'Stappen en keuzes',
  roles: 'Wie, wanneer, welke rol',
  actions: 'Concrete acties',
};

/** Mails the author at once when they chose so; digest readers get it in the daily overview. */
export async function queueResolutionMail(
  trx: Kysely<DB>,
  v: { commentId: string; authorId: string; sectionId: string; at: Date; baseUrl: string },
): Promise<boolean> {
  const person = await trx
    .selectFrom('person')
    .select(['id', 'email', 'name', 'locale', 'notify'])
    .where('id', '=', v.authorId)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  if (!person?.email || person.notify !== 'immediate') return false;
  const c = await commentFacts(trx, v.commentId);
  const mail = resolutionMail(person.locale, {
    name: person.name,
    section: `${c.goal_title} — ${slotNames[c.slot] ?? c.slot}`,
    quote: c.anchor?.quote.exact ?? '',
    resolution: c.resolution!,
    text: c.resolution_text,
    link: `${v.baseUrl}/onderdelen/${v.sectionId}`,
  });
  await queueMail(trx, { ...mail, to: person.email, personId: person.id, kind: 'comment.resolved' }, v.at);
  return true;
}

/**
 * The daily overview for people who chose it: the comments of theirs resolved in the last day, one
 * mail per person. Runs once a day (dedupe key per date).
 */
export async function queueCommentDigests(db: Kysely<DB>, at: Date, baseUrl: string): Promise<number> {
  const since = new Date(at.getTime() - 24 * 3600_000);
  const rows = await db
    .selectFrom('section_comment as c')
    .innerJoin('person as p', 'p.id', 'c.author_id')
    .innerJoin('section as s', 's.id', 'c.section_id')
    .innerJoin('goal as g', 'g.id', 's.goal_id')
    .select(['p.id', 'p.email', 'p.name', 'p.locale', 'c.resolution', 'c.section_id', 's.slot', 'g.title'])
    .where('p.notify', '=', 'daily')
    .where('p.erased_at', 'is', null)
    .where('p.email', 'is not', null)
    .where('c.parent_id', 'is', null)
    .where('c.state', '=', 'resolved')
    .where('c.resolved_at', '>', since)
    .where('c.resolved_at', '<=', at)
    .orderBy('p.id')
    .execute();
  let sent = 0;
  for (const items of Map.groupBy(rows, (r) => r.id).values()) {
    const person = items[0]!;
    const en = person.locale === 'en';
    const lines = items.map(
      (i) =>
        `${i.title} — ${slotNames[i.slot] ?? i.slot}: ${i.resolution === 'verwerkt' ? (en ? 'worked in' : 'verwerkt') : i.resolution === 'beantwoord' ? (en ? 'answered' : 'beantwoord') : en ? 'not adopted' : 'niet overgenomen'} — ${baseUrl}/onderdelen/${i.section_id}`,
    );
    const mail = compose(
      en ? 'Inbreng: what happened to your comments' : 'Inbreng: wat er met uw reacties is gedaan',
      [
        person.name
          ? en
            ? `Hello ${person.name},`
            : `Beste ${person.name},`
          : en
            ? 'Hello,'
            : 'Beste lezer,',
        en
          ? 'The programme team processed these comments of yours:'
          : 'Het programmateam heeft deze reacties van u afgehandeld:',
        ...lines,
      ],
      en ? 'en' : 'nl',
    );
    await queueMail(db, { ...mail, to: person.email!, personId: person.id, kind: 'comment.digest' }, at);
    sent += 1;
  }
  return sent;
}
