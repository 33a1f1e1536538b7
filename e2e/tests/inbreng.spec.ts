// Finding input: the programme team records what was said in a meeting, searches all input in Dutch,
// and exports it; an advisory council member reads it without seeing who stayed anonymous.
import { expectNoAxeViolations } from './axe.ts';
import { expect, signInAsDemo, test } from './fixtures.ts';
import { apiAs, openRound, uniqueTitle } from './rounds.ts';

test('input from a form and from a meeting is found by Dutch search, exported, and shown as each giver chose', async ({
  page,
  browser,
  baseURL,
}) => {
  const round = await openRound(baseURL!, {
    title: uniqueTitle('Vindbaar'),
    audienceGroups: ['medewerker'],
    questions: [{ kind: 'open', prompt: 'Wat ziet u in de wijk?' }],
  });
  const theme = round.themes[0]!;

  // Ahmed gives input anonymously (through the API: the form itself has its own tests).
  const ahmed = await apiAs(baseURL!, 'medewerker');
  const given = await ahmed.post('/api/contributions', {
    data: {
      clientKey: `e2e${Date.now()}`,
      roundId: round.id,
      themeId: theme.id,
      visibility: 'anonymous',
      answers: [
        { questionId: round.questions[0]!.id, text: 'Veel eenzame ouderen in de flats bij het station.' },
      ],
    },
  });
  expect(given.ok(), await given.text()).toBe(true);
  await ahmed.dispose();

  // Sanne records what the OR said in a meeting.
  await signInAsDemo(page, 'Sanne de Vries');
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Inbreng', exact: true })
    .click();
  await page.getByRole('link', { name: 'Inbreng uit een bijeenkomst vastleggen' }).click();
  await page.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(page.getByRole('alert')).toContainText('Wat is er gezegd?');
  await expectNoAxeViolations(page);
  await page.getByRole('combobox', { name: 'Ronde en thema' }).selectOption(`${round.id}/${theme.id}`);
  await page.getByRole('combobox', { name: 'Namens' }).selectOption({ label: 'Ondernemingsraad (OR)' });
  await page.getByLabel('Datum van de bijeenkomst').fill('2026-11-04');
  await page.getByRole('textbox', { name: 'Bijeenkomst', exact: true }).fill('Overleg OR en programmateam');
  await page
    .getByRole('textbox', { name: 'Wat is er gezegd?' })
    .fill('De OR vraagt aandacht voor eenzaamheid onder collega’s die alleen werken.');
  await page.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(page.getByRole('status')).toHaveText('De inbreng uit de bijeenkomst is vastgelegd.');

  // Dutch full-text search: "eenzaam" finds both "eenzame" and "eenzaamheid".
  await page.goto('/inbreng');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inbreng');
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill('eenzaam');
  await page.getByRole('combobox', { name: 'Ronde' }).selectOption({ label: round.title });
  await page.getByRole('button', { name: 'Toon resultaten' }).click();
  await expect(page).toHaveURL(/q=eenzaam/);
  const results = page.getByRole('article');
  await expect(results).toHaveCount(2);
  await expect(results.filter({ hasText: 'flats bij het station' })).toContainText('Ahmed el Amrani');
  await expect(results.filter({ hasText: 'collega’s die alleen werken' })).toContainText(
    'Overleg OR en programmateam',
  );
  await page.screenshot({ path: 'screenshots/inbreng-lijst.png', fullPage: true });
  await expectNoAxeViolations(page);

  // The export keeps the filters.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Exporteer als CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^inbreng-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv).toContain('flats bij het station');
  expect(csv).toContain('collega’s die alleen werken');

  // Marieke (OR) reads the same list: Ahmed stays anonymous, and there is no export for her.
  const marieke = await (await browser.newContext()).newPage();
  await signInAsDemo(marieke, 'Marieke Jansen');
  await marieke.goto(`/inbreng?q=eenzaam&roundId=${round.id}`);
  const seen = marieke.getByRole('article').filter({ hasText: 'flats bij het station' });
  await expect(seen).toContainText('Anoniem');
  await expect(seen).not.toContainText('Ahmed');
  await expect(marieke.getByRole('link', { name: 'Exporteer als CSV' })).toHaveCount(0);
  await expectNoAxeViolations(marieke);
  await marieke.close();
});
