// The questions of the two demo rounds, per theme, as the programme team would ask them. None is
// required: a gemeente answers the questions of the whole round in one response, and picks the ones
// that matter to it.
import type { QuestionKind } from '@inbreng/shared';

export type DemoQuestion = {
  kind: QuestionKind;
  prompt: string;
  help?: string;
  options?: string[];
};

const addition: DemoQuestion = {
  kind: 'addition',
  prompt: 'Wat zou u toevoegen?',
  help: 'Mist u iets in dit thema, of wilt u iets kwijt dat niet bij de vorige vraag past? Schrijf het hier.',
};

const scaleHelp = '1 = helemaal niet, 5 = helemaal wel.';

/** Eerste ronde: every theme of the plan; the first question of each theme is the open one. */
export const openRoundQuestions: Record<string, DemoQuestion[]> = {
  'Positieve Gezondheid als werkwijze': [
    {
      kind: 'open',
      prompt:
        'Waar helpt het gesprek over wat inwoners zelf belangrijk vinden u al, en waar loopt u tegenaan?',
      help: 'Denk aan het spinnenweb, de tijd voor een gesprek, de registratie of de samenwerking met partners die anders werken.',
    },
    {
      kind: 'scale',
      prompt: 'In hoeverre is Positieve Gezondheid nu al onderdeel van uw dagelijks werk?',
      help: scaleHelp,
    },
    addition,
  ],
  'Transmurale netwerken': [
    {
      kind: 'open',
      prompt: 'Waar vallen inwoners nu tussen organisaties in, en welke samenwerking zou dat voorkomen?',
      help: 'Een voorbeeld uit de praktijk helpt ons het meest: wie was erbij, wat ging er mis, wat had geholpen?',
    },
    {
      kind: 'single',
      prompt: 'Met welke partner zou Hecht als eerste de samenwerking moeten versterken?',
      options: [
        'Huisartsen',
        'Ziekenhuizen',
        'Wijkteams en sociale teams',
        'Welzijn en mantelzorgondersteuning',
        'Geestelijke gezondheidszorg',
      ],
    },
    addition,
  ],
  'Een overzichtelijk aanbod voor gemeenten': [
    {
      kind: 'open',
      prompt: 'Wat zou het aanbod van Hecht voor gemeenten overzichtelijker en beter bruikbaar maken?',
      help: 'Denk aan de afspraken over basistaken en maatwerk, de rapportages en cijfers, en hoe u ons bereikt.',
    },
    {
      kind: 'single',
      prompt: 'Wat zou gemeenten het meest helpen?',
      options: [
        'Een vaste contactpersoon per gemeente',
        'Eén overzicht van basistaken en maatwerk, met de kosten',
        'Cijfers per wijk of kern, met een korte duiding',
        'Een vast jaarlijks gesprek over de opdracht aan Hecht',
      ],
    },
    addition,
  ],
  'Inwoners en gemeenten dichter bij elkaar': [
    {
      kind: 'open',
      prompt: 'Hoe komen we beter te weten wat inwoners beweegt, ook van wie we nu weinig horen?',
      help: 'Welke plekken, mensen of werkvormen werken bij u? Nieuwe vormen, zoals een spel of buurtgesprekken, zijn ook welkom.',
    },
    addition,
  ],
  'Samenwerking met de Veiligheidsregio': [
    {
      kind: 'open',
      prompt:
        'Wat moet er beter in de samenwerking tussen GHOR, GGD, ambulancezorg en de Veiligheidsregio: in oefenen, plannen of optreden?',
    },
    {
      kind: 'scale',
      prompt: 'Hoe goed kent u de mensen met wie u bij een crisis moet samenwerken?',
      help: scaleHelp,
    },
    addition,
  ],
  'Noodsteunpunten in de wijk': [
    {
      kind: 'open',
      prompt: 'Wat moet een noodsteunpunt inwoners bieden, en welke rol ziet u daarbij voor Hecht?',
      help: 'Een noodsteunpunt is een plek waar inwoners terechtkunnen als stroom, telefoon of internet uitvalt.',
    },
    {
      kind: 'single',
      prompt: 'Waar zou een noodsteunpunt in uw buurt of kern het best passen?',
      options: [
        'Dorpshuis of buurthuis',
        'School',
        'Kerk, moskee of ander gebedshuis',
        'Bibliotheek',
        'Sporthal of sportvereniging',
        'Huisartsenpraktijk of apotheek',
      ],
    },
    addition,
  ],
  'Hitte en klimaat': [
    {
      kind: 'open',
      prompt:
        'Wat is nodig om kwetsbare inwoners te beschermen tegen hitte, en wat nemen we mee uit de Heat Action Day?',
    },
    addition,
  ],
  'Bedrijfscontinuïteit van Hecht': [
    {
      kind: 'open',
      prompt:
        'Welke dienst van Hecht mag bij een verstoring het allerlaatst uitvallen, en wat is nodig om dat te voorkomen?',
      help: 'Denk aan stroom- of ICT-uitval, personeelstekort, een pandemie of extreem weer.',
    },
    {
      kind: 'scale',
      prompt: 'Hoe goed weet u wat u zelf moet doen als systemen, stroom of telefonie uitvallen?',
      help: scaleHelp,
    },
    addition,
  ],
  'Weerbaarheid in de RVE’en': [
    {
      kind: 'open',
      prompt:
        'Wat betekent weerbaarheid voor uw team of uw werk, en welke keuze hoort daar in het werkplan bij?',
    },
    addition,
  ],
  'Wat is een sterk team?': [
    {
      kind: 'open',
      prompt: 'Waaraan merkt u in uw dagelijks werk dat u in een sterk team werkt, of juist niet?',
    },
    {
      kind: 'multiple',
      prompt: 'Wat maakt een team voor u sterk? Kies er hoogstens drie.',
      options: [
        'Vertrouwen en veiligheid om fouten te bespreken',
        'Ruimte voor eigen oordeel',
        'Een leidinggevende die dichtbij staat',
        'Voldoende bezetting',
        'Tijd om te leren en te reflecteren',
        'Samen nabespreken na een zware inzet',
      ],
    },
    addition,
  ],
  'Leren en ontwikkelen': [
    {
      kind: 'open',
      prompt: 'Wat heeft u nodig om flexibel, innovatief en klantgericht te kunnen blijven werken?',
    },
    {
      kind: 'single',
      prompt: 'Hoe leert u het liefst?',
      options: [
        'Een opleiding of training',
        'Van collega’s: intervisie, meelopen, casusbespreking',
        'Online, in mijn eigen tempo',
        'Door te doen, met begeleiding',
      ],
    },
    addition,
  ],
  'Hecht-brede communicatie': [
    {
      kind: 'open',
      prompt:
        'Wat heeft u nodig om te weten wat er bij Hecht speelt en collega’s van andere onderdelen te vinden?',
    },
    {
      kind: 'scale',
      prompt: 'Hoe goed weet u wat er speelt bij de andere onderdelen van Hecht?',
      help: scaleHelp,
    },
    addition,
  ],
  'Medezeggenschap en adviesraden': [
    {
      kind: 'open',
      prompt:
        'Hoe betrekt Hecht de ondernemingsraad, de adviesraden en de klankbordgroep op tijd en zichtbaar bij keuzes?',
    },
    addition,
  ],
};

/** Verkenning: a few questions to the gemeenten, before the plan took shape. */
export const closedRoundQuestions: Record<string, DemoQuestion[]> = {
  'Een overzichtelijk aanbod voor gemeenten': [
    {
      kind: 'scale',
      prompt: 'Hoe goed weet uw gemeente welk aanbod Hecht heeft, naast de wettelijke taken?',
      help: scaleHelp,
    },
    {
      kind: 'open',
      prompt: 'Waar loopt uw gemeente tegenaan bij het afnemen van diensten van Hecht?',
    },
  ],
  'Inwoners en gemeenten dichter bij elkaar': [
    {
      kind: 'single',
      prompt: 'Welk doel van Gezond Vooruit! weegt voor uw gemeente het zwaarst?',
      options: [
        'Bewegen van zorg naar gezondheid',
        'Werken aan een weerbare samenleving',
        'Investeren in sterke teams',
      ],
    },
  ],
  'Noodsteunpunten in de wijk': [
    {
      kind: 'open',
      prompt: 'Hoe ver is uw gemeente met noodsteunpunten, en wat vraagt u daarbij van Hecht?',
    },
  ],
};
