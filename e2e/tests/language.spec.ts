import { expectNoAxeViolations } from './axe.ts';
import { expect, mailIds, newMail, signInAsDemo, test } from './fixtures.ts';

// The header's language switch is remembered per person: a browser that forgot the language cookie
// gets it back from the profile at the next sign-in, and the sign-in mail is written in it too.
test('a signed-in person switches to English; after signing in again, anywhere, Inbreng is English', async ({
  page,
  browser,
}) => {
  const address = 'els.deboer@demo.inbreng.nl';
  await signInAsDemo(page, 'Els de Boer');
  await page.goto('/profiel');
  await page.getByRole('form', { name: 'Taal' }).getByRole('button', { name: 'English' }).click();
  // Back on the same page, now in English.
  await expect(page).toHaveURL(/\/profiel$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My profile');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  await expectNoAxeViolations(page);

  // Signing out keeps the language for this browser.
  await page.goto('/uitloggen');
  await page.locator('main').getByRole('button').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // A fresh browser starts in Dutch; the sign-in mail to this person is English all the same.
  const fresh = await (await browser.newContext()).newPage();
  const before = await mailIds(fresh.request);
  await fresh.goto('/inloggen');
  await expect(fresh.locator('html')).toHaveAttribute('lang', 'nl');
  await fresh.getByRole('textbox', { name: 'E-mailadres' }).fill(address);
  await fresh.getByRole('button', { name: 'Stuur mij een code' }).click();
  const mail = await newMail(fresh.request, address, 'sign_in', before);
  expect(mail.subject).toMatch(/^Your sign-in code for Inbreng: \d{6}$/);

  // Signing in there brings the saved language along.
  await signInAsDemo(fresh, 'Els de Boer');
  await expect(fresh.locator('html')).toHaveAttribute('lang', 'en');
  await expect(fresh.getByRole('navigation', { name: 'Account' })).toContainText('Signed in as');
  await expectNoAxeViolations(fresh);

  // Back to Dutch with the same switch, so other journeys meet her as they expect.
  await fresh.getByRole('form', { name: 'Language' }).getByRole('button', { name: 'Nederlands' }).click();
  await expect(fresh.locator('html')).toHaveAttribute('lang', 'nl');
  await fresh.close();
});

test('a signed-out visitor switches language; only the browser remembers it', async ({ page }) => {
  await page.goto('/inloggen');
  await page.getByRole('form', { name: 'Taal' }).getByRole('button', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/inloggen$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoAxeViolations(page);
  await page.getByRole('form', { name: 'Language' }).getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});
