// The demo plan: Hecht's Strategisch werkplan 2027–2030, worked out from strategy Gezond Vooruit!
// Goals, themes and board dates follow the seed documents in shared/seeds.
import type { MilestonePurpose } from '@inbreng/shared';

type DemoTheme = { title: string; description: string };
type DemoGoal = { title: string; description: string; themes: DemoTheme[] };
type DemoMilestone = {
  body: 'AB' | 'DB';
  kind: 'vergadering' | 'themabijeenkomst';
  date: string;
  purpose: MilestonePurpose;
  title: string;
  description: string;
};

export const demoPlan = {
  slug: 'strategisch-werkplan-2027-2030',
  title: 'Strategisch werkplan 2027–2030',
  organisation: 'Hecht',
  periodStart: 2027,
  periodEnd: 2030,
  strategy: 'Gezond Vooruit!',
  summary:
    'In 2026 werken we de strategie Gezond Vooruit! uit tot een strategisch werkplan. Per doel beschrijven we ' +
    'de stip op de horizon voor 2030, de stappen en keuzes om daar te komen, wie wanneer in welke rol betrokken ' +
    'is, en de concrete acties die al zijn uitgevoerd. Medewerkers van Hecht én de 18 gemeenten leveren input; ' +
    'ketenpartners denken mee over de transformaties die hen raken.',
};

export const demoGoals: DemoGoal[] = [
  {
    title: 'Bewegen van zorg naar gezondheid',
    description:
      'Van het behandelen van problemen naar het versterken van gezondheid: dichter bij inwoners, samen met ' +
      'gemeenten en partners in zorg en welzijn.',
    themes: [
      {
        title: 'Positieve Gezondheid als werkwijze',
        description:
          'Hoe maken we het gesprek over wat inwoners zelf belangrijk vinden vanzelfsprekend in ons werk? ' +
          'Met de Ambassadeurs Positieve Gezondheid als aanjagers.',
      },
      {
        title: 'Transmurale netwerken',
        description:
          'Samenwerking tussen huisartsen, ziekenhuizen, wijkteams en de GGD, zodat inwoners niet tussen ' +
          'organisaties in vallen. Voortbouwend op de werkgroep transmurale netwerken.',
      },
      {
        title: 'Een overzichtelijk aanbod voor gemeenten',
        description:
          'Gemeenten waarderen ons aanbod maar verliezen soms het overzicht. Hoe nemen we hen bij de hand, ' +
          'bijvoorbeeld met een vaste contactpersoon als “personal shopper”?',
      },
      {
        title: 'Inwoners en gemeenten dichter bij elkaar',
        description:
          'Weten wat inwoners beweegt: open vragen stellen, luisteren en nieuwe vormen proberen, zoals ' +
          'serious gaming om inwoners en gemeenten te verbinden.',
      },
    ],
  },
  {
    title: 'Werken aan een weerbare samenleving',
    description:
      'Inwoners, organisaties en Hecht zelf zijn voorbereid op crises, van hitte en uitval tot een pandemie, ' +
      'en komen er samen doorheen.',
    themes: [
      {
        title: 'Samenwerking met de Veiligheidsregio',
        description:
          'GHOR, GGD en ambulancezorg en de Veiligheidsregio Hollands Midden: samen oefenen, plannen en ' +
          'optreden, en investeren in de relatie.',
      },
      {
        title: 'Noodsteunpunten in de wijk',
        description:
          'Plekken waar inwoners terechtkunnen als stroom, telefoon of internet uitvalt. Hecht is aangehaakt ' +
          'op het project noodsteunpunten.',
      },
      {
        title: 'Hitte en klimaat',
        description:
          'Gezondheidsrisico’s van hitte voor kwetsbare inwoners, met lessen uit de Heat Action Day die Hecht ' +
          'organiseerde.',
      },
      {
        title: 'Bedrijfscontinuïteit van Hecht',
        description:
          'Onze eigen diensten, van meldkamer tot jeugdgezondheidszorg, blijven draaien bij verstoringen. ' +
          'Het bedrijfscontinuïteitsplan als basis.',
      },
      {
        title: 'Weerbaarheid in de RVE’en',
        description:
          'Wat betekent weerbaarheid voor elk team? De gesprekken in de resultaatverantwoordelijke eenheden ' +
          'vertaald naar keuzes.',
      },
    ],
  },
  {
    title: 'Investeren in sterke teams',
    description:
      'Medewerkers die zich blijven ontwikkelen, openstaan voor verandering en samen het verschil maken ' +
      'voor inwoners van Hollands Midden.',
    themes: [
      {
        title: 'Wat is een sterk team?',
        description:
          'De definitie van Sterke Teams uitwerken tot wat medewerkers en leidinggevenden in hun dagelijks ' +
          'werk merken.',
      },
      {
        title: 'Leren en ontwikkelen',
        description:
          'Flexibel, innovatief en klantgericht: de ontwikkelpijlers in opleidingen en in leren door te doen.',
      },
      {
        title: 'Hecht-brede communicatie',
        description:
          'Eén Hecht voor 1.500 collega’s bij GGD, GHOR, RAV en het Zorg- en Veiligheidshuis: weten wat er ' +
          'speelt en elkaar kunnen vinden.',
      },
      {
        title: 'Medezeggenschap en adviesraden',
        description:
          'Ondernemingsraad, Medische en Verpleegkundige Adviesraad en klankbordgroep vroeg en zichtbaar ' +
          'betrekken bij keuzes.',
      },
    ],
  },
];

export const demoMilestones: DemoMilestone[] = [
  {
    body: 'AB',
    kind: 'vergadering',
    date: '2026-07-08',
    purpose: 'informeren',
    title: 'AB-vergadering',
    description:
      'Het algemeen bestuur wordt geïnformeerd over het proces om het strategisch werkplan op te stellen.',
  },
  {
    body: 'AB',
    kind: 'themabijeenkomst',
    date: '2026-09-16',
    purpose: 'kennismaken',
    title: 'Themabijeenkomst AB',
    description: 'Kennismaking van het algemeen bestuur met Hecht en met de strategie Gezond Vooruit!',
  },
  {
    body: 'DB',
    kind: 'vergadering',
    date: '2026-10-15',
    purpose: 'bespreken',
    title: 'DB-vergadering',
    description: 'Het dagelijks bestuur bespreekt het concept van het strategisch werkplan.',
  },
  {
    body: 'AB',
    kind: 'themabijeenkomst',
    date: '2026-11-04',
    purpose: 'bespreken',
    title: 'Themabijeenkomst AB',
    description: 'Het algemeen bestuur bespreekt het strategisch werkplan en geeft richting mee.',
  },
  {
    body: 'DB',
    kind: 'vergadering',
    date: '2026-11-26',
    purpose: 'doorgeleiden',
    title: 'DB-vergadering',
    description:
      'Het dagelijks bestuur geeft akkoord om het strategisch werkplan door te geleiden naar het AB.',
  },
  {
    body: 'AB',
    kind: 'vergadering',
    date: '2026-12-16',
    purpose: 'vaststellen',
    title: 'AB-vergadering',
    description: 'Het algemeen bestuur stelt het strategisch werkplan 2027–2030 vast.',
  },
];
