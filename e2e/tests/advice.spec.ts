// Formal advice: everyone signed in reads the OR's demo advice with the team's response per point; an
// OR member's form refuses a program renamed to advies.pdf with the Dutch message at the file field,
// then gives the advice; the programme team answers a point, and is told in Dutch what is missing.
import { expectNoAxeViolations } from './axe.ts';
import { expect, signInAsDemo, test } from './fixtures.ts';

test('the OR’s demo advice shows every point with “u adviseerde — wij hebben — daarom”', async ({ page }) => {
  await signInAsDemo(page, 'Ahmed el Amrani');
  await page.goto('/onderdelen');
  await page.getByRole('link', { name: 'Adviezen van de adviesraden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Adviezen van de adviesraden' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Advies van de Ondernemingsraad (OR)' }).first().click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Advies van de Ondernemingsraad (OR)' }),
  ).toBeVisible();
  await expect(page.getByText('Op alle punten gereageerd')).toBeVisible();
  const points = page.locator('.advice-point');
  await expect(points).toHaveCount(4);
  await expect(points.nth(0)).toContainText('U adviseerde');
  await expect(points.nth(0)).toContainText('Neem werkdruk op als indicator');
  await expect(points.nth(1)).toContainText('Deels overgenomen');
  await expect(points.nth(3)).toContainText('Niet overgenomen');
  await expect(points.nth(3)).toContainText('Daarom');
  // Only the programme team answers.
  await expect(page.getByRole('button', { name: 'Reactie opslaan' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('an OR member’s renamed program is refused; the advice is given and the team answers a point', async ({
  page,
}) => {
  await signInAsDemo(page, 'Marieke Jansen');
  await page.goto('/advies');
  await page.getByRole('link', { name: 'Advies uitbrengen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Advies uitbrengen' })).toBeVisible();
  await expectNoAxeViolations(page);

  const ab = await page.locator('#milestoneId option', { hasText: '16 december 2026' }).getAttribute('value');
  await page.locator('#milestoneId').selectOption(ab!);
  await page
    .getByLabel('Adviespunt 1', { exact: true })
    .fill('Houd de OR op de hoogte van de uitwerking per RVE.');
  // With the rest filled in, a file over the limit is refused with the limit in Dutch, at the file field.
  await page.getByLabel('Bijlage (PDF of Word)').setInputFiles({
    name: 'groot.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)]),
  });
  await page.getByRole('button', { name: 'Advies uitbrengen' }).click();
  await expect(page.locator('#attachment-error')).toHaveText(
    'Het bestand is te groot. Voeg een bestand toe van hoogstens 10 MB.',
  );

  await page.getByRole('button', { name: 'Adviespunt toevoegen' }).click();
  await expect(page.getByLabel('Adviespunt 2', { exact: true })).toBeFocused();
  await page.keyboard.type('Leg vast hoe medewerkers meepraten over de communicatie.');
  const program = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(256, 0x41)]);
  await page.getByLabel('Bijlage (PDF of Word)').setInputFiles({
    name: 'advies.pdf',
    mimeType: 'application/pdf',
    buffer: program,
  });
  await page.getByRole('button', { name: 'Advies uitbrengen' }).click();

  const summary = page.getByRole('alert');
  await expect(summary).toContainText('programma of script, geen PDF- of Word-document');
  await expect(page.locator('#attachment-error')).toContainText('programma of script');
  await expect(page.getByLabel('Bijlage (PDF of Word)')).toHaveAttribute('aria-invalid', 'true');
  // What was typed is kept.
  await expect(page.getByLabel('Adviespunt 2', { exact: true })).toHaveValue(
    'Leg vast hoe medewerkers meepraten over de communicatie.',
  );
  await expectNoAxeViolations(page);

  // With a real PDF the advice goes through, and the file comes back as a download only.
  await page.locator('#milestoneId').selectOption(ab!);
  await page.getByLabel('Bijlage (PDF of Word)').setInputFiles({
    name: 'Advies OR.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    ),
  });
  await page.getByRole('button', { name: 'Advies uitbrengen' }).click();
  await expect(page.getByRole('status')).toContainText('Uw advies is uitgebracht.');
  await expect(page.getByText('Op 0 van 2 punten gereageerd')).toBeVisible();
  const download = page.getByRole('link', { name: /^Download Advies OR\.pdf \(PDF, / });
  const file = await page.request.get((await download.getAttribute('href'))!);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-disposition']).toMatch(/^attachment; filename="Advies OR\.pdf"/);
  expect(file.headers()['x-content-type-options']).toBe('nosniff');
  expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
  const adviceUrl = page.url().replace(/\?.*$/, '');

  await page.context().clearCookies();
  await signInAsDemo(page, 'Sanne de Vries');
  await page.goto(adviceUrl);
  const first = page.getByRole('group', { name: 'Adviespunt 1' });
  await first.getByRole('radio', { name: 'Niet overgenomen' }).check();
  await first.getByLabel('Wij hebben').fill('We houden de huidige overleggen per RVE aan.');
  await page.getByRole('button', { name: 'Reactie opslaan' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Leg uit waarom het advies niet (helemaal) is overgenomen.',
  );
  await expectNoAxeViolations(page);

  await page
    .getByRole('group', { name: 'Adviespunt 1' })
    .getByLabel('Daarom', { exact: true })
    .fill('De OR zit al in elk overleg per RVE.');
  await page.getByRole('button', { name: 'Reactie opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('De reactie is opgeslagen.');
  await expect(page.getByText('Op 1 van 2 punten gereageerd')).toBeVisible();
  await expect(page.locator('.advice-point').first()).toContainText('De OR zit al in elk overleg per RVE.');
  await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the advice form offers a fixed number of empty points and no add button', async ({ page }) => {
    await signInAsDemo(page, 'Marieke Jansen');
    await page.goto('/advies/nieuw');
    await expect(page.getByRole('textbox', { name: /^Adviespunt \d+$/ })).toHaveCount(5);
    await expect(page.getByRole('button', { name: 'Adviespunt toevoegen' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Advies uitbrengen' }).click();
    await expect(page.locator('#milestoneId-error')).toContainText('Kies het moment');
    await expect(page.locator('#point-1-error')).toContainText('Geef ten minste één adviespunt.');
    await expectNoAxeViolations(page, { javaScript: false });
  });
});
