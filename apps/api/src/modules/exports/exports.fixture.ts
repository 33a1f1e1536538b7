// Hecht's draft plan and consultation report as the export builders receive them: the three goals of
// Gezond Vooruit!, the four outline parts and the themes of the demo input.
import {
  outlineParts,
  type Block,
  type ConsultationReport,
  type GemeenteState,
  type PerGroup,
  type PlanDocument,
  type PlanSection,
  type SectionStateLabel,
} from './document.ts';

/** Text with the characters a Dutch plan needs; it must survive in every format. */
export const dutchSample =
  'De reünie van coördinatoren kost € 2.500 en is “naïef” gepland, zegt één adviseur.';

const goals = [
  {
    title: 'Bewegen van zorg naar gezondheid',
    description:
      'Van het behandelen van klachten naar het samen met inwoners en gemeenten versterken van gezondheid, met Positieve Gezondheid als werkwijze.',
    themes: [
      'Transmurale netwerken',
      'Positieve Gezondheid als werkwijze',
      'Inwoners en gemeenten dichter bij elkaar',
    ],
  },
  {
    title: 'Werken aan een weerbare samenleving',
    description:
      'Hecht blijft ook bij hitte, crises en uitval beschikbaar, samen met de Veiligheidsregio en de noodsteunpunten in de wijk.',
    themes: ['Samenwerking met de Veiligheidsregio', 'Hitte en klimaat', 'Bedrijfscontinuïteit van Hecht'],
  },
  {
    title: 'Investeren in sterke teams',
    description: 'Teams die weten wat een sterk team is, blijven leren en hun medezeggenschap goed benutten.',
    themes: ['Wat is een sterk team?', 'Leren en ontwikkelen', 'Medezeggenschap en adviesraden'],
  },
];

const partTexts: Record<(typeof outlineParts)[number], (goal: string, theme: string) => string> = {
  'Stip op de horizon': (goal, theme) =>
    `In 2030 merken inwoners van Hollands Midden dat Hecht werkt aan ${goal.toLowerCase()}; ${theme.toLowerCase()} is dan gewoon.`,
  'Stappen en keuzes': (_, theme) =>
    `We kiezen ervoor om eerst te investeren in ${theme.toLowerCase()} en stoppen met wat daar niet aan bijdraagt.`,
  'Wie, wanneer, welke rol': (_, theme) =>
    `Het programmateam trekt ${theme.toLowerCase()}; de 18 gemeenten en de ketenpartners denken mee, het DB besluit op 15 oktober.`,
  'Concrete acties': (_, theme) => `In 2026 hebben we al een eerste stap gezet rond ${theme.toLowerCase()}.`,
};

const states: SectionStateLabel[] = ['concept', 'in consultatie', 'herzien', 'vastgesteld'];

function section(goalIndex: number, partIndex: number): PlanSection {
  const goal = goals[goalIndex]!;
  const part = outlineParts[partIndex]!;
  const id = (n: number) => `d${goalIndex + 1}-s${partIndex + 1}-b${n}`;
  const blocks: Block[] = [
    { id: id(1), kind: 'paragraph', text: partTexts[part](goal.title, goal.themes[0]!) },
    { id: id(2), kind: 'heading', text: `Wat de inbreng ons leerde over ${goal.themes[1]!.toLowerCase()}` },
    ...goal.themes.map((theme, i) => ({ id: id(3 + i), kind: 'listItem' as const, text: theme })),
    {
      id: id(7),
      kind: 'paragraph',
      text: goalIndex === 0 && partIndex === 0 ? dutchSample : 'Zie ook de strategie Gezond Vooruit!',
      links: [{ label: 'Strategie Gezond Vooruit!', href: 'https://www.hecht.nl/gezond-vooruit' }],
    },
  ];
  return { part, title: part, state: states[(goalIndex + partIndex) % states.length]!, blocks };
}

function counts(m: number, a: number, g: number, k: number): PerGroup {
  // People behind a count: roughly one person per two inputs, at least one when there is input.
  const people = (n: number) => (n === 0 ? 0 : Math.max(1, Math.ceil(n / 2)));
  return {
    medewerkers: { count: m, people: people(m) },
    adviesraden: { count: a, people: people(a) },
    gemeenten: { count: g, people: people(g) },
    ketenpartners: { count: k, people: k },
  };
}

// The reversed order is deliberate: the builders must put the parts in outline order themselves.
export const plan: PlanDocument = {
  title: 'Gezond Vooruit!',
  subtitle: 'Strategisch werkplan 2027–2030',
  organisation: 'Hecht',
  versionLabel: 'Versie 0.3 — concept voor het DB van 15 oktober',
  date: '2026-11-23',
  goals: goals.map((g, gi) => ({
    title: g.title,
    description: g.description,
    sections: outlineParts.map((_, pi) => section(gi, pi)).reverse(),
  })),
  annex: [
    {
      cluster: 'Eén gedeeld digitaal dossier',
      sections: ['Doel 1 — Stappen en keuzes'],
      counts: counts(24, 2, 8, 0),
    },
    {
      cluster: 'Spinnenweb als gespreksstarter',
      sections: ['Doel 1 — Concrete acties'],
      counts: counts(15, 6, 4, 0),
    },
    {
      cluster: 'Normtijd ambulance op het platteland',
      sections: ['Doel 2 — Stip op de horizon'],
      counts: counts(11, 0, 12, 3),
    },
    {
      cluster: 'Hitteplan voor de wijk',
      sections: ['Doel 2 — Concrete acties'],
      counts: counts(9, 2, 10, 0),
    },
    {
      cluster: 'Wat maakt een team sterk',
      sections: ['Doel 3 — Stip op de horizon', 'Doel 3 — Stappen en keuzes'],
      counts: counts(30, 4, 0, 0),
    },
  ],
};

const gemeenteNames = [
  'Alphen aan den Rijn',
  'Bodegraven-Reeuwijk',
  'Gouda',
  'Hillegom',
  'Kaag en Braassem',
  'Katwijk',
  'Krimpenerwaard',
  'Leiden',
  'Leiderdorp',
  'Lisse',
  'Nieuwkoop',
  'Noordwijk',
  'Oegstgeest',
  'Teylingen',
  'Voorschoten',
  'Waddinxveen',
  'Zoeterwoude',
  'Zuidplas',
];

export const report: ConsultationReport = {
  title: 'Consultatieverslag strategisch werkplan 2027–2030',
  organisation: 'Hecht',
  period: { from: '2026-09-01', to: '2026-10-31' },
  date: '2026-11-23',
  participation: {
    medewerkers: { invited: 1500, responded: 312 },
    adviesraden: { invited: 40, responded: 18 },
    gemeenten: { invited: 54, responded: 27 },
    ketenpartners: { invited: 9, responded: 3 },
  },
  inputByTheme: [
    { theme: 'Transmurale netwerken', counts: counts(48, 6, 6, 0) },
    { theme: 'Positieve Gezondheid als werkwijze', counts: counts(21, 4, 2, 0) },
    { theme: 'Inwoners en gemeenten dichter bij elkaar', counts: counts(52, 5, 32, 0) },
    { theme: 'Samenwerking met de Veiligheidsregio', counts: counts(9, 0, 5, 3) },
    { theme: 'Hitte en klimaat', counts: counts(18, 2, 8, 0) },
    { theme: 'Bedrijfscontinuïteit van Hecht', counts: counts(25, 4, 0, 0) },
    { theme: 'Wat is een sterk team?', counts: counts(31, 4, 0, 0) },
    { theme: 'Leren en ontwikkelen', counts: counts(30, 4, 0, 0) },
    { theme: 'Medezeggenschap en adviesraden', counts: counts(18, 12, 0, 0) },
  ],
  gemeenten: gemeenteNames.map((name, i) => {
    const state: GemeenteState = i % 3 === 0 ? 'niet begonnen' : i % 3 === 1 ? 'bezig' : 'ingediend';
    return { name: `Gemeente ${name}`, state, date: state === 'ingediend' ? `2026-10-${10 + i}` : null };
  }),
  comments: { verwerkt: 23, nietOvergenomen: 7, beantwoord: 11, open: 2 },
  advice: [
    {
      council: 'Ondernemingsraad',
      submittedOn: '2026-10-28',
      summary: 'De OR adviseert positief, met twee kanttekeningen over werkdruk en scholing.',
      points: [
        {
          advised: 'Maak de werkdruk bij de invoering van Positieve Gezondheid meetbaar.',
          done: 'een werkdrukmeting per RVE opgenomen in Concrete acties.',
          because: 'zonder meting kunnen we niet bijsturen.',
        },
        {
          advised: 'Geef iedere medewerker recht op scholing in weerbaarheid.',
          done: 'dit niet overgenomen voor iedereen, wel voor de teams in de wijk.',
          because: 'het budget voor 2027 laat een volledige uitrol niet toe.',
        },
      ],
    },
    {
      council: 'Medische Adviesraad',
      submittedOn: '2026-10-30',
      summary: 'De MAR steunt het plan en vraagt aandacht voor transmurale samenwerking.',
      points: [
        {
          advised: 'Betrek de huisartsen eerder bij de transmurale netwerken.',
          done: 'de huisartsen toegevoegd bij Wie, wanneer, welke rol.',
          because: 'zij zijn de spil van de zorg in de wijk.',
        },
      ],
    },
  ],
};
