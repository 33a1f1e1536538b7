import { expectNoAxeViolations } from './axe.ts';
import { expect, signInAsDemo, test } from './fixtures.ts';

test('a person renames themself and sees where they are signed in', async ({ page, browser }) => {
  await signInAsDemo(page, 'Marieke Jansen');
  // A second device.
  const phone = await (
    await browser.newContext({ userAgent: 'Mozilla/5.0 (iPhone) Safari/605.1.15' })
  ).newPage();
  await signInAsDemo(phone, 'Marieke Jansen');

  await page.getByRole('link', { name: 'Mijn profiel' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn profiel');
  const sessions = page.getByRole('table', { name: 'Waar u bent ingelogd' });
  await expect(sessions.getByRole('row').filter({ hasText: 'dit apparaat' })).toHaveCount(1);
  await expect(sessions).toContainText('demo-account');
  await page.screenshot({ path: 'screenshots/profiel.png', fullPage: true });
  await expectNoAxeViolations(page);

  await page.getByRole('textbox', { name: 'Naam' }).fill('Marieke Jansen-de Wit');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByRole('status').first()).toHaveText('Uw profiel is opgeslagen.');
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText('Marieke Jansen-de Wit');

  // End the phone's session from here; the phone is then signed out.
  await sessions.getByRole('button', { name: /^Beëindigen: Safari op iOS/ }).click();
  await expect(page.getByRole('status').first()).toHaveText('De sessie is beëindigd.');
  await phone.goto('/profiel');
  await expect(phone).toHaveURL(/\/inloggen\?terug=%2Fprofiel/);
  await phone.close();

  await page.getByRole('button', { name: 'Overal uitloggen' }).click();
  await expect(page).toHaveURL(/\/inloggen\?uitgelogd=1$/);
});

test('a person can switch Inbreng to English in their profile', async ({ page }) => {
  await signInAsDemo(page, 'Fatima Yilmaz');
  await page.goto('/profiel');
  await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My profile');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoAxeViolations(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('nl');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn profiel');
});

test('a person chooses how often Inbreng mails them about rounds', async ({ page }) => {
  await signInAsDemo(page, 'Johan Visser');
  await page.goto('/profiel');
  const choice = page.getByRole('group', { name: 'Wanneer wilt u e-mail van Inbreng over rondes?' });
  await choice.getByRole('radio', { name: /^Dagelijks overzicht/ }).check();
  await page.getByRole('button', { name: 'Keuze opslaan' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Uw keuze voor e-mail is opgeslagen.' }),
  ).toBeVisible();
  await expect(choice.getByRole('radio', { name: /^Dagelijks overzicht/ })).toBeChecked();
  await expectNoAxeViolations(page);
});

test('my data lists what is stored and downloads as JSON', async ({ page }) => {
  await signInAsDemo(page, 'Johan Visser');
  await page.getByRole('link', { name: 'Mijn gegevens' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn gegevens');
  await expect(page.getByRole('region', { name: 'Over u' })).toContainText('johan.visser@demo.inbreng.nl');
  await expect(page.getByRole('region', { name: 'Organisaties en rollen' })).toContainText(
    'Veiligheidsregio Hollands Midden',
  );
  await expect(page.getByRole('region', { name: 'Wat u deed' })).toContainText('Ingelogd');
  await page.screenshot({ path: 'screenshots/mijn-gegevens.png', fullPage: true });
  await expectNoAxeViolations(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download als JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^inbreng-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json$/);
  const json = JSON.parse(
    await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()),
  );
  expect(json.person.email).toBe('johan.visser@demo.inbreng.nl');
});
