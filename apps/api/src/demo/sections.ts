// The demo's draft plan: per goal the "Stip op de horizon" and "Stappen en keuzes", written by Sanne de
// Vries (programmateam) from the demo wall's clusters; two sections in consultation with comments from
// the ondernemingsraad (Marieke Jansen) and the Medische Adviesraad, a redraft that moves one passage
// and loses another, comments resolved each way, and the OR's formal advice answered point by point.
// Everything goes through the sections and advice services, so the demo holds what the app promises.
import type { Kysely } from 'kysely';
import type { BlockInput, SectionDetail, SectionSlot } from '@inbreng/shared';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { createAdviceService } from '../modules/advice/advice.service.ts';
import { createSectionsService, type SectionActor } from '../modules/sections/sections.service.ts';
import { demoPeople } from './accounts.ts';
import { demoPlan } from './plan.ts';

/** Friday 20 November 2026, 15:00 in Amsterdam: the team writes after the morning's sorting. */
const WRITING = new Date('2026-11-20T14:00:00Z');
/** Monday 23 November 2026, 08:15 in Amsterdam: the team works through the weekend's comments. */
const PROCESSING = new Date('2026-11-23T07:15:00Z');
const CONSULTATION_MILESTONE = '2026-11-26';
const MAR = 'medische-adviesraad';
const MAR_MEMBER = 'Charlotte Wijnands';

type Draft = { slot: SectionSlot; blocks: BlockInput[] };

const p = (id: string, text: string): BlockInput => ({ id, kind: 'paragraph', text });
const li = (id: string, text: string): BlockInput => ({ id, kind: 'listItem', text });
const h = (id: string, text: string): BlockInput => ({ id, kind: 'heading', text });

const AMBASSADORS =
  'Positieve Gezondheid is dan geen project meer, maar de gewone manier van werken in al onze teams, van de ' +
  'jeugdgezondheidszorg tot de ambulancezorg. De Ambassadeurs Positieve Gezondheid hebben dat in elke RVE op gang gebracht.';

/** The first draft of every section, per goal in the plan's order. */
const drafts: Draft[][] = [
  [
    {
      slot: 'horizon',
      blocks: [
        h('g1h-kop', 'Waar staan we in 2030?'),
        p(
          'g1h-1',
          'In 2030 werkt Hecht vanuit gezondheid, niet vanuit ziekte. We vragen inwoners van Hollands Midden eerst ' +
            'wat zij zelf belangrijk vinden, en pas daarna wat er aan de hand is.',
        ),
        p('g1h-2', AMBASSADORS),
        p(
          'g1h-3',
          'Huisartsen, ziekenhuizen, wijkteams en de GGD werken samen in transmurale netwerken, zodat geen inwoner ' +
            'tussen twee organisaties in valt. Elke gemeente heeft bij Hecht één vast aanspreekpunt dat het hele aanbod kent.',
        ),
        p(
          'g1h-4',
          'Ons aanbod aan gemeenten is in 2030 teruggebracht tot tien producten, elk met een heldere prijs en een ' +
            'meetbaar effect op de gezondheid van inwoners.',
        ),
      ],
    },
    {
      slot: 'steps',
      blocks: [
        h('g1s-kop', 'Stappen tot 2030'),
        li(
          'g1s-1',
          '2027: elke RVE kiest samen met de Ambassadeurs Positieve Gezondheid twee werkprocessen waarin het gesprek ' +
            'over wat inwoners belangrijk vinden een vast onderdeel wordt.',
        ),
        li(
          'g1s-2',
          '2027–2028: de werkgroep transmurale netwerken wordt een vast netwerk met huisartsen, Alrijne Ziekenhuis, ' +
            'de wijkteams en de GGD, met afspraken over doorverwijzen en terugkoppelen.',
        ),
        li(
          'g1s-3',
          '2028: elke gemeente krijgt een vaste contactpersoon die als ‘personal shopper’ de vraag van de gemeente ' +
            'koppelt aan ons aanbod en het dashboard uitlegt.',
        ),
        p(
          'g1s-4',
          'Onze keuze: we bouwen geen nieuwe producten zolang gemeenten het bestaande aanbod niet kunnen overzien. ' +
            'Eerst ordenen, dan vernieuwen.',
        ),
        p(
          'g1s-5',
          'In twee gemeenten proberen we serious gaming uit om te horen wat inwoners beweegt. In 2029 besluiten we ' +
            'samen met die gemeenten of we het breder inzetten.',
        ),
      ],
    },
  ],
  [
    {
      slot: 'horizon',
      blocks: [
        h('g2h-kop', 'Weerbaar in 2030'),
        p(
          'g2h-1',
          'In 2030 weten inwoners van Hollands Midden waar ze terechtkunnen als stroom, telefoon of internet uitvalt: ' +
            'elke gemeente heeft noodsteunpunten, en de GGD en de GHOR weten wie daar extra hulp nodig heeft.',
        ),
        p(
          'g2h-2',
          'Met de Veiligheidsregio Hollands Midden oefenen en plannen we als één keten. Bij een hittegolf, een ' +
            'uitbraak of een grote storing kennen we elkaars rol al voordat het misgaat.',
        ),
        p(
          'g2h-3',
          'Hecht blijft zelf draaien: de meldkamer, de ambulancezorg en de jeugdgezondheidszorg werken met een ' +
            'bedrijfscontinuïteitsplan dat elk jaar wordt geoefend.',
        ),
      ],
    },
    {
      slot: 'steps',
      blocks: [
        h('g2s-kop', 'Stappen en keuzes'),
        li(
          'g2s-1',
          '2027: een hitteplan met de lessen uit de Heat Action Day, en een overzicht van kwetsbare inwoners dat we ' +
            'samen met gemeenten en wijkteams bijhouden.',
        ),
        li(
          'g2s-2',
          '2027: we sluiten aan op het project noodsteunpunten en spreken per gemeente af wat de GGD in zo’n punt doet.',
        ),
        li(
          'g2s-3',
          '2028: elk team van Hecht oefent minstens één keer per jaar met het bedrijfscontinuïteitsplan, ook buiten kantoortijd.',
        ),
        p(
          'g2s-4',
          'Onze keuze: we investeren in de relatie met de Veiligheidsregio, met vaste gezamenlijke oefeningen, in ' +
            'plaats van elk incident apart te evalueren.',
        ),
        p(
          'g2s-5',
          'De gesprekken over weerbaarheid in de RVE’en vertalen we per team naar twee of drie afspraken in het jaarplan.',
        ),
      ],
    },
  ],
  [
    {
      slot: 'horizon',
      blocks: [
        h('g3h-kop', 'Sterke teams in 2030'),
        p(
          'g3h-1',
          'In 2030 herkennen medewerkers van Hecht zich in de definitie van Sterke Teams: teams die zelf verbeteren, ' +
            'elkaar aanspreken en weten voor wie ze het doen.',
        ),
        p(
          'g3h-2',
          'Onze 1.500 collega’s bij GGD, GHOR, RAV en het Zorg- en Veiligheidshuis blijven zich ontwikkelen langs de ' +
            'pijlers flexibel, innovatief en klantgericht: door te leren én te doen.',
        ),
        p(
          'g3h-3',
          'De ondernemingsraad, de Medische Adviesraad, de Verpleegkundige Adviesraad en de klankbordgroep denken ' +
            'vroeg mee, niet pas als een besluit al vastligt.',
        ),
      ],
    },
    {
      slot: 'steps',
      blocks: [
        h('g3s-kop', 'Stappen en keuzes'),
        li(
          'g3s-1',
          '2027: Hecht-brede communicatie, met één intranet en elke maand een vast moment waarop de directie vertelt ' +
            'wat er speelt.',
        ),
        li(
          'g3s-2',
          '2027–2028: leren door te doen. Elk team kiest een eigen verbeteropgave en krijgt daarbij begeleiding, in ' +
            'plaats van een standaardtraining.',
        ),
        li(
          'g3s-3',
          '2028: de adviesraden krijgen het concept van elk groot besluit minstens zes weken voordat erover wordt besloten.',
        ),
        p(
          'g3s-4',
          'Onze keuze: we volgen de werkdruk per RVE en bespreken die met de ondernemingsraad. Cijfers per team delen ' +
            'we alleen als een team uit meer dan vijf mensen bestaat.',
        ),
      ],
    },
  ],
];

/** The redraft of goal 1's horizon: one sentence changed, the paragraph on ten products gone, one added. */
const redraft: BlockInput[] = [
  h('g1h-kop', 'Waar staan we in 2030?'),
  p(
    'g1h-1',
    'In 2030 werkt Hecht vanuit gezondheid, niet vanuit ziekte. We vragen inwoners van Hollands Midden eerst ' +
      'wat zij zelf belangrijk vinden, en pas daarna wat er aan de hand is.',
  ),
  p(
    'g1h-2',
    'Positieve Gezondheid is dan geen project meer, maar de gewone manier van werken in al onze teams, van de ' +
      'jeugdgezondheidszorg tot de ambulancezorg. De teams hebben die omslag zelf gemaakt, met de Ambassadeurs ' +
      'Positieve Gezondheid als aanjagers in elke RVE.',
  ),
  p(
    'g1h-3',
    'Huisartsen, ziekenhuizen, wijkteams en de GGD werken samen in transmurale netwerken, zodat geen inwoner ' +
      'tussen twee organisaties in valt. Elke gemeente heeft bij Hecht één vast aanspreekpunt dat het hele aanbod kent.',
  ),
  p(
    'g1h-5',
    'Dat merken inwoners: minder mensen zoeken pas hulp als een probleem groot is geworden, en gemeenten kiezen ' +
      'samen met ons waar preventie het meeste oplevert.',
  ),
];

const adviceOfTheOr = {
  summary:
    'De ondernemingsraad heeft het concept van het strategisch werkplan besproken in zijn vergadering van ' +
    '18 november. De OR adviseert positief over de richting, met vier punten.',
  points: [
    'Neem werkdruk op als indicator bij het doel Investeren in sterke teams, en bespreek de uitkomsten twee keer per jaar met de OR.',
    'Maak het oefenen met het bedrijfscontinuïteitsplan mogelijk binnen werktijd, met uren in de roosters.',
    'Betrek de OR bij de uitwerking van het vaste aanspreekpunt per gemeente: het verandert het werk van de accountmanagers.',
    'Stel voor serious gaming een aparte werkgroep in met medewerkers uit alle RVE’en.',
  ],
  responses: [
    {
      taken: 'overgenomen' as const,
      what:
        'Werkdruk staat als indicator in ‘Stappen en keuzes’ van Investeren in sterke teams; de uitkomsten komen ' +
        'twee keer per jaar op de agenda van de overlegvergadering.',
      why: 'Sterke teams kunnen alleen bestaan als het werk te doen is.',
    },
    {
      taken: 'deels' as const,
      what: 'Oefenen gebeurt binnen werktijd. In 2027 beginnen we met de meldkamer en de ambulancezorg.',
      why: 'Voor alle teams tegelijk is in 2027 geen ruimte in de roosters; na een evaluatie met de OR breiden we in 2028 uit.',
    },
    {
      taken: 'overgenomen' as const,
      what: 'De OR krijgt de uitwerking van het vaste aanspreekpunt ter advies voordat er functies veranderen.',
      why: '',
    },
    {
      taken: 'niet' as const,
      what: 'We beginnen met een proef in twee gemeenten, met het bestaande innovatieteam.',
      why:
        'Een aparte werkgroep is voor een proef te zwaar. Na de evaluatie in 2029 bekijken we of een bredere aanpak ' +
        'nodig is, en vragen we de OR dan opnieuw.',
    },
  ],
};

async function actorOf(db: Kysely<DB>, person: { id: string; name: string | null }): Promise<SectionActor> {
  const memberships = await db
    .selectFrom('membership')
    .select(['organisation_id as organisationId', 'role'])
    .where('person_id', '=', person.id)
    .execute();
  return { personId: person.id, name: person.name, memberships };
}

/** The MAR's member in the demo: one of the demo contributors, or added here (without e-mail address). */
async function marMember(db: Kysely<DB>) {
  const members = await db
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.name'])
    .where('o.slug', '=', MAR)
    .where('m.role', '=', 'adviesraad_lid')
    .where('p.erased_at', 'is', null)
    .orderBy('p.name')
    .execute();
  const found = members.find((m) => m.name === MAR_MEMBER) ?? members[0];
  if (found) return found;
  return db.transaction().execute(async (trx) => {
    const person = await trx
      .insertInto('person')
      .values({ name: MAR_MEMBER, email: null })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    const mar = await trx
      .selectFrom('organisation')
      .select('id')
      .where('slug', '=', MAR)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('membership')
      .values({ person_id: person.id, organisation_id: mar.id, role: 'adviesraad_lid' })
      .execute();
    return person;
  });
}

/** The demo wall's clusters per goal, most input first: a cluster belongs to the goal most of its cards come from. */
async function clustersPerGoal(db: Kysely<DB>, planId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('wall_cluster as c')
    .innerJoin('wall as w', 'w.id', 'c.wall_id')
    .innerJoin('wall_card as k', 'k.cluster_id', 'c.id')
    .innerJoin('contribution as n', 'n.id', 'k.contribution_id')
    .innerJoin('theme as t', 't.id', 'n.theme_id')
    .select(['c.id', 't.goal_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('w.plan_id', '=', planId)
    .where('c.dissolved_at', 'is', null)
    .where('k.removed_at', 'is', null)
    .groupBy(['c.id', 't.goal_id'])
    .execute();
  const best = new Map<string, { goal: string; n: number }>();
  for (const r of rows) {
    const n = Number(r.n);
    const current = best.get(r.id);
    if (!current || n > current.n || (n === current.n && r.goal_id < current.goal)) {
      best.set(r.id, { goal: r.goal_id, n });
    }
  }
  const perGoal = new Map<string, Array<{ id: string; n: number }>>();
  for (const [id, { goal, n }] of best) perGoal.set(goal, [...(perGoal.get(goal) ?? []), { id, n }]);
  return new Map(
    [...perGoal].map(([goal, list]) => [
      goal,
      list.toSorted((a, b) => b.n - a.n || (a.id < b.id ? -1 : 1)).map((c) => c.id),
    ]),
  );
}

/** The offsets of a quote in a block, for a comment on a passage. */
function passage(section: SectionDetail, blockId: string, quote: string) {
  const block = section.blocks.find((b) => b.id === blockId)!;
  const start = block.text.indexOf(quote);
  if (start < 0) throw new Error(`demo: "${quote}" staat niet in ${blockId}`);
  return { blockId, start, end: start + quote.length };
}

export async function seedDemoSections(db: Kysely<DB>): Promise<{ seeded: boolean }> {
  const team = demoPeople.find((p) => p.account === 'programmateam')!;
  const council = demoPeople.find((p) => p.account === 'adviesraad_lid')!;
  const plan = await db
    .selectFrom('plan')
    .select(['id', 'slug'])
    .where('slug', '=', demoPlan.slug)
    .executeTakeFirst();
  if (!plan) return { seeded: false };
  const written = await db
    .selectFrom('section')
    .select('id')
    .where('plan_id', '=', plan.id)
    .limit(1)
    .executeTakeFirst();
  // The wall seed's last step is the team's own note on a cluster: until then the wall is still being
  // sorted (perhaps by another process starting at the same moment), and its clusters are not final.
  const sorted = await db
    .selectFrom('wall_cluster as c')
    .innerJoin('wall as w', 'w.id', 'c.wall_id')
    .select('c.id')
    .where('w.plan_id', '=', plan.id)
    .where('c.note', '!=', '')
    .limit(1)
    .executeTakeFirst();
  // Only on the demo with its sorted wall, and only once: a plan with any section is left as it is.
  if (written || !sorted) return { seeded: false };
  const [sanneRow, mariekeRow] = await Promise.all(
    [team.email, council.email].map((email) =>
      db.selectFrom('person').select(['id', 'name']).where('email', '=', email).executeTakeFirst(),
    ),
  );
  if (!sanneRow || !mariekeRow) return { seeded: false };
  const [sanne, marieke, charlotte] = await Promise.all([
    actorOf(db, sanneRow),
    actorOf(db, mariekeRow),
    marMember(db).then((m) => actorOf(db, m)),
  ]);

  let minutes = 0;
  let start = WRITING;
  const at = () => new Date(start.getTime() + minutes * 60_000);
  const step = (n = 1) => {
    minutes += n;
  };
  const events = { publish: async () => {} };
  const sections = createSectionsService({ db, now: at, events, baseUrl: () => '' });

  const goals = await db
    .selectFrom('goal')
    .select('id')
    .where('plan_id', '=', plan.id)
    .orderBy('position')
    .execute();
  const milestone = await db
    .selectFrom('milestone')
    .select('id')
    .where('plan_id', '=', plan.id)
    .where('date', '=', CONSULTATION_MILESTONE)
    .executeTakeFirstOrThrow();
  const clusters = await clustersPerGoal(db, plan.id);

  // Writing: each goal's horizon and steps, linked to the clusters behind them. The unique (goal, slot)
  // of the first section is the claim: a second process starting at the same moment stops there.
  const made: SectionDetail[][] = [];
  for (const [g, goal] of goals.entries()) {
    const own = clusters.get(goal.id) ?? [];
    const half = Math.max(1, Math.ceil(own.length / 2));
    const written: SectionDetail[] = [];
    for (const [d, draft] of (drafts[g] ?? []).entries()) {
      let section: SectionDetail;
      try {
        section = await sections.create(sanne, plan.slug, {
          goalId: goal.id,
          slot: draft.slot,
          blocks: draft.blocks,
        });
      } catch (error) {
        const taken =
          (error instanceof AppError && error.code === 'CONFLICT') ||
          (error as { code?: unknown }).code === '23505';
        if (g === 0 && d === 0 && taken) return { seeded: false };
        throw error;
      }
      step(20);
      const linked =
        d === 0 ? own.slice(0, half) : own.slice(half).length > 0 ? own.slice(half) : own.slice(0, 1);
      if (linked.length > 0)
        section = await sections.linkClusters(sanne, section.id, { clusterIds: linked.slice(0, 6) });
      step(2);
      written.push(section);
    }
    made.push(written);
  }

  // Into consultation: goal 1's horizon and goal 2's steps, for the DB meeting of 26 November.
  const open = [made[0]![0]!, made[1]![1]!];
  for (const section of open) {
    await sections.transition(sanne, section.id, {
      to: 'in_consultatie',
      milestoneId: milestone.id,
      note: 'Graag uw reactie vóór de DB-vergadering van 26 november.',
    });
    step(5);
  }
  const [horizon, steps] = open as [SectionDetail, SectionDetail];

  // The councils comment, on passages and on whole paragraphs.
  step(45);
  const teams = await sections.comment(marieke, horizon.id, {
    body:
      'De ambassadeurs doen veel, maar het zijn de teams zelf die de omslag maken. Noem de teams hier ook, anders ' +
      'lijkt het een klus voor een kleine groep.',
    ...passage(horizon, 'g1h-2', 'Ambassadeurs Positieve Gezondheid'),
  });
  step(4);
  const contact = await sections.comment(marieke, horizon.id, {
    body:
      'Eén vast aanspreekpunt per gemeente is een goed idee, maar wie gaat dat doen? Het lukt niet naast het gewone ' +
      'werk van de accountmanagers.',
    blockId: 'g1h-3',
  });
  step(3);
  await sections.comment(marieke, horizon.id, {
    body:
      'Wat betekent dit voor collega’s in de ambulancezorg? Hun werk is vooral acuut. Graag een voorbeeld van hoe ' +
      'het er daar uitziet.',
    ...passage(horizon, 'g1h-1', 'vanuit gezondheid, niet vanuit ziekte'),
  });
  step(11);
  await sections.comment(charlotte, horizon.id, {
    body:
      'Tien producten is een willekeurig getal. Infectieziektebestrijding en medische milieukunde zijn wettelijke ' +
      'taken en horen niet in een productenlijst.',
    ...passage(horizon, 'g1h-4', 'teruggebracht tot tien producten'),
  });
  step(2);
  const specialists = await sections.comment(charlotte, horizon.id, {
    body:
      'Noem de medisch specialisten uitdrukkelijk in de transmurale netwerken; nu lijkt het vooral over de ' +
      'eerste lijn te gaan.',
    ...passage(horizon, 'g1h-3', 'transmurale netwerken'),
  });
  step(6);
  await sections.comment(charlotte, steps.id, {
    body:
      'Betrek de huisartsen bij het hitteplan. Zij kennen de kwetsbare ouderen in hun praktijk het best, ook als ' +
      'die niet in beeld zijn bij de wijkteams.',
    ...passage(steps, 'g2s-1', 'een overzicht van kwetsbare inwoners'),
  });
  step(5);
  await sections.comment(marieke, steps.id, {
    body: 'Oefenen buiten kantoortijd kost collega’s vrije tijd. Hoe wordt dat gecompenseerd?',
    blockId: 'g2s-3',
  });
  step(30);
  await sections.reply(
    sanne,
    contact.id,
    'Goede vraag. We werken dit uit in ‘Stappen en keuzes’ en komen erop terug.',
  );

  // Monday morning: the redraft (which moves one passage and loses the one on ten products), then resolving.
  start = PROCESSING;
  minutes = 0;
  const redrafted = await sections.save(sanne, horizon.id, {
    baseRevision: horizon.revision.number,
    blocks: redraft,
  });
  step(10);
  await sections.resolve(sanne, teams.id, {
    resolution: 'verwerkt',
    sectionId: horizon.id,
    revisionId: redrafted.revision.id,
  });
  step(3);
  await sections.resolve(sanne, specialists.id, {
    resolution: 'niet_overgenomen',
    reason:
      'Ziekenhuizen staan al in de opsomming. Welke specialismen aansluiten, spreken we per netwerk af in de ' +
      'werkgroep transmurale netwerken, niet in de stip op de horizon.',
  });
  step(4);
  await sections.resolve(sanne, contact.id, {
    resolution: 'beantwoord',
    answer:
      'Het vaste aanspreekpunt komt uit het bestaande accountteam. In 2027 maken we daar uren voor vrij in de ' +
      'jaarplannen van de RVE’en; de OR krijgt de uitwerking ter advies.',
  });
  step(2);
  // Left open on purpose: the OR's question on the ambulancezorg, the two on goal 2's steps, and the
  // MAR's comment on ten products, whose passage the redraft removed (it shows as "tekst gewijzigd").

  // The OR's formal advice for the DB meeting, and the team's answer to every point.
  const advice = createAdviceService({
    db,
    now: () => new Date(WRITING.getTime() + 150 * 60_000),
    baseUrl: () => '',
    maxAttachmentBytes: 0,
  });
  const given = await advice.submit(
    marieke,
    plan.slug,
    {
      milestoneId: milestone.id,
      summary: adviceOfTheOr.summary,
      points: adviceOfTheOr.points.map((text) => ({ text })),
    },
    undefined,
  );
  const answering = createAdviceService({ db, now: at, baseUrl: () => '', maxAttachmentBytes: 0 });
  step(15);
  await answering.respond(sanne, given.id, {
    responses: given.points.map((point, i) => ({ pointId: point.id, ...adviceOfTheOr.responses[i]! })),
  });

  // The demo's history is not news: the mails it queued stay in the demo mailbox and are never sent.
  await db
    .updateTable('mail_message')
    .set({ state: 'outbox' })
    .where('state', '=', 'queued')
    .where('kind', 'in', ['comment.resolved', 'advice.answered'])
    .where('created_at', '>=', WRITING)
    .where('created_at', '<=', at())
    .execute();
  return { seeded: true };
}
