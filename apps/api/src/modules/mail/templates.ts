// The e-mails Inbreng sends, in the recipient's language, as plain text and as simple HTML.
// Every value put into the HTML is escaped.
import type { Locale, Role } from '@inbreng/shared';

export type Mail = { subject: string; text: string; html: string };

/** "4 december 2026" / "4 December 2026": a calendar day as mails write it. */
export const longDate = (iso: string, locale: Locale) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString(locale === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  });

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The one mail layout. Paragraphs of text → both bodies; a link becomes a button in HTML and a bare URL in text. */
export function compose(
  subject: string,
  blocks: Array<string | { link: string; label: string } | { code: string }>,
  // The language the mail is written in, so screen readers and mail clients read it right.
  locale: Locale = 'nl',
): Mail {
  const text = blocks
    .map((b) => (typeof b === 'string' ? b : 'link' in b ? `${b.label}:\n${b.link}` : `    ${b.code}`))
    .join('\n\n');
  const body = blocks
    .map((b) => {
      if (typeof b === 'string') return `<p style="margin:0 0 16px">${escapeHtml(b)}</p>`;
      if ('link' in b) {
        return `<p style="margin:0 0 16px"><a href="${escapeHtml(b.link)}" style="display:inline-block;background:#00506e;color:#fff;padding:12px 20px;border-radius:4px;text-decoration:none;font-weight:bold">${escapeHtml(b.label)}</a></p>`;
      }
      return `<p style="margin:0 0 16px;font-size:28px;letter-spacing:6px;font-weight:bold;font-family:monospace">${escapeHtml(b.code)}</p>`;
    })
    .join('\n');
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:560px;margin:0 auto;padding:24px">
<p style="margin:0 0 24px;font-weight:bold;color:#00506e">Inbreng · Hecht</p>
${body}
</body></html>`;
  return { subject, text, html };
}

const roleNames: Record<Locale, Record<Role, string>> = {
  nl: {
    medewerker: 'medewerker',
    adviesraad_lid: 'lid van de adviesraad',
    gemeente_ambtenaar: 'ambtenaar van de gemeente',
    ketenpartner: 'ketenpartner',
    programmateam: 'lid van het programmateam',
    beheerder: 'beheerder',
  },
  en: {
    medewerker: 'staff member',
    adviesraad_lid: 'advisory council member',
    gemeente_ambtenaar: 'municipal official',
    ketenpartner: 'chain partner',
    programmateam: 'programme team member',
    beheerder: 'administrator',
  },
};

export function signInMail(
  locale: Locale,
  v: { name: string | null; link: string; code: string; minutes: number },
): Mail {
  if (locale === 'en') {
    return compose(
      `Your sign-in code for Inbreng: ${v.code}`,
      [
        v.name ? `Hello ${v.name},` : 'Hello,',
        `You asked to sign in to Inbreng. Use the button below, or type this code on the sign-in page. Both work once and for ${v.minutes} minutes.`,
        { code: v.code },
        { link: v.link, label: 'Sign in to Inbreng' },
        'Did you not ask for this? Then you can ignore this e-mail; nobody can sign in without it.',
      ],
      'en',
    );
  }
  return compose(`Uw inlogcode voor Inbreng: ${v.code}`, [
    v.name ? `Beste ${v.name},` : 'Beste lezer,',
    `U vroeg om in te loggen bij Inbreng. Gebruik de knop hieronder, of typ deze code op de inlogpagina. Beide werken één keer en ${v.minutes} minuten lang.`,
    { code: v.code },
    { link: v.link, label: 'Inloggen bij Inbreng' },
    'Hebt u dit niet zelf gevraagd? Dan kunt u deze e-mail negeren; zonder deze e-mail kan niemand inloggen.',
  ]);
}

export function invitationMail(
  locale: Locale,
  v: {
    name: string | null;
    organisationName: string;
    role: Role;
    link: string;
    expiresOn: string;
    inviter: string | null;
  },
): Mail {
  const role = roleNames[locale][v.role];
  if (locale === 'en') {
    return compose(
      `Invitation to Inbreng, Hecht's platform for the strategic work plan`,
      [
        v.name ? `Hello ${v.name},` : 'Hello,',
        `${v.inviter ?? 'Hecht’s programme team'} invites you to Inbreng as ${role} for ${v.organisationName}. In Inbreng, Hecht writes its Strategic work plan 2027–2030 together with staff, advisory councils, municipalities and partners.`,
        { link: v.link, label: 'Accept the invitation' },
        `The link signs you in directly and is valid until ${v.expiresOn}.`,
      ],
      'en',
    );
  }
  return compose('Uitnodiging voor Inbreng, het platform voor het strategisch werkplan van Hecht', [
    v.name ? `Beste ${v.name},` : 'Beste lezer,',
    `${v.inviter ?? 'Het programmateam van Hecht'} nodigt u uit voor Inbreng als ${role} namens ${v.organisationName}. In Inbreng schrijft Hecht het Strategisch werkplan 2027–2030, samen met medewerkers, adviesraden, gemeenten en ketenpartners.`,
    { link: v.link, label: 'Uitnodiging aannemen' },
    `Met de link bent u meteen ingelogd. Hij is geldig tot en met ${v.expiresOn}.`,
  ]);
}
