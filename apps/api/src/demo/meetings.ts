// Input that did not come in through the form: what the programme team heard at the AB-themabijeenkomst
// of 4 November, and the drafts the demo accounts left half-written ("Verder met uw concept").
import type { DemoAccount, QuestionKind } from '@inbreng/shared';

export const AB_MEETING = { date: '2026-11-04', source: 'AB-themabijeenkomst 4 november' };

/** On behalf of the gemeente whose wethouder said it; recorded by the programme team the next morning. */
export const abMeetingInput: Array<{ organisation: string; theme: string; text: string }> = [
  {
    organisation: 'leiden',
    theme: 'Inwoners en gemeenten dichter bij elkaar',
    text:
      'De wethouder van Leiden vroeg Hecht aan te sluiten bij de buurtambassadeurs en de wijkaanpak die er al zijn, ' +
      'in plaats van eigen bewonersavonden te organiseren. Inwoners maken geen onderscheid tussen gemeente en GGD; ' +
      'samen optrekken voorkomt dat hun twee keer hetzelfde wordt gevraagd.',
  },
  {
    organisation: 'alphen-aan-den-rijn',
    theme: 'Een overzichtelijk aanbod voor gemeenten',
    text:
      'Alphen aan den Rijn steunt een vaste contactpersoon per gemeente, maar vroeg nadrukkelijk om meer ' +
      'openheid over de kosten: welk deel van de bijdrage gaat naar wettelijke taken en welk deel naar maatwerk. ' +
      'Meerdere AB-leden sloten zich daarbij aan; het punt kwam in de bijeenkomst vaker terug.',
  },
  {
    organisation: 'gouda',
    theme: 'Hitte en klimaat',
    text:
      'Gouda stelde voor de hitteplannen volgend voorjaar regionaal te oefenen, met de GGD, de thuiszorg en de ' +
      'gemeenten samen. De Heat Action Day werd positief genoemd; de wens is dat het geen eenmalige dag blijft.',
  },
  {
    organisation: 'krimpenerwaard',
    theme: 'Bedrijfscontinuïteit van Hecht',
    text:
      'De wethouder van Krimpenerwaard vroeg aandacht voor de aanrijtijden van de ambulance in het buitengebied. ' +
      'Zijn vraag aan Hecht: laat in het werkplan zien hoe de ambulancezorg in de kleine kernen overeind blijft, ' +
      'ook bij personeelstekort en drukte.',
  },
  {
    organisation: 'noordwijk',
    theme: 'Samenwerking met de Veiligheidsregio',
    text:
      'Noordwijk benadrukte de samenwerking met de Veiligheidsregio bij grote evenementen en in het strandseizoen. ' +
      'Gevraagd werd om gezamenlijke oefeningen waar ook de gemeentelijke crisisorganisatie aan meedoet, niet ' +
      'alleen de hulpdiensten.',
  },
  {
    organisation: 'kaag-en-braassem',
    theme: 'Noodsteunpunten in de wijk',
    text:
      'Kaag en Braassem wil noodsteunpunten in de dorpshuizen van de kleine kernen, maar mist duidelijke eisen: ' +
      'noodstroom, communicatiemiddelen, EHBO. Verzoek aan Hecht en de Veiligheidsregio: één regionale checklist.',
  },
  {
    organisation: 'katwijk',
    theme: 'Wat is een sterk team?',
    text:
      'Katwijk vroeg hoe Hecht zijn medewerkers vasthoudt nu de arbeidsmarkt zo krap is. Voorstel uit de zaal: ' +
      'gemeenten en Hecht trekken samen op in werving en ontwikkeling, in plaats van elkaar te beconcurreren.',
  },
  {
    organisation: 'waddinxveen',
    theme: 'Positieve Gezondheid als werkwijze',
    text:
      'Waddinxveen werkt in de wijkteams met Positieve Gezondheid en vroeg de GGD dezelfde taal te spreken. ' +
      'Enkele AB-leden waren kritischer: het moet concreet worden in het aanbod, niet alleen in visiedocumenten.',
  },
];

export type DemoDraft = {
  account: DemoAccount;
  theme: string;
  answers: Array<{ kind: QuestionKind; text?: string; choices?: string[]; scale?: number }>;
  /** Europe/Amsterdam, 'YYYY-MM-DD HH:MM': when it was last autosaved. */
  savedAt: string;
};

/** Unfinished, as drafts are: the demo accounts each find one or two to continue. */
export const demoDrafts: DemoDraft[] = [
  {
    account: 'medewerker',
    theme: 'Hitte en klimaat',
    savedAt: '2026-11-20 15:48',
    answers: [
      {
        kind: 'open',
        text:
          'Bij de laatste hittegolf kregen we op het consultatiebureau veel vragen van ouders over baby’s en warmte: ' +
          'hoeveel drinken, wel of niet naar buiten, slapen in een warme kamer. We hebben toen zelf een kaartje ' +
          'gemaakt met de belangrijkste tips. Dat zou ik',
      },
    ],
  },
  {
    account: 'medewerker',
    theme: 'Leren en ontwikkelen',
    savedAt: '2026-11-17 12:31',
    answers: [
      {
        kind: 'open',
        text: 'Ik zou graag meer leren over gesprekken met ouders die weinig Nederlands spreken. Nu',
      },
      { kind: 'single', choices: ['Van collega’s: intervisie, meelopen, casusbespreking'] },
    ],
  },
  {
    account: 'adviesraad_lid',
    theme: 'Medezeggenschap en adviesraden',
    savedAt: '2026-11-21 10:14',
    answers: [
      {
        kind: 'open',
        text:
          'De OR wil eerder betrokken worden, niet pas als het concept er al ligt. Concreet stellen we voor:\n' +
          '- een vast overleg met het programmateam in elke fase\n- ',
      },
    ],
  },
  {
    account: 'adviesraad_lid',
    theme: 'Wat is een sterk team?',
    savedAt: '2026-11-19 20:05',
    answers: [
      {
        kind: 'multiple',
        choices: ['Vertrouwen en veiligheid om fouten te bespreken', 'Voldoende bezetting'],
      },
    ],
  },
  {
    account: 'ketenpartner',
    theme: 'Noodsteunpunten in de wijk',
    savedAt: '2026-11-18 16:57',
    answers: [
      {
        kind: 'open',
        text:
          'Vanuit de Veiligheidsregio: de noodsteunpunten staan in het regionale crisisplan, maar de rol van de GGD ' +
          'en de huisartsenposten daarin is nog niet uitgewerkt. Voorstel:',
      },
      { kind: 'single', choices: ['Dorpshuis of buurthuis'] },
    ],
  },
  {
    account: 'gemeente_gouda',
    theme: 'Hecht-brede communicatie',
    savedAt: '2026-11-20 09:22',
    answers: [
      {
        kind: 'open',
        text: 'Als beleidsadviseur krijg ik berichten van de GGD, de GHOR en Hecht, elk met een andere afzender. Ik zou',
      },
      { kind: 'scale', scale: 2 },
    ],
  },
  {
    account: 'gemeente_leiden',
    theme: 'Transmurale netwerken',
    savedAt: '2026-11-22 21:10',
    answers: [
      {
        kind: 'open',
        text:
          'In Leiden zien we dat jongeren na een crisisopname weer thuiskomen zonder dat het wijkteam het weet. Een ' +
          'vast overdrachtsmoment tussen',
      },
    ],
  },
];
