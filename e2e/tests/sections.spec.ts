// Draft sections and anchored comments: the programme team puts a section into consultation (set up
// through the API), an OR member comments on a selected passage by mouse and on a paragraph by keyboard
// only, the team resolves both on /opmerkingen, and the section shows how each was resolved.
import type { APIRequestContext, Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { cspRefusals, expect, signInAsDemo, tabTo, test } from './fixtures.ts';
import { apiAs } from './rounds.ts';

type Summary = { id: string; state: string; revision: { id: string; number: number } };
type Outline = { goals: Array<{ id: string; slots: Array<{ slot: string; section: Summary | null }> }> };
type Detail = Summary & { blocks: Array<{ id: string; text: string }> };

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['get']>>, what: string): Promise<T> {
  expect(response.ok(), `${what}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** A section in consultation with this text: a free outline slot if there is one, else one not yet adopted. */
async function sectionInConsultation(team: APIRequestContext, blocks: Array<{ kind: string; text: string }>) {
  const { items } = await ok<{ items: Array<{ slug: string }> }>(await team.get('/api/plans'), 'plans');
  const slug = items[0]!.slug;
  const plan = await ok<{ milestones: Array<{ id: string }> }>(await team.get(`/api/plans/${slug}`), 'plan');
  const outline = await ok<Outline>(await team.get(`/api/plans/${slug}/sections`), 'sections');
  const free = outline.goals.flatMap((g) =>
    g.slots.filter((s) => !s.section).map((s) => ({ goalId: g.id, slot: s.slot })),
  )[0];
  let section: Detail;
  if (free) {
    section = await ok<Detail>(
      await team.post(`/api/plans/${slug}/sections`, { data: { ...free, blocks: [] } }),
      'create',
    );
  } else {
    const taken = outline.goals.flatMap((g) =>
      g.slots.flatMap((s) => (s.section && s.section.state !== 'vastgesteld' ? [s.section] : [])),
    )[0]!;
    section = await ok<Detail>(await team.get(`/api/sections/${taken.id}`), 'section');
  }
  section = await ok<Detail>(
    await team.put(`/api/sections/${section.id}`, {
      data: { baseRevision: section.revision.number, blocks },
    }),
    'save',
  );
  const milestoneId = plan.milestones[0]!.id;
  const path: Record<string, string[]> = {
    concept: ['in_consultatie'],
    herzien: ['in_consultatie'],
    in_consultatie: [],
  };
  for (const to of path[section.state] ?? []) {
    section = await ok<Detail>(
      await team.post(`/api/sections/${section.id}/transition`, {
        data: { to, milestoneId, note: 'Voor de e2e-test.' },
      }),
      `to ${to}`,
    );
  }
  expect(section.state).toBe('in_consultatie');
  return section;
}

const blockText = (page: Page, text: string) => page.locator('[data-block-text]').filter({ hasText: text });

test('an OR member comments by mouse and by keyboard; the programme team resolves; the section shows it', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const first = `Jongeren met somberheid vinden sneller hulp via de jeugdgezondheidszorg op school ${stamp}.`;
  const second = `Huisartsen krijgen meer tijd voor ouderen met meerdere aandoeningen ${stamp}.`;
  const team = await apiAs(baseURL!, 'programmateam');
  const section = await sectionInConsultation(team, [
    { kind: 'heading', text: `Gezond opgroeien ${stamp}` },
    { kind: 'paragraph', text: first },
    { kind: 'paragraph', text: second },
    { kind: 'listItem', text: 'Een steunpunt per regio.' },
    { kind: 'listItem', text: 'Samen met de gemeenten.' },
  ]);
  const address = `/onderdelen/${section.id}`;

  // The OR member finds the sections from the menu.
  await signInAsDemo(page, 'Marieke Jansen');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Onderdelen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Onderdelen van het plan');
  await expect(page.getByText('In consultatie').first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(address);
  await expect(page.getByRole('heading', { level: 2, name: `Gezond opgroeien ${stamp}` })).toBeVisible();
  const panel = page.getByRole('group', { name: 'Reageren op geselecteerde tekst' });
  await expect(page.getByRole('button', { name: 'Reageer op selectie' })).toHaveCount(0);

  // 1. A passage selected by mouse: drag over the first words of the first paragraph.
  const paragraph = blockText(page, first);
  const box = (await paragraph.boundingBox())!;
  await page.mouse.move(box.x + 1, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + 160, box.y + 8, { steps: 8 });
  await page.mouse.up();
  await expect(panel).toContainText('Geselecteerd: “Jongeren');
  await panel.getByRole('button', { name: 'Reageer op selectie' }).click();
  const byMouse = `Noem ook de wachttijden bij de jeugd-ggz ${stamp}.`;
  await panel.getByLabel('Uw reactie op de selectie').fill(byMouse);
  await panel.getByRole('button', { name: 'Reactie plaatsen' }).click();
  const mouseThread = page.getByRole('article').filter({ hasText: byMouse });
  await expect(mouseThread).toBeVisible();
  await expect(mouseThread.locator('mark')).toContainText('Jongeren');
  await expect(paragraph.locator('mark')).toContainText('Jongeren');

  // Shift+arrows in a paragraph select too (keyboard), and a selection over two paragraphs is refused.
  await blockText(page, second).focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(panel).toContainText('Geselecteerd: “Huisartsen');
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Reageer op selectie' })).toBeFocused();
  // A string, not a function: this project's e2e types have no DOM library.
  await page.evaluate(`(() => {
    const [a, b] = [...document.querySelectorAll('[data-block-text]')].slice(1, 3);
    document.getSelection().setBaseAndExtent(a, 0, b, 1);
  })()`);
  await expect(panel).toContainText('loopt over twee alinea’s');

  // 2. A whole paragraph by keyboard only: from the second paragraph, Tab to its button, Enter, type, send.
  await blockText(page, second).focus();
  const open = page.locator(`#b-${section.blocks[2]!.id} summary`);
  await tabTo(page, open);
  await expect(open).toBeFocused();
  await expect(open).toContainText('Reageer op deze alinea');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(
    page.locator(`#b-${section.blocks[2]!.id}`).getByLabel('Uw reactie op deze alinea'),
  ).toBeFocused();
  const byKeyboard = `Wie betaalt de extra tijd van de huisartsen ${stamp}?`;
  await page.keyboard.type(byKeyboard);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Uw reactie is geplaatst.' })).toBeVisible();
  await expect(page.getByRole('article').filter({ hasText: byKeyboard })).toContainText(
    'Reactie op de hele alinea',
  );
  await page.screenshot({ path: 'screenshots/onderdeel-reacties.png', fullPage: true });
  await expectNoAxeViolations(page);

  // Without JavaScript the paragraph form still works: open the paragraph's form, write, send.
  const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signInAsDemo(plain, 'Marieke Jansen');
  await plain.goto(address);
  const item = plain.locator(`#b-${section.blocks[3]!.id}`);
  await item.getByText('Reageer op deze alinea').click();
  const withoutJs = `Welke regio's krijgen als eerste een steunpunt ${stamp}?`;
  await item.getByLabel('Uw reactie op deze alinea').fill(withoutJs);
  await item.getByRole('button', { name: 'Reactie plaatsen' }).click();
  await expect(plain.getByRole('article').filter({ hasText: withoutJs })).toBeVisible();
  await expectNoAxeViolations(plain, { javaScript: false });
  await plain.context().close();

  // The team redrafts: a new revision; the passage comment stays with its passage.
  const current = await ok<Detail>(await team.get(`/api/sections/${section.id}`), 'section');
  const redrafted = await ok<Detail>(
    await team.put(`/api/sections/${section.id}`, {
      data: {
        baseRevision: current.revision.number,
        blocks: current.blocks.map((b) =>
          b.text === second ? { ...b, text: `${second} Zij krijgen daarvoor ondersteuning.` } : b,
        ),
      },
    }),
    'redraft',
  );
  await team.dispose();

  // 3. The programme team resolves both on /opmerkingen.
  const teamPage = await (await browser.newContext()).newPage();
  const teamRefusals = cspRefusals(teamPage);
  await signInAsDemo(teamPage, 'Sanne de Vries');
  await teamPage.goto('/opmerkingen');
  await expect(teamPage.getByRole('heading', { level: 1 })).toHaveText('Reacties op onderdelen');
  await expectNoAxeViolations(teamPage);
  await teamPage.goto(`/opmerkingen?onderdeel=${section.id}`);
  const answerItem = teamPage.getByRole('listitem').filter({ hasText: byKeyboard });
  await answerItem.getByText('Afhandelen', { exact: true }).click();
  await answerItem.getByLabel('Beantwoord', { exact: true }).check();
  await answerItem.getByRole('button', { name: 'Afhandeling opslaan' }).click();
  await expect(answerItem.getByRole('alert')).toContainText('Schrijf het antwoord.');
  await expectNoAxeViolations(teamPage);
  const answer = `De regio betaalt de extra tijd uit het budget voor ouderenzorg ${stamp}.`;
  await answerItem.getByLabel('Antwoord', { exact: true }).fill(answer);
  await answerItem.getByRole('button', { name: 'Afhandeling opslaan' }).click();
  await expect(teamPage.getByRole('status').filter({ hasText: 'De reactie is afgehandeld.' })).toBeVisible();

  const workedItem = teamPage.getByRole('listitem').filter({ hasText: byMouse });
  await workedItem.getByText('Afhandelen', { exact: true }).click();
  await workedItem.getByLabel('Verwerkt', { exact: true }).check();
  await workedItem
    .getByLabel('Verwerkt in (onderdeel en versie)')
    .selectOption(`${section.id}|${redrafted.revision.id}`);
  await workedItem.getByRole('button', { name: 'Afhandeling opslaan' }).click();
  await expect(workedItem).toContainText(`Verwerkt in versie ${redrafted.revision.number}`);
  // Still the same filtered list after the resolutions.
  await expect(teamPage.getByLabel('Onderdeel', { exact: true })).toHaveValue(section.id);
  await expect(teamPage.getByRole('heading', { level: 2, name: 'Reacties (3)' })).toBeVisible();
  await teamPage.screenshot({ path: 'screenshots/opmerkingen.png', fullPage: true });
  await expectNoAxeViolations(teamPage);

  // 4. The section shows how each comment was resolved, to the OR member as well: live, in the page
  // she still has open (no reload), and after a reload.
  await expect(page).toHaveURL(new RegExp(`${address}$`));
  await expect(page.getByRole('article').filter({ hasText: byKeyboard })).toContainText('Beantwoord', {
    timeout: 10_000,
  });
  await page.reload();
  const answered = page.getByRole('article').filter({ hasText: byKeyboard });
  await expect(answered).toContainText('Beantwoord');
  await expect(answered).toContainText(answer);
  const worked = page.getByRole('article').filter({ hasText: byMouse });
  await expect(
    worked.getByRole('link', { name: `Verwerkt in versie ${redrafted.revision.number}` }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // And on "Mijn inbreng" she finds what was done with her comment.
  await page.goto('/mijn-inbreng');
  await expect(page.getByRole('heading', { name: 'Mijn reacties op het concept' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(answer);
  await expectNoAxeViolations(page);
  await page.goto(address);

  // The versions page: the word diff of the redraft, readable without colour.
  await page.getByRole('link', { name: 'Versies en verschillen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Versies');
  await expect(page.locator('ins').first()).toContainText('ondersteuning');
  await expect(page.locator('ins .inb-visually-hidden').first()).toHaveText('ingevoegd:');
  await page.screenshot({ path: 'screenshots/onderdeel-versies.png', fullPage: true });
  await expectNoAxeViolations(page);

  // The team's editor.
  await teamPage.goto(`${address}/bewerken`);
  await expect(teamPage.getByRole('heading', { level: 1 })).toHaveText('Onderdeel bewerken');
  await expect(teamPage.getByLabel('Tekst van het blok').first()).toHaveValue(`Gezond opgroeien ${stamp}`);
  await teamPage.screenshot({ path: 'screenshots/onderdeel-bewerken.png', fullPage: true });
  await expectNoAxeViolations(teamPage);

  // Add a paragraph, move it up, save: a new version.
  await teamPage.getByRole('button', { name: 'Alinea toevoegen' }).click();
  const added = `Een nieuwe alinea van het programmateam ${stamp}.`;
  await expect(teamPage.getByLabel('Tekst van het blok').last()).toBeFocused();
  await teamPage.keyboard.type(added);
  await teamPage.getByRole('button', { name: 'Omhoog (blok 6)' }).click();
  await expect(
    teamPage.getByRole('group', { name: 'Blok 5: Alinea' }).getByLabel('Tekst van het blok'),
  ).toHaveValue(added);
  await teamPage.getByRole('button', { name: 'Tekst opslaan' }).click();
  await expect(teamPage.getByRole('status').filter({ hasText: 'opgeslagen als versie' })).toBeVisible();

  // A colleague saves in between: the editor shows both versions and keeps the person's choice.
  const colleague = await apiAs(baseURL!, 'programmateam');
  const now = await ok<Detail>(await colleague.get(`/api/sections/${section.id}`), 'section');
  await ok<Detail>(
    await colleague.put(`/api/sections/${section.id}`, {
      data: {
        baseRevision: now.revision.number,
        blocks: [...now.blocks, { kind: 'paragraph', text: `Van een collega ${stamp}.` }],
      },
    }),
    'colleague saves',
  );
  await colleague.dispose();
  const mine = `Mijn versie van de kop ${stamp}`;
  await teamPage.getByLabel('Tekst van het blok').first().fill(mine);
  await teamPage.getByRole('button', { name: 'Tekst opslaan' }).click();
  const conflict = teamPage.getByRole('region', { name: 'Iemand anders heeft de tekst intussen gewijzigd' });
  await expect(conflict).toContainText(`Van een collega ${stamp}.`);
  await expect(conflict).toContainText(mine);
  await expectNoAxeViolations(teamPage);
  await conflict.getByRole('button', { name: 'Mijn versie opslaan' }).click();
  await expect(teamPage.getByRole('status').filter({ hasText: 'opgeslagen als versie' })).toBeVisible();
  await expect(teamPage.getByLabel('Tekst van het blok').first()).toHaveValue(mine);
  expect(teamRefusals, 'CSP refusals in the team page').toEqual([]);
});
