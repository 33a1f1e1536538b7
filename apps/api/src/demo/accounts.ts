// The demo's people: one account per role, offered on the sign-in page only when demo mode is on.
import type { DemoAccount, Role } from '@inbreng/shared';

export type DemoPerson = {
  account: DemoAccount;
  name: string;
  email: string;
  organisation: string;
  role: Role;
  description: string;
};

export const demoOrganisations = [
  {
    slug: 'veiligheidsregio-hollands-midden',
    name: 'Veiligheidsregio Hollands Midden',
    type: 'ketenpartner',
  },
  { slug: 'huisartsen-zorggroep-rijnland', name: 'Huisartsen Zorggroep Rijnland', type: 'ketenpartner' },
  { slug: 'alrijne-ziekenhuis', name: 'Alrijne Ziekenhuis', type: 'ketenpartner' },
  { slug: 'welzijn-leiden', name: 'Welzijnsorganisatie Leiden', type: 'ketenpartner' },
] as const;

export const demoPeople: DemoPerson[] = [
  {
    account: 'programmateam',
    name: 'Sanne de Vries',
    email: 'sanne.devries@demo.inbreng.nl',
    organisation: 'programmaorganisatie',
    role: 'programmateam',
    description: 'Programmateam van Hecht: zet rondes uit, clustert inbreng en schrijft het werkplan.',
  },
  {
    account: 'medewerker',
    name: 'Ahmed el Amrani',
    email: 'ahmed.elamrani@demo.inbreng.nl',
    organisation: 'ggd-hollands-midden',
    role: 'medewerker',
    description: 'Medewerker jeugdgezondheidszorg bij de GGD: geeft inbreng per thema.',
  },
  {
    account: 'adviesraad_lid',
    name: 'Marieke Jansen',
    email: 'marieke.jansen@demo.inbreng.nl',
    organisation: 'ondernemingsraad',
    role: 'adviesraad_lid',
    description: 'Lid van de ondernemingsraad: reageert op concepten en brengt advies uit.',
  },
  {
    account: 'gemeente_gouda',
    name: 'Pieter Bakker',
    email: 'pieter.bakker@demo.inbreng.nl',
    organisation: 'gouda',
    role: 'gemeente_ambtenaar',
    description: 'Beleidsadviseur volksgezondheid, gemeente Gouda.',
  },
  {
    account: 'gemeente_leiden',
    name: 'Fatima Yilmaz',
    email: 'fatima.yilmaz@demo.inbreng.nl',
    organisation: 'leiden',
    role: 'gemeente_ambtenaar',
    description: 'Beleidsmedewerker publieke gezondheid, gemeente Leiden.',
  },
  {
    account: 'ketenpartner',
    name: 'Johan Visser',
    email: 'johan.visser@demo.inbreng.nl',
    organisation: 'veiligheidsregio-hollands-midden',
    role: 'ketenpartner',
    description: 'Adviseur crisisbeheersing bij de Veiligheidsregio Hollands Midden.',
  },
  {
    account: 'beheerder',
    name: 'Els de Boer',
    email: 'els.deboer@demo.inbreng.nl',
    organisation: 'programmaorganisatie',
    role: 'beheerder',
    description: 'Functioneel beheerder: organisaties, mensen, uitnodigingen en het auditlog.',
  },
];
