import { expectNoAxeViolations } from './axe.ts';
import { expect, mailIds, newMail, signInAsDemo, test } from './fixtures.ts';

test('the beheerder reaches every part of beheer, and each page passes axe', async ({ page }) => {
  await signInAsDemo(page, 'Els de Boer');
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Beheer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beheer');
  await expectNoAxeViolations(page);

  const parts = [
    ['Organisaties', 'beheer-organisaties'],
    ['Personen', 'beheer-personen'],
    ['Uitnodigingen', 'beheer-uitnodigingen'],
    ['Auditlog', 'beheer-audit'],
    ['E-mail', 'beheer-e-mail'],
    ['Privacyverzoeken', 'beheer-privacy'],
  ] as const;
  for (const [title, shot] of parts) {
    await page.goto('/beheer');
    await page.getByRole('main').getByRole('link', { name: title, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('navigation', { name: 'Kruimelpad' })).toContainText('Beheer');
    await page.screenshot({ path: `screenshots/${shot}.png`, fullPage: true });
    await expectNoAxeViolations(page);
  }

  // The detail pages: an organisation, a person, a mail.
  await page.goto('/beheer/organisaties');
  await page.getByRole('link', { name: 'Gemeente Gouda' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gemeente Gouda');
  await expect(page.getByRole('link', { name: 'Pieter Bakker' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Pieter Bakker' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pieter Bakker');
  await expect(page.getByRole('navigation', { name: 'Kruimelpad' })).toContainText('Personen');
  await page.screenshot({ path: 'screenshots/beheer-persoon.png', fullPage: true });
  await expectNoAxeViolations(page);
});

test('lists filter and keep their filter across pages', async ({ page }) => {
  await signInAsDemo(page, 'Els de Boer');
  await page.goto('/beheer/personen');
  await page.getByRole('combobox', { name: 'Rol' }).selectOption('gemeente_ambtenaar');
  await page.getByRole('button', { name: 'Toon resultaten' }).click();
  await expect(page).toHaveURL(/role=gemeente_ambtenaar/);
  const table = page.getByRole('table');
  await expect(table).toContainText('Fatima Yilmaz');
  await expect(table).toContainText('Pieter Bakker');
  await expect(table).not.toContainText('Sanne de Vries');

  await page.goto('/beheer/organisaties?type=gemeente');
  await expect(page.getByRole('table')).toContainText('Gemeente Leiden');
  await expect(page.getByRole('table')).not.toContainText('Ondernemingsraad');
});

test('the beheerder adds an organisation and gives someone a role in it', async ({ page }) => {
  await signInAsDemo(page, 'Els de Boer');
  await page.goto('/beheer/organisaties');

  // Nothing typed: the summary leads to the field.
  await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
  await expect(page.getByRole('alert')).toContainText('Naam');
  await expect(page.getByRole('textbox', { name: 'Naam' })).toHaveAttribute('aria-invalid', 'true');

  await page.getByRole('textbox', { name: 'Naam' }).fill('GGD Testregio');
  await page.getByRole('combobox', { name: 'Soort organisatie' }).last().selectOption('hecht_unit');
  await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'GGD Testregio' })).toBeVisible();

  await page.goto('/beheer/personen?q=Johan');
  await page.getByRole('link', { name: 'Johan Visser' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Johan Visser');
  await page.getByRole('combobox', { name: 'Organisatie' }).selectOption({ label: 'GGD Testregio' });
  await page.getByRole('combobox', { name: 'Rol' }).selectOption('medewerker');
  await page.getByRole('button', { name: 'Lidmaatschap toevoegen' }).click();
  await expect(page.getByRole('status')).toHaveText('Het lidmaatschap is toegevoegd.');
  const membership = page.getByRole('row').filter({ hasText: 'GGD Testregio' });
  await expect(membership).toContainText('Medewerker');

  await membership.getByRole('button', { name: 'Verwijderen: Medewerker bij GGD Testregio' }).click();
  await expect(page.getByRole('status')).toHaveText('Het lidmaatschap is verwijderd.');
  await expect(page.getByRole('row').filter({ hasText: 'GGD Testregio' })).toHaveCount(0);
});

test('an invitation goes out by mail, is previewed and accepted, and the newcomer is signed in', async ({
  page,
  browser,
}) => {
  const address = 'nieuw.lid@gouda.example.nl';
  const before = await mailIds(page.request);
  await signInAsDemo(page, 'Sanne de Vries');
  await page.goto('/beheer/uitnodigingen');
  // The programme team cannot hand out the beheerder role.
  await expect(page.getByRole('combobox', { name: 'Rol' }).locator('option[value="beheerder"]')).toHaveCount(
    0,
  );
  await page.getByRole('textbox', { name: 'E-mailadres' }).fill(address);
  await page.getByRole('textbox', { name: 'Naam (niet verplicht)' }).fill('Noor Nieuw');
  await page.getByRole('combobox', { name: 'Organisatie' }).selectOption({ label: 'Gemeente Gouda' });
  await page.getByRole('combobox', { name: 'Rol' }).selectOption('gemeente_ambtenaar');
  await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(page.getByRole('status').filter({ hasText: address })).toBeVisible();
  await expect(page.getByRole('table')).toContainText(address);

  const { text } = await newMail(page.request, address, 'invitation', before);
  const token = /\/uitnodiging\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.goto(`/uitnodiging?token=${token}`);
  await expect(newcomer.getByRole('heading', { level: 1 })).toHaveText('Uitnodiging voor Inbreng');
  await expect(newcomer.getByRole('main')).toContainText('Gemeente Gouda');
  await expect(newcomer.getByRole('main')).toContainText('Ambtenaar gemeente');
  await newcomer.screenshot({ path: 'screenshots/uitnodiging.png', fullPage: true });
  await expectNoAxeViolations(newcomer);
  await expect(newcomer.getByRole('textbox', { name: 'Naam' })).toHaveValue('Noor Nieuw');
  await newcomer.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
  await expect(newcomer.getByRole('navigation', { name: 'Account' })).toContainText('Noor Nieuw');

  // Used once: the same link now says so.
  await newcomer.goto(`/uitnodiging?token=${token}`);
  await expect(newcomer.getByRole('main')).toContainText('al aangenomen');
  await newcomer.close();
});

test('a CSV of people to invite gives a report per row', async ({ page }) => {
  await signInAsDemo(page, 'Els de Boer');
  await page.goto('/beheer/uitnodigingen');
  const csv = [
    'e-mail;naam;organisatie;rol',
    'csv.een@leiden.example.nl;Cas Een;Gemeente Leiden;Ambtenaar gemeente',
    'geen-adres;Foutje;Gemeente Leiden;Ambtenaar gemeente',
  ].join('\n');
  await page.getByLabel('CSV-bestand', { exact: true }).setInputFiles({
    name: 'uitnodigingen.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await page.getByRole('button', { name: 'Bestand verwerken' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Verwerkt: 1 uitgenodigd, 1 overgeslagen.' }),
  ).toBeVisible();
  const report = page.getByRole('table', { name: 'Verslag per regel' });
  await expect(report.getByRole('row').filter({ hasText: 'csv.een@leiden.example.nl' })).toContainText(
    'Uitgenodigd',
  );
  await expect(report.getByRole('row').filter({ hasText: 'geen-adres' })).toContainText('Overgeslagen');
  await page.screenshot({ path: 'screenshots/beheer-uitnodigingen-csv.png', fullPage: true });
  await expectNoAxeViolations(page);
});

test('the audit log shows Dutch actions and exports the filtered log as CSV', async ({ page }) => {
  await signInAsDemo(page, 'Els de Boer');
  await page.goto('/beheer/audit?action=sign_in.succeeded');
  await expect(page.getByRole('table')).toContainText('Ingelogd');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Exporteer als CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^inbreng-auditlog-\d{4}-\d{2}-\d{2}\.csv$/);

  await page.goto('/beheer/audit?from=gisteren');
  await expect(page.getByRole('textbox', { name: 'Vanaf' })).toHaveAttribute('aria-invalid', 'true');
});

test('a mail in the beheer outbox shows its text, and opening it is allowed to the beheerder only', async ({
  page,
}) => {
  await signInAsDemo(page, 'Els de Boer');
  await page.goto('/beheer/e-mail');
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Inhoud' })).toBeVisible();
  await expect(page.locator('pre')).not.toBeEmpty();
  await expectNoAxeViolations(page);
});

test('the programme team manages invitations but sees no audit log', async ({ page }) => {
  await signInAsDemo(page, 'Sanne de Vries');
  await page.goto('/beheer');
  await expect(page.getByRole('main').getByRole('link', { name: 'Auditlog' })).toHaveCount(0);
  const response = await page.goto('/beheer/audit');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');
  await expectNoAxeViolations(page);

  // Lists yes, changing organisations no.
  await page.goto('/beheer/organisaties');
  await expect(page.getByRole('heading', { name: 'Organisatie toevoegen' })).toHaveCount(0);
});

test('a medewerker has no beheer at all', async ({ page }) => {
  await signInAsDemo(page, 'Ahmed el Amrani');
  await expect(page.getByRole('link', { name: 'Beheer' })).toHaveCount(0);
  const response = await page.goto('/beheer/personen');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');
});

test('an erasure request goes from the person to the beheerder, who carries it out after confirming', async ({
  page,
  browser,
}) => {
  const address = 'wis.mij@example.nl';
  const before = await mailIds(page.request);
  await signInAsDemo(page, 'Els de Boer');
  await page.goto('/beheer/uitnodigingen');
  await page.getByRole('textbox', { name: 'E-mailadres' }).fill(address);
  await page.getByRole('combobox', { name: 'Organisatie' }).selectOption({ label: 'Gemeente Gouda' });
  await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  const { text } = await newMail(page.request, address, 'invitation', before);
  const token = /\/uitnodiging\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

  const person = await (await browser.newContext()).newPage();
  await person.goto(`/uitnodiging?token=${token}`);
  await person.getByRole('textbox', { name: 'Naam' }).fill('Wim Wissel');
  await person.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
  await expect(person.getByRole('navigation', { name: 'Account' })).toContainText('Wim Wissel');
  await person.goto('/mijn-gegevens');
  await person.getByRole('textbox', { name: 'Toelichting (niet verplicht)' }).fill('Ik werk hier niet meer.');
  await person.getByRole('button', { name: 'Verwijdering aanvragen' }).click();
  await expect(person.getByRole('status').filter({ hasText: 'Uw verzoek is ontvangen' })).toBeVisible();
  await expect(person.getByRole('main')).toContainText('U hebt al om verwijdering gevraagd');

  await page.goto('/beheer/privacy?state=requested');
  const request = page.getByRole('listitem').filter({ hasText: 'Wim Wissel' });
  await expect(request).toContainText('Ik werk hier niet meer.');
  await request.getByRole('link', { name: 'Uitvoeren…' }).click();
  await expect(request).toContainText('Weet u het zeker?');
  await page.screenshot({ path: 'screenshots/beheer-privacy-bevestigen.png', fullPage: true });
  await expectNoAxeViolations(page);
  await request.getByRole('textbox', { name: 'Notitie' }).fill('Uitgevoerd na vertrek.');
  await request.getByRole('button', { name: 'Ja, definitief verwijderen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Het verzoek is uitgevoerd' })).toBeVisible();

  // Erased: the person's session no longer works.
  await person.goto('/mijn-gegevens');
  await expect(person).toHaveURL(/\/inloggen\?terug=/);
  await person.close();
});
