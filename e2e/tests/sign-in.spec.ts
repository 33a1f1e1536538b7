import { expectNoAxeViolations } from './axe.ts';
import { codeIn, expect, mailIds, newMail, signInAsDemo, tabTo, test } from './fixtures.ts';

test('a person signs in with the code from the e-mail, read in the demo mailbox', async ({ page }) => {
  const address = 'sanne.devries@demo.inbreng.nl';
  const before = await mailIds(page.request);

  await page.goto('/inloggen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen');
  await expect(page.getByRole('heading', { name: 'Demo-accounts' })).toBeVisible();
  await page.screenshot({ path: 'screenshots/inloggen.png', fullPage: true });
  await expectNoAxeViolations(page);

  await page.getByRole('textbox', { name: 'E-mailadres' }).fill(address);
  await page.getByRole('button', { name: 'Stuur mij een code' }).click();
  await expect(page).toHaveURL(/\/inloggen\/code\?adres=sanne\.devries%40demo\.inbreng\.nl/);
  await expect(page.getByRole('status')).toContainText('Als dit e-mailadres bij ons bekend is');
  const codeField = page.getByRole('textbox', { name: 'Code uit de e-mail' });
  await expect(codeField).toHaveAttribute('inputmode', 'numeric');
  await expect(codeField).toHaveAttribute('autocomplete', 'one-time-code');
  await page.screenshot({ path: 'screenshots/inloggen-code.png', fullPage: true });
  await expectNoAxeViolations(page);

  // The mail arrives in the demo mailbox, which a second tab reads like a newcomer would.
  const sent = await newMail(page.request, address, 'sign_in', before);
  const mailbox = await page.context().newPage();
  await mailbox.goto('/demo/postvak');
  await expect(mailbox.getByRole('heading', { level: 1 })).toHaveText('Demopostvak');
  await expectNoAxeViolations(mailbox);
  await mailbox.screenshot({ path: 'screenshots/demo-postvak.png', fullPage: true });
  await mailbox.getByRole('link', { name: sent.subject }).first().click();
  await expect(mailbox.getByRole('heading', { level: 1 })).toHaveText(sent.subject);
  await expect(mailbox.getByRole('navigation', { name: 'Kruimelpad' })).toBeVisible();
  const body = await mailbox.locator('pre').innerText();
  await expect(mailbox.locator('pre').getByRole('link')).toHaveAttribute('href', /\/inloggen\/link\?token=/);
  await expectNoAxeViolations(mailbox);
  await mailbox.close();

  await codeField.fill(codeIn(body));
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  const account = page.getByRole('navigation', { name: 'Account' });
  await expect(account).toContainText('Sanne de Vries');
  await expect(account.getByRole('link', { name: 'Beheer' })).toBeVisible();
});

test('a keyboard user reaches the address field, types and presses Enter', async ({ page }) => {
  const address = 'ahmed.elamrani@demo.inbreng.nl';
  const before = await mailIds(page.request);
  await page.goto('/inloggen');

  const field = page.getByRole('textbox', { name: 'E-mailadres' });
  await tabTo(page, field);
  await expect(field).toBeFocused();
  await page.keyboard.type(address);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/inloggen\/code\?/);

  const { text } = await newMail(page.request, address, 'sign_in', before);
  const codeField = page.getByRole('textbox', { name: 'Code uit de e-mail' });
  await tabTo(page, codeField);
  await expect(codeField).toBeFocused();
  await page.keyboard.type(codeIn(text));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText('Ahmed el Amrani');
  // A medewerker has no beheer.
  await expect(page.getByRole('link', { name: 'Beheer' })).toHaveCount(0);
});

test('a wrong address is refused with a summary that leads to the field', async ({ page }) => {
  await page.goto('/inloggen');
  await page.getByRole('textbox', { name: 'E-mailadres' }).fill('geen-adres');
  await page.getByRole('button', { name: 'Stuur mij een code' }).click();

  const summary = page.getByRole('alert').filter({ hasText: 'Er is iets niet goed gegaan' });
  await expect(summary).toBeFocused();
  const field = page.getByRole('textbox', { name: 'E-mailadres' });
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveValue('geen-adres');
  await expect(field).toHaveAccessibleDescription(/geldig e-mailadres/);
  await summary.getByRole('link', { name: /E-mailadres/ }).click();
  await expect(field).toBeFocused();
  await expectNoAxeViolations(page);
});

test('a wrong code is explained next to the code field', async ({ page }) => {
  await page.goto('/inloggen/code?adres=niemand%40voorbeeld.nl');
  await page.getByRole('textbox', { name: 'Code uit de e-mail' }).fill('000000');
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  const field = page.getByRole('textbox', { name: 'Code uit de e-mail' });
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/Deze code klopt niet/);
  await expect(page.getByRole('alert')).toContainText('Deze code klopt niet');
  await expectNoAxeViolations(page);
});

test('opening the sign-in link does not use it; the button does', async ({ page }) => {
  const address = 'marieke.jansen@demo.inbreng.nl';
  const before = await mailIds(page.request);
  await page.goto('/inloggen');
  await page.getByRole('textbox', { name: 'E-mailadres' }).fill(address);
  await page.getByRole('button', { name: 'Stuur mij een code' }).click();
  await expect(page).toHaveURL(/\/inloggen\/code\?/);
  const { text } = await newMail(page.request, address, 'sign_in', before);
  const token = /\/inloggen\/link\?token=([a-z0-9]+)/.exec(text)?.[1];

  // Twice, as a mail scanner and then the person would: still one working link.
  await page.goto(`/inloggen/link?token=${token}`);
  await page.goto(`/inloggen/link?token=${token}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen met de link');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText('Marieke Jansen');
});

test('a signed-out visitor of a personal page signs in and comes back to it', async ({ page }) => {
  await page.goto('/profiel');
  await expect(page).toHaveURL(/\/inloggen\?terug=%2Fprofiel$/);
  await page.getByRole('button', { name: 'Inloggen als Johan Visser' }).click();
  await expect(page).toHaveURL(/\/profiel$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn profiel');
});

test('signing out from the header says so', async ({ page }) => {
  await signInAsDemo(page, 'Pieter Bakker');
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL(/\/inloggen\?uitgelogd=1$/);
  await expect(page.getByRole('status')).toHaveText('U bent uitgelogd.');
  await expect(
    page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Inloggen' }),
  ).toBeVisible();
});

test('a failed sign-in through the organisation account is explained in Dutch', async ({ page }) => {
  await page.goto('/inloggen?fout=oidc');
  await expect(page.getByRole('alert')).toContainText('is niet gelukt');
  await expectNoAxeViolations(page);
});

test('too many requests for one address are refused with the API’s Dutch message', async ({ page }) => {
  // An address nobody has: no mail goes out, but each request counts (five per quarter of an hour).
  const address = 'te.vaak@voorbeeld.nl';
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.goto('/inloggen');
    await page.getByRole('textbox', { name: 'E-mailadres' }).fill(address);
    await page.getByRole('button', { name: 'Stuur mij een code' }).click();
    await expect(page).toHaveURL(/\/inloggen\/code\?/);
  }
  await page.goto('/inloggen');
  await page.getByRole('textbox', { name: 'E-mailadres' }).fill(address);
  await page.getByRole('button', { name: 'Stuur mij een code' }).click();
  await expect(page.getByRole('alert')).toContainText(
    /U hebt dit te vaak geprobeerd\. Probeer het over \d+ minuten? opnieuw\./,
  );
  await expect(page.getByRole('textbox', { name: 'E-mailadres' })).toHaveValue(address);
});
