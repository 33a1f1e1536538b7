// "What became of my input": Ahmed gives input, the programme team sorts it into a cluster on the wall
// and a section of the plan is written from that cluster and put into consultation (set up through the
// API, as the wall and sections have their own tests); on "Mijn inbreng" Ahmed then sees the cluster,
// the section with its state and a link to it, and how its comments were handled.
import type { APIRequestContext } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { expect, signInAsDemo, test } from './fixtures.ts';
import { apiAs, openRound, uniqueTitle } from './rounds.ts';

type Plan = {
  id: string;
  slug: string;
  goals: Array<{ id: string; title: string }>;
  milestones: Array<{ id: string }>;
};
type Slot = 'horizon' | 'steps' | 'roles' | 'actions';
type PlanSections = {
  goals: Array<{
    id: string;
    title: string;
    slots: Array<{ slot: Slot; section: { id: string; state: string } | null }>;
  }>;
};
type Section = { id: string; state: string; goal: { title: string }; clusters: Array<{ id: string }> };

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['get']>>, what: string): Promise<T> {
  expect(response.ok(), `${what}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

const slotNames: Record<Slot, string> = {
  horizon: 'Stip op de horizon',
  steps: 'Stappen en keuzes',
  roles: 'Wie, wanneer, welke rol',
  actions: 'Concrete acties',
};

test('a contributor sees on “Mijn inbreng” what was done with their input', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  const round = await openRound(baseURL!, {
    title: uniqueTitle('Terugkoppeling'),
    audienceGroups: ['medewerker'],
    questions: [{ kind: 'open', prompt: 'Wat moet er beter in de overdracht?' }],
  });
  const theme = round.themes[0]!;

  // Ahmed gives his input.
  const ahmed = await apiAs(baseURL!, 'medewerker');
  const given = await ok<{ id: string }>(
    await ahmed.post('/api/contributions', {
      data: {
        clientKey: `feedback${stamp}`,
        roundId: round.id,
        themeId: theme.id,
        visibility: 'name',
        answers: [
          {
            questionId: round.questions[0]!.id,
            text: `Overdracht kraamzorg naar JGZ gaat per post (${stamp}).`,
          },
        ],
      },
    }),
    'give input',
  );
  await ahmed.dispose();

  // Sanne sorts it into a cluster on the theme's wall and links the cluster to a section in consultation.
  const team = await apiAs(baseURL!, 'programmateam');
  const cluster = `Overdracht ${stamp}`;
  let sectionName: string;
  let sectionId: string;
  try {
    const { items } = await ok<{ items: Array<{ slug: string }> }>(await team.get('/api/plans'), 'plans');
    const plan = await ok<Plan>(await team.get(`/api/plans/${items[0]!.slug}`), 'plan');
    const wall = await ok<{ id: string }>(
      await team.post('/api/walls', { data: { planId: plan.id, themeId: theme.id } }),
      'wall',
    );
    const made = await ok<{ event: { clusterIds: string[] } }>(
      await team.post(`/api/walls/${wall.id}/clusters`, { data: { name: cluster } }),
      'cluster',
    );
    const clusterId = made.event.clusterIds[0]!;
    const cards = await ok<{ items: Array<{ id: string; contributionId: string; version: number }> }>(
      await team.get(`/api/walls/${wall.id}/cards?roundId=${round.id}&pageSize=500`),
      'cards',
    );
    const card = cards.items.find((c) => c.contributionId === given.id)!;
    await ok(
      await team.post(`/api/walls/${wall.id}/cards/${card.id}/move`, {
        data: { clusterId, expectedVersion: card.version },
      }),
      'move card',
    );

    // A free slot gets a new section, put into consultation; when every slot is written already, the
    // cluster joins a section that is past its concept (its state is left as it is).
    const outline = await ok<PlanSections>(await team.get(`/api/plans/${plan.slug}/sections`), 'sections');
    const free = outline.goals.flatMap((g) =>
      g.slots.filter((s) => !s.section).map((s) => ({ goal: g, slot: s.slot })),
    )[0];
    let section: Section;
    if (free) {
      section = await ok<Section>(
        await team.post(`/api/plans/${plan.slug}/sections`, {
          data: {
            goalId: free.goal.id,
            slot: free.slot,
            blocks: [{ text: 'Kraamzorg en JGZ delen één digitaal dossier.' }],
          },
        }),
        'create section',
      );
      section = await ok<Section>(
        await team.post(`/api/sections/${section.id}/transition`, {
          data: { to: 'in_consultatie', milestoneId: plan.milestones[0]!.id },
        }),
        'into consultation',
      );
      sectionName = `${free.goal.title} — ${slotNames[free.slot]}`;
    } else {
      const open = outline.goals
        .flatMap((g) => g.slots.map((s) => ({ goal: g, slot: s.slot, section: s.section! })))
        .find((s) => s.section.state !== 'concept')!;
      section = await ok<Section>(await team.get(`/api/sections/${open.section.id}`), 'section');
      sectionName = `${open.goal.title} — ${slotNames[open.slot]}`;
    }
    section = await ok<Section>(
      await team.put(`/api/sections/${section.id}/clusters`, {
        data: { clusterIds: [...section.clusters.map((c) => c.id), clusterId] },
      }),
      'link cluster',
    );
    sectionId = section.id;
  } finally {
    await team.dispose();
  }

  // Ahmed looks at "Mijn inbreng".
  await signInAsDemo(page, 'Ahmed el Amrani');
  await page.goto('/mijn-inbreng');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn inbreng');
  await expect(page.getByRole('columnheader', { name: 'Wat is ermee gedaan' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: round.title });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`Cluster: ${cluster}`);
  const link = row.getByRole('link', { name: sectionName });
  await expect(link).toHaveAttribute('href', `/onderdelen/${sectionId}`);
  await expect(row).toContainText(/Status: (In consultatie|Herzien|Vastgesteld)/);
  await expect(row).toContainText(/Reacties: /);
  await page.screenshot({ path: 'screenshots/mijn-inbreng-terugkoppeling.png', fullPage: true });
  await expectNoAxeViolations(page);
});
