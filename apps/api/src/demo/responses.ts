// The consolidated responses of the gemeenten in the demo: in the open round about half of them are
// at work (some submitted, some drafting with two officials), and in the closed verkenning most answered.
import type { QuestionKind } from '@inbreng/shared';

export type DemoResponseAnswer = {
  theme: string;
  kind: QuestionKind;
  text?: string;
  choices?: string[];
  scale?: number;
  /** How many times it was saved. */
  version: number;
  /** Which official of the gemeente saved it last: the index in its list of people (people.ts). */
  by: number;
  /** Europe/Amsterdam, 'YYYY-MM-DD HH:MM'. */
  at: string;
};

export type DemoResponse = {
  organisation: string;
  /** Only for a submitted response: who submitted it, and when. */
  submitted?: { by: number; at: string };
  answers: DemoResponseAnswer[];
};

const AANBOD = 'Een overzichtelijk aanbod voor gemeenten';
const INWONERS = 'Inwoners en gemeenten dichter bij elkaar';

/** Eerste ronde: five submitted, four drafting; Leiden and the other eight have not started. */
export const openRoundResponses: DemoResponse[] = [
  {
    organisation: 'katwijk',
    submitted: { by: 0, at: '2026-11-19 16:42' },
    answers: [
      {
        theme: AANBOD,
        kind: 'open',
        text:
          'Namens de gemeente Katwijk: wij waarderen de inzet van Hecht, maar het aanbod is voor ons als gemeente ' +
          'moeilijk te overzien. Wij vragen om één overzicht per jaar waarin basistaken en maatwerk met de ' +
          'bijbehorende kosten naast elkaar staan, en om een vaste contactpersoon die onze lokale situatie kent. ' +
          'Een kort bestuurlijk overleg met onze wethouder, twee keer per jaar, zou de lijnen verder verkorten.',
        version: 3,
        by: 0,
        at: '2026-11-18 11:05',
      },
      {
        theme: AANBOD,
        kind: 'single',
        choices: ['Een vaste contactpersoon per gemeente'],
        version: 1,
        by: 0,
        at: '2026-11-12 09:48',
      },
      {
        theme: INWONERS,
        kind: 'open',
        text:
          'Katwijk kent relatief grote gezinnen en een sterke kerkelijke gemeenschap. Voorlichting, bijvoorbeeld ' +
          'over vaccinaties, landt het best via mensen die de gemeenschap vertrouwt: kerkenraden, de huisarts, het ' +
          'consultatiebureau. Wij vragen Hecht die lokale ingangen te gebruiken en de aanpak met ons af te stemmen, ' +
          'in plaats van regionale campagnes die hier niet aanslaan.',
        version: 2,
        by: 1,
        at: '2026-11-17 14:20',
      },
      {
        theme: 'Transmurale netwerken',
        kind: 'open',
        text:
          'In Katwijk zitten het sociaal team, de huisartsen en de wijkverpleging al aan één tafel. De GGD schuift ' +
          'nu incidenteel aan. Wij vragen om een vaste deelnemer vanuit de GGD, zodat signalen over bijvoorbeeld ' +
          'verward gedrag of zorgmijding eerder op de juiste plek terechtkomen.',
        version: 2,
        by: 1,
        at: '2026-11-17 14:31',
      },
      {
        theme: 'Transmurale netwerken',
        kind: 'single',
        choices: ['Wijkteams en sociale teams'],
        version: 1,
        by: 1,
        at: '2026-11-17 14:32',
      },
      {
        theme: 'Samenwerking met de Veiligheidsregio',
        kind: 'open',
        text:
          'Bij de storm en de wateroverlast van vorig jaar duurde het een dag voordat er gezondheidsadvies was. ' +
          'Wij vragen om heldere afspraken over hoe snel GGD en GHOR adviseren bij een lokaal incident, en om een ' +
          'gezamenlijke oefening met onze gemeentelijke crisisorganisatie.',
        version: 1,
        by: 0,
        at: '2026-11-18 11:20',
      },
      {
        theme: 'Samenwerking met de Veiligheidsregio',
        kind: 'scale',
        scale: 3,
        version: 1,
        by: 0,
        at: '2026-11-18 11:21',
      },
      {
        theme: 'Wat is een sterk team?',
        kind: 'addition',
        text:
          'Ook onze gemeentelijke organisatie kampt met krapte op de arbeidsmarkt. Laten we als gemeenten en Hecht ' +
          'samen optrekken in de werving van bijvoorbeeld jeugdverpleegkundigen en beleidsadviseurs, in plaats van ' +
          'elkaar te beconcurreren.',
        version: 1,
        by: 0,
        at: '2026-11-19 16:30',
      },
    ],
  },
  {
    organisation: 'alphen-aan-den-rijn',
    submitted: { by: 0, at: '2026-11-20 10:15' },
    answers: [
      {
        theme: AANBOD,
        kind: 'open',
        text:
          'Namens de gemeente Alphen aan den Rijn: als grote gemeente met een eigen profiel willen wij ruimte voor ' +
          'maatwerk bovenop de basistaken, en vooral zicht op wat dat maatwerk oplevert. Wij vragen Hecht jaarlijks ' +
          'te rapporteren over bereik en resultaat van het maatwerkpakket, en de cijfers als open data te leveren, ' +
          'zodat wij ze kunnen combineren met onze eigen gegevens over armoede en schuldhulp.',
        version: 3,
        by: 0,
        at: '2026-11-19 15:02',
      },
      {
        theme: AANBOD,
        kind: 'single',
        choices: ['Eén overzicht van basistaken en maatwerk, met de kosten'],
        version: 2,
        by: 1,
        at: '2026-11-16 10:40',
      },
      {
        theme: 'Hitte en klimaat',
        kind: 'open',
        text:
          'Wij pleiten voor één regionaal hitteplan, gecoördineerd door Hecht, in plaats van achttien losse plannen. ' +
          'Daarin horen een kaart met kwetsbare buurten, een belronde langs alleenwonende ouderen en afspraken met ' +
          'thuiszorg en welzijn. Alphen aan den Rijn is graag pilotgemeente.',
        version: 2,
        by: 1,
        at: '2026-11-16 10:55',
      },
      {
        theme: 'Weerbaarheid in de RVE’en',
        kind: 'open',
        text:
          'De aanpak rond personen met verward gedrag moet sneller. Nu zitten er soms weken tussen een melding van ' +
          'de wijkagent en de eerste zorg. Wij vragen het Zorg- en Veiligheidshuis en de GGD om een vaste, snelle ' +
          'route, met één aanspreekpunt voor de gemeente.',
        version: 1,
        by: 1,
        at: '2026-11-16 11:10',
      },
      {
        theme: 'Leren en ontwikkelen',
        kind: 'open',
        text:
          'Wij zien graag dat professionals van Hecht de leefwereld van onze inwoners kennen én weten hoe een ' +
          'gemeente werkt: wat een wethouder nodig heeft, hoe de begrotingscyclus loopt. Meeloopdagen over en weer ' +
          'zouden daarbij helpen.',
        version: 1,
        by: 0,
        at: '2026-11-19 15:10',
      },
      {
        theme: INWONERS,
        kind: 'addition',
        text:
          'Gebruik de bibliotheken en de buurtkamers in onze kernen als vaste plek voor gesprekken met inwoners. ' +
          'Daar komen mensen die je op een inspraakavond nooit ziet.',
        version: 1,
        by: 0,
        at: '2026-11-19 15:14',
      },
    ],
  },
  {
    organisation: 'teylingen',
    submitted: { by: 1, at: '2026-11-13 14:05' },
    answers: [
      {
        theme: 'Hecht-brede communicatie',
        kind: 'open',
        text:
          'Namens de gemeente Teylingen: wij ontvangen berichten van de GGD, de GHOR en Hecht, elk met een eigen ' +
          'stijl en afzender. Eén nieuwsbrief voor gemeenten, met één herkenbare afzender en een vaste ' +
          'verschijningsdatum, zou ons veel zoekwerk besparen.',
        version: 2,
        by: 0,
        at: '2026-11-10 09:30',
      },
      {
        theme: 'Hecht-brede communicatie',
        kind: 'scale',
        scale: 2,
        version: 1,
        by: 0,
        at: '2026-11-10 09:31',
      },
      {
        theme: AANBOD,
        kind: 'open',
        text:
          'De kwaliteit van het contact verschilt sterk per afdeling: soms uitstekend, soms krijgen we na weken nog ' +
          'geen antwoord. Wij vragen om heldere reactietermijnen en een vaste contactpersoon die vragen uitzet en ' +
          'bewaakt. Graag ook jaarlijks de aanrijtijden van de ambulance per dorp: Sassenheim, Voorhout en Warmond.',
        version: 3,
        by: 1,
        at: '2026-11-13 13:50',
      },
      {
        theme: AANBOD,
        kind: 'single',
        choices: ['Een vaste contactpersoon per gemeente'],
        version: 1,
        by: 1,
        at: '2026-11-12 16:02',
      },
      {
        theme: 'Transmurale netwerken',
        kind: 'open',
        text:
          'Voorkom dat er nóg een overlegtafel bijkomt. Het is ons nu al niet duidelijk wat het verschil is tussen ' +
          'het transmurale netwerk en het regionale zorg- en welzijnsoverleg. Sluit aan bij wat er is, en maak de ' +
          'rolverdeling zichtbaar.',
        version: 1,
        by: 0,
        at: '2026-11-10 09:45',
      },
      {
        theme: INWONERS,
        kind: 'addition',
        text:
          'Eenzaamheid vraagt het hele jaar aandacht, niet alleen in de Week tegen Eenzaamheid. Wij bouwen graag ' +
          'samen met Hecht een lokaal netwerk op, met cijfers per kern.',
        version: 2,
        by: 1,
        at: '2026-11-13 13:58',
      },
    ],
  },
  {
    organisation: 'zoeterwoude',
    submitted: { by: 0, at: '2026-11-18 09:12' },
    answers: [
      {
        theme: AANBOD,
        kind: 'open',
        text:
          'Namens de gemeente Zoeterwoude: als kleine gemeente hebben wij één beleidsmedewerker voor het hele ' +
          'sociaal domein. Het aanbod van Hecht is indrukwekkend, maar te omvangrijk om zelf te doorgronden. Wij ' +
          'vragen om één vast aanspreekpunt dat ons wegwijs maakt en met ons meedenkt, en om maatwerk dat ook voor ' +
          'een kleine gemeente betaalbaar is.',
        version: 2,
        by: 0,
        at: '2026-11-17 16:25',
      },
      {
        theme: AANBOD,
        kind: 'single',
        choices: ['Een vaste contactpersoon per gemeente'],
        version: 1,
        by: 0,
        at: '2026-11-17 16:26',
      },
      {
        theme: 'Medezeggenschap en adviesraden',
        kind: 'open',
        text:
          'Als deelnemende gemeente vinden wij het belangrijk dat de medewerkers van Hecht zelf hebben meegepraat ' +
          'over dit werkplan. Wij vragen u in het plan te laten zien hoe de ondernemingsraad en de adviesraden zijn ' +
          'betrokken, en wat hun advies heeft veranderd.',
        version: 1,
        by: 0,
        at: '2026-11-17 16:40',
      },
      {
        theme: 'Hitte en klimaat',
        kind: 'addition',
        text:
          'Houtstook in de winter leidt bij ons tot veel klachten. Een regionaal advies van de GGD over houtstook en ' +
          'gezondheid, dat wij lokaal kunnen gebruiken, zouden wij waarderen.',
        version: 1,
        by: 0,
        at: '2026-11-18 09:05',
      },
    ],
  },
  {
    organisation: 'noordwijk',
    submitted: { by: 0, at: '2026-11-16 11:38' },
    answers: [
      {
        theme: 'Samenwerking met de Veiligheidsregio',
        kind: 'open',
        text:
          'Namens de gemeente Noordwijk: als kustgemeente met grote evenementen en veel toerisme in de zomer hebben ' +
          'wij baat bij vroege afstemming tussen GHOR, ambulancezorg en de Veiligheidsregio bij vergunningen. Wij ' +
          'vragen om een vaste evenementencoördinator bij de GHOR voor de Duin- en Bollenstreek.',
        version: 2,
        by: 0,
        at: '2026-11-11 10:12',
      },
      {
        theme: 'Samenwerking met de Veiligheidsregio',
        kind: 'scale',
        scale: 4,
        version: 1,
        by: 0,
        at: '2026-11-11 10:13',
      },
      {
        theme: INWONERS,
        kind: 'open',
        text:
          'Drankgebruik onder jongeren is in de zomer aan de kust een flink probleem. Wij vragen extra inzet op ' +
          'preventie van juni tot en met augustus, samen met de strandpaviljoens en de reddingsbrigade. Daarnaast ' +
          'zien wij dat veel inwoners de uitnodigingen voor vaccinaties en bevolkingsonderzoek niet begrijpen: een ' +
          'gezamenlijke aanpak van laaggeletterdheid is welkom.',
        version: 3,
        by: 0,
        at: '2026-11-16 11:20',
      },
      {
        theme: AANBOD,
        kind: 'open',
        text:
          'Noordwijk wil graag samen met de buurgemeenten in de Duin- en Bollenstreek inkopen. Dat scheelt kosten en ' +
          'versterkt de samenwerking in de subregio.',
        version: 1,
        by: 0,
        at: '2026-11-11 10:30',
      },
      {
        theme: AANBOD,
        kind: 'single',
        choices: ['Een vast jaarlijks gesprek over de opdracht aan Hecht'],
        version: 1,
        by: 0,
        at: '2026-11-11 10:31',
      },
      {
        theme: 'Leren en ontwikkelen',
        kind: 'addition',
        text:
          'Stel trainingen van Hecht ook open voor onze wijkcoaches, bijvoorbeeld de training gespreksvoering met ' +
          'open vragen.',
        version: 1,
        by: 0,
        at: '2026-11-16 11:30',
      },
    ],
  },
  {
    // Two officials at work: the demo account (Pieter Bakker) finds his colleague's answers here.
    organisation: 'gouda',
    answers: [
      {
        theme: 'Hitte en klimaat',
        kind: 'open',
        text:
          'Gouda heeft een hitteplan, maar het is nooit echt getest. Wij willen het komend voorjaar samen met de GGD ' +
          'oefenen: wie belt de alleenwonende oudere in de binnenstad als het dagen achter elkaar boven de 30 graden is?',
        version: 2,
        by: 1,
        at: '2026-11-19 13:47',
      },
      {
        theme: INWONERS,
        kind: 'open',
        text:
          'Onze ervaringen met buurtgesprekken in Korte Akkeren en Oosterwei zijn goed: mensen voelden zich gehoord. ' +
          'Maar ze haakten af toen er weinig mee gebeurde. Wij vragen Hecht mee te doen aan een vervolg waarin we ' +
          'samen terugkoppelen wat er met de inbreng is gedaan.\n\n(Nog aanvullen: het actieplan mentale gezondheid ' +
          'jongeren en wat we daarbij van de GGD vragen.)',
        version: 3,
        by: 0,
        at: '2026-11-20 16:05',
      },
      {
        theme: AANBOD,
        kind: 'single',
        choices: ['Cijfers per wijk of kern, met een korte duiding'],
        version: 1,
        by: 0,
        at: '2026-11-20 16:08',
      },
    ],
  },
  {
    organisation: 'waddinxveen',
    answers: [
      {
        theme: INWONERS,
        kind: 'open',
        text:
          'Organiseer wijkgesprekken samen met de gemeente, niet los van elkaar. Voor inwoners is het verschil ' +
          'tussen GGD en gemeente toch niet te volgen.',
        version: 1,
        by: 0,
        at: '2026-11-12 14:10',
      },
      {
        theme: 'Hitte en klimaat',
        kind: 'open',
        text:
          'Een kaart met kwetsbare buurten, op basis van leeftijd, groen en woningtype, zou ons helpen bij ' +
          'klimaatadaptatie en vergroening.',
        version: 2,
        by: 0,
        at: '2026-11-18 10:22',
      },
    ],
  },
  {
    organisation: 'krimpenerwaard',
    answers: [
      {
        theme: 'Bedrijfscontinuïteit van Hecht',
        kind: 'open',
        text:
          'De aanrijtijden in het buitengebied baren ons zorgen. Wij vragen Hecht om cijfers per kern en om een plan ' +
          'om de normtijd ook in de polder te halen, bijvoorbeeld met een rapid responder.',
        version: 2,
        by: 0,
        at: '2026-11-19 09:40',
      },
      {
        theme: 'Transmurale netwerken',
        kind: 'open',
        text: 'Valpreventie bij ouderen: graag een regionale aanpak, met de fysiotherapeuten en de thuiszorg erbij.',
        version: 1,
        by: 0,
        at: '2026-11-19 09:52',
      },
    ],
  },
  {
    organisation: 'oegstgeest',
    answers: [
      {
        theme: AANBOD,
        kind: 'open',
        text:
          'De gemeentelijke bijdrage stijgt elk jaar, en de raad vraagt wat we ervoor terugkrijgen. Wij vragen een ' +
          'helder overzicht van wat wettelijk verplicht is en wat maatwerk, met per taak wat het oplevert.',
        version: 3,
        by: 0,
        at: '2026-11-20 11:33',
      },
    ],
  },
];

const closedSubmitted: Array<{
  organisation: string;
  at: string;
  known: number;
  goal: string;
  obstacle: string;
  noodsteunpunten?: string;
}> = [
  {
    organisation: 'alphen-aan-den-rijn',
    at: '2026-10-06 15:20',
    known: 3,
    goal: 'Bewegen van zorg naar gezondheid',
    obstacle:
      'Het onderscheid tussen basistaken en plustaken is ons niet altijd duidelijk, en een offerte voor maatwerk ' +
      'duurt lang.',
    noodsteunpunten:
      'Wij hebben vier locaties aangewezen in de grotere kernen. Wij vragen Hecht om advies over de ' +
      'EHBO-voorzieningen en over wat een GGD-medewerker ter plaatse kan doen.',
  },
  {
    organisation: 'bodegraven-reeuwijk',
    at: '2026-10-08 10:05',
    known: 2,
    goal: 'Bewegen van zorg naar gezondheid',
    obstacle:
      'Wij weten vaak niet wie bij Hecht ons aanspreekpunt is. Vragen gaan via de algemene mailbox en blijven daar ' +
      'liggen.',
  },
  {
    organisation: 'gouda',
    at: '2026-10-01 11:45',
    known: 3,
    goal: 'Bewegen van zorg naar gezondheid',
    obstacle:
      'De monitorcijfers komen als lange rapporten. Wij hebben een korte duiding per wijk nodig die we in ' +
      'raadsvoorstellen kunnen gebruiken.',
  },
  {
    organisation: 'hillegom',
    at: '2026-10-09 16:50',
    known: 2,
    goal: 'Werken aan een weerbare samenleving',
    obstacle:
      'Als kleine gemeente vallen wij buiten de meeste cijfers: te weinig respondenten per wijk. Graag toch iets ' +
      'op het niveau van de kern.',
    noodsteunpunten:
      'Nog niet begonnen. Eerst willen we weten hoe inwoners bij uitval van de telefonie 112 en de huisarts bereiken.',
  },
  {
    organisation: 'katwijk',
    at: '2026-09-30 14:10',
    known: 3,
    goal: 'Bewegen van zorg naar gezondheid',
    obstacle:
      'Besluiten over het aanbod worden regionaal genomen, maar de uitvoering moet passen bij onze gemeenschap. ' +
      'Daar is nu te weinig ruimte voor.',
    noodsteunpunten:
      'Kerken en het dorpshuis in Rijnsburg willen meedoen. Graag een regionale checklist met de eisen.',
  },
  {
    organisation: 'leiden',
    at: '2026-10-07 09:30',
    known: 4,
    goal: 'Bewegen van zorg naar gezondheid',
    obstacle:
      'Leiden heeft eigen programma’s, zoals Kansrijke Start en de wijkaanpak. Het kost veel afstemming om het ' +
      'aanbod van Hecht daarop te laten aansluiten.',
    noodsteunpunten:
      'In voorbereiding, met de buurthuizen van de wijkverenigingen. Wij zoeken afstemming met de Veiligheidsregio ' +
      'over de communicatie bij uitval.',
  },
  {
    organisation: 'leiderdorp',
    at: '2026-10-05 13:15',
    known: 2,
    goal: 'Werken aan een weerbare samenleving',
    obstacle: 'Hoe leggen wij een maatwerkopdracht neer: bij wie, wanneer, en wat kost het?',
  },
  {
    organisation: 'lisse',
    at: '2026-10-02 10:40',
    known: 3,
    goal: 'Bewegen van zorg naar gezondheid',
    obstacle: 'Het dashboard van de gezondheidsmonitor is te ingewikkeld voor dagelijks gebruik.',
  },
  {
    organisation: 'noordwijk',
    at: '2026-09-29 15:55',
    known: 3,
    goal: 'Werken aan een weerbare samenleving',
    obstacle:
      'In de zomer, met veel toeristen, is er extra vraag naar GGD en GHOR. Dat zit niet in de standaardafspraken.',
    noodsteunpunten: 'Twee steunpunten gepland, waarvan één bij de reddingsbrigade aan de boulevard.',
  },
  {
    organisation: 'teylingen',
    at: '2026-10-08 11:25',
    known: 3,
    goal: 'Investeren in sterke teams',
    obstacle: 'De reactietermijnen verschillen sterk per afdeling van Hecht.',
  },
  {
    organisation: 'zoeterwoude',
    at: '2026-10-09 12:00',
    known: 1,
    goal: 'Bewegen van zorg naar gezondheid',
    obstacle:
      'Wij hebben weinig capaciteit en hebben iemand nodig die meedenkt, niet alleen een overzicht met producten.',
  },
  {
    organisation: 'zuidplas',
    at: '2026-10-06 09:10',
    known: 2,
    goal: 'Werken aan een weerbare samenleving',
    obstacle:
      'De groei van Zuidplas zit nog niet in de planning van het consultatiebureau; de wachttijden lopen op.',
    noodsteunpunten: 'Nog geen locaties; in de nieuwbouwwijken ontbreken de voorzieningen nog.',
  },
];

/** Verkenning: twelve of the eighteen gemeenten answered before it closed. */
export const closedRoundResponses: DemoResponse[] = closedSubmitted.map((r) => ({
  organisation: r.organisation,
  submitted: { by: 0, at: r.at },
  answers: [
    { theme: AANBOD, kind: 'scale', scale: r.known, version: 1, by: 0, at: r.at },
    { theme: AANBOD, kind: 'open', text: r.obstacle, version: 2, by: 0, at: r.at },
    { theme: INWONERS, kind: 'single', choices: [r.goal], version: 1, by: 0, at: r.at },
    ...(r.noodsteunpunten
      ? [
          {
            theme: 'Noodsteunpunten in de wijk',
            kind: 'open' as const,
            text: r.noodsteunpunten,
            version: 1,
            by: 0,
            at: r.at,
          },
        ]
      : []),
  ],
}));
