// The mails about a consolidated response: a reminder from the programme team, and word that a
// submitted response was reopened. Same layout as every other mail (compose).
import type { Locale } from '@inbreng/shared';
import { compose, longDate, type Mail } from '../mail/templates.ts';

type About = { name: string | null; organisationName: string; roundTitle: string; link: string };

export function responseReminderMail(locale: Locale, v: About & { closesOn: string }): Mail {
  const closes = longDate(v.closesOn, locale);
  if (locale === 'en') {
    return compose(
      `Reminder: the response of ${v.organisationName} to “${v.roundTitle}”`,
      [
        v.name ? `Hello ${v.name},` : 'Hello,',
        `Hecht’s programme team would like to receive the response of ${v.organisationName} to “${v.roundTitle}”. The round closes on ${closes}.`,
        'You and your colleagues write the response together; one of you submits it when it is complete.',
        { link: v.link, label: 'Go to the response' },
      ],
      'en',
    );
  }
  return compose(`Herinnering: de reactie van ${v.organisationName} op “${v.roundTitle}”`, [
    v.name ? `Beste ${v.name},` : 'Beste lezer,',
    `Het programmateam van Hecht ontvangt graag de reactie van ${v.organisationName} op “${v.roundTitle}”. De ronde sluit op ${closes}.`,
    'U schrijft de reactie samen met uw collega’s; een van u dient hem in als hij af is.',
    { link: v.link, label: 'Naar de reactie' },
  ]);
}

export function responseReopenedMail(locale: Locale, v: About & { reason: string }): Mail {
  if (locale === 'en') {
    return compose(
      `The response of ${v.organisationName} to “${v.roundTitle}” has been reopened`,
      [
        v.name ? `Hello ${v.name},` : 'Hello,',
        `Your response has been reopened: ${v.reason}`,
        'You and your colleagues can change it again, and submit it once more when it is complete.',
        { link: v.link, label: 'Go to the response' },
      ],
      'en',
    );
  }
  return compose(`De reactie van ${v.organisationName} op “${v.roundTitle}” is heropend`, [
    v.name ? `Beste ${v.name},` : 'Beste lezer,',
    `Uw reactie is heropend: ${v.reason}`,
    'U en uw collega’s kunnen hem weer aanpassen, en opnieuw indienen als hij af is.',
    { link: v.link, label: 'Naar de reactie' },
  ]);
}
