// The programme team sets up a round in the browser: the form with its errors, questions per theme,
// opening it; the people it asks then find it.
import { expectNoAxeViolations } from './axe.ts';
import { cspRefusals, expect, signInAsDemo, test } from './fixtures.ts';
import { uniqueTitle } from './rounds.ts';

test('the programme team creates a round, writes its questions and opens it; a medewerker finds it', async ({
  page,
}) => {
  const title = uniqueTitle('Wijkgericht werken');
  await signInAsDemo(page, 'Sanne de Vries');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Rondes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rondes');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Nieuwe ronde' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuwe ronde');
  // Nothing filled in: every error next to its field and in the summary.
  await page.getByRole('button', { name: 'Ronde aanmaken' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Titel: Geef de ronde een titel');
  await expect(summary).toContainText('Thema’s: Kies minstens één thema.');
  await expect(summary).toContainText('Kies wie u om inbreng vraagt');
  await expectNoAxeViolations(page);

  await page.getByRole('textbox', { name: 'Titel' }).fill(title);
  await page
    .getByRole('textbox', { name: 'Doel van de ronde' })
    .fill('Wat betekent wijkgericht werken voor u?');
  await page.getByLabel('Opent op').fill('2026-11-01');
  await page.getByLabel('Sluit na').fill('2026-10-01');
  await page.getByRole('combobox', { name: 'Bestuursmoment' }).selectOption({ index: 5 });
  const groups = page.getByRole('group', { name: 'Groepen' });
  await groups.getByRole('checkbox', { name: 'Medewerkers van Hecht' }).check();
  await page
    .getByRole('group', { name: 'Gemeente', exact: true })
    .getByRole('checkbox', { name: 'Gemeente Gouda' })
    .check();
  await page.getByRole('checkbox', { name: 'Noodsteunpunten in de wijk' }).check();
  await page.getByRole('button', { name: 'Ronde aanmaken' }).click();
  // What was filled in stays; the date that does not fit is pointed out.
  await expect(page.getByRole('alert')).toContainText('De sluitdatum ligt vóór de openingsdatum.');
  await expect(page.getByRole('checkbox', { name: 'Gemeente Gouda' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Noodsteunpunten in de wijk' })).toBeChecked();
  await page.getByLabel('Sluit na').fill('2030-12-31');
  await page.screenshot({ path: 'screenshots/ronde-formulier.png', fullPage: true });
  await page.getByRole('button', { name: 'Ronde aanmaken' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByRole('status')).toContainText('De ronde is aangemaakt als concept');
  await expect(page.getByRole('main')).toContainText('Nog geen vragen bij dit thema.');
  await expectNoAxeViolations(page);

  // A choice question needs two choices; then it is there.
  const theme = page.getByRole('region', { name: 'Noodsteunpunten in de wijk' });
  await theme.locator('summary').filter({ hasText: 'Vraag toevoegen' }).click();
  await theme.getByRole('combobox', { name: 'Soort vraag' }).selectOption('single');
  await theme.getByRole('textbox', { name: 'Vraag', exact: true }).fill('Waar hoort een noodsteunpunt?');
  await theme.getByRole('textbox', { name: 'Keuzes' }).fill('In het wijkcentrum');
  await theme.getByRole('button', { name: 'Vraag toevoegen' }).click();
  await expect(theme.getByRole('alert')).toContainText('Keuzes: Geef minstens twee keuzes.');
  await theme
    .getByRole('textbox', { name: 'Keuzes' })
    .fill('In het wijkcentrum\nIn de bibliotheek\nBij de huisarts');
  await theme.getByRole('button', { name: 'Vraag toevoegen' }).click();
  await expect(page.getByRole('status')).toHaveText('De vraag is toegevoegd.');
  await expect(theme).toContainText('In het wijkcentrum / In de bibliotheek / Bij de huisarts');
  await page.screenshot({ path: 'screenshots/ronde-concept.png', fullPage: true });
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Ronde nu openen' }).click();
  await expect(page.getByRole('status')).toHaveText('De ronde staat nu op ‘Open’.');
  await expect(page.getByRole('button', { name: 'Ronde sluiten' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Volgen: wie heeft gereageerd' })).toBeVisible();

  // Once open, who is asked and about what is fixed; the edit form says so.
  await page.getByRole('link', { name: 'Ronde wijzigen' }).click();
  await expect(
    page.getByText('De ronde is open: wie hij vraagt en over welke thema’s ligt nu vast.'),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('textbox', { name: 'Titel' }).fill(`${title} (verlengd)`);
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByRole('status')).toHaveText('De ronde is opgeslagen.');

  // Closing and reopening: the reason is asked for.
  await page.getByRole('button', { name: 'Ronde sluiten' }).click();
  await expect(page.getByRole('status')).toHaveText('De ronde staat nu op ‘Gesloten’.');
  await page.getByRole('button', { name: 'Heropenen' }).click();
  await expect(page.getByRole('alert')).toContainText('Geef een reden om de ronde te heropenen.');
  await page.getByRole('textbox', { name: 'Reden' }).fill('Meer tijd voor de gemeenten.');
  await page.getByRole('button', { name: 'Heropenen' }).click();
  await expect(page.getByRole('status')).toHaveText('De ronde staat nu op ‘Open’.');

  // A medewerker is asked: the round is in their list, with the theme to give input on.
  const ahmed = await (await page.context().browser()!.newContext()).newPage();
  const refusals = cspRefusals(ahmed);
  await signInAsDemo(ahmed, 'Ahmed el Amrani');
  await ahmed.goto('/rondes');
  await ahmed.getByRole('link', { name: `${title} (verlengd)` }).click();
  await expect(ahmed.getByRole('link', { name: 'Geef inbreng: Noodsteunpunten in de wijk' })).toBeVisible();
  await expectNoAxeViolations(ahmed);
  await ahmed.close();
  expect(refusals, 'CSP refusals in the console').toEqual([]);
});

test('someone outside the programme team cannot reach the round form', async ({ page }) => {
  await signInAsDemo(page, 'Ahmed el Amrani');
  const response = await page.goto('/rondes/nieuw');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');
  await expect(
    page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Inbreng', exact: true }),
  ).toHaveCount(0);
});
