// The demo's contributors beyond the seven sign-in accounts: invented people at Hecht's units, the
// advisory councils, the ketenpartners and the 18 gemeenten, so the demo round reads like a real one.
import type { Role } from '@inbreng/shared';

export type DemoAuthor = { name: string; organisation: string; role: Role };

/** Per organisation slug: its people, the most active first (the order weighs how much each gives). */
const byOrganisation: Array<{ organisation: string; role: Role; names: string[] }> = [
  {
    organisation: 'ggd-hollands-midden',
    role: 'medewerker',
    names: [
      'Lotte van Dijk',
      'Mohamed Bouzid',
      'Ahmed el Amrani',
      'Ingrid Verhoeven',
      'Priya Ramdin',
      'Daan Kok',
      'Esther Mulder',
      'Naima Azzouz',
      'Kevin de Graaf',
      'Wouter Hendriks',
      'Annelies Brouwer',
      'Sevda Demir',
      'Joris van Leeuwen',
    ],
  },
  {
    organisation: 'rav-hollands-midden',
    role: 'medewerker',
    names: ['Bas Vermeulen', 'Rachel Pinas', 'Tim Schouten', 'Gerben Postma', 'Yvonne de Lange'],
  },
  {
    organisation: 'zorg-en-veiligheidshuis',
    role: 'medewerker',
    names: ['Hanneke Smit', 'Rodney Kromodimedjo', 'Laura Verbeek', 'Erik Jonker'],
  },
  {
    organisation: 'ghor-hollands-midden',
    role: 'medewerker',
    names: ['Maarten Dekker', 'Saskia Koster', 'Youssef Haddou'],
  },
  {
    organisation: 'medische-adviesraad',
    role: 'adviesraad_lid',
    names: ['Charlotte Wijnands', 'Ruben Hoekstra', 'Anand Jagessar'],
  },
  {
    organisation: 'ondernemingsraad',
    role: 'adviesraad_lid',
    names: ['Marieke Jansen', 'Peter Willems', 'Nienke Bos'],
  },
  {
    organisation: 'verpleegkundige-adviesraad',
    role: 'adviesraad_lid',
    names: ['Miriam Kuipers', 'Femke Aarts', 'Gijs Veenstra'],
  },
  {
    organisation: 'klankbordgroep',
    role: 'adviesraad_lid',
    names: ['Wim Groen', 'Ayşe Kaya', 'Lisa Timmermans'],
  },
  {
    organisation: 'ambassadeurs-positieve-gezondheid',
    role: 'adviesraad_lid',
    names: ['Marloes Prins', 'Sandra Oosterhout', 'Jeroen Vos'],
  },
  {
    organisation: 'huisartsen-zorggroep-rijnland',
    role: 'ketenpartner',
    names: ['Frank Meijer', 'Inge van der Heijden', 'Samira Benali'],
  },
  { organisation: 'welzijn-leiden', role: 'ketenpartner', names: ['Tessa Koopman', 'Dewi Sutrisno'] },
  { organisation: 'alrijne-ziekenhuis', role: 'ketenpartner', names: ['Marco Evers', 'Jolanda Peeters'] },
  {
    organisation: 'veiligheidsregio-hollands-midden',
    role: 'ketenpartner',
    names: ['Johan Visser', 'Noor Hamdi'],
  },
  ...(
    [
      ['alphen-aan-den-rijn', 'Marjolein Kramer', 'Stefan de Bruijn'],
      ['bodegraven-reeuwijk', 'Hester van Wijk'],
      ['gouda', 'Pieter Bakker', 'Karin Zwart'],
      ['hillegom', 'Rob Hermans'],
      ['kaag-en-braassem', 'Anouk Lammers'],
      ['katwijk', 'Jan-Willem van der Plas', 'Gerda Parlevliet'],
      ['krimpenerwaard', 'Cor Blok'],
      ['leiden', 'Fatima Yilmaz', 'Thomas Baan'],
      ['leiderdorp', 'Mirjam Sprenger'],
      ['lisse', 'Dennis Vink'],
      ['nieuwkoop', 'Ellen de Wit'],
      ['noordwijk', 'Bart van Kampen'],
      ['oegstgeest', 'Sophie Lim'],
      ['teylingen', 'Ilse Molenaar', 'Vincent Rozendaal'],
      ['voorschoten', 'Martijn Rutten'],
      ['waddinxveen', 'Hatice Yıldız'],
      ['zoeterwoude', 'Paul van Rijn'],
      ['zuidplas', 'Evelien Dijkman'],
    ] as const
  ).map(([organisation, ...names]) => ({ organisation, role: 'gemeente_ambtenaar' as const, names })),
];

/** "Jan-Willem van der Plas" → jan-willem.vanderplas@demo.inbreng.nl, the form the demo accounts use. */
export function demoEmail(name: string): string {
  const plain = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase();
  const [first = '', ...rest] = plain.split(' ');
  return `${first}.${rest.join('').replace(/[^a-z]/g, '')}@demo.inbreng.nl`;
}

export const demoAuthors: DemoAuthor[] = byOrganisation.flatMap(({ organisation, role, names }) =>
  names.map((name) => ({ name, organisation, role })),
);

/** The contributors of one organisation, most active first. */
export function authorsOf(organisation: string): DemoAuthor[] {
  return demoAuthors.filter((a) => a.organisation === organisation);
}
