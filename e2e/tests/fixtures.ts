// The test object every spec of the signed-in app uses: it fails a test whose pages broke the
// Content-Security-Policy (Chromium reports each refusal in the console), and it offers the
// demo mailbox and the demo accounts as helpers.
import { expect, test as base, type APIRequestContext, type Locator, type Page } from '@playwright/test';

export { expect };

/** Collects the CSP refusals a page reports; check the list at the end of the test. */
export function cspRefusals(page: Page): string[] {
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      refusals.push(message.text());
    }
  });
  return refusals;
}

export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ page }, use) => {
      const refusals = cspRefusals(page);
      await use();
      expect(refusals, 'CSP refusals in the console').toEqual([]);
    },
    { auto: true },
  ],
});

type MailSummary = { id: string; to: string; kind: string; subject: string };
type MailDetail = MailSummary & { text: string };

/** The ids of the mails already in the demo mailbox, so a test can wait for a new one. */
export async function mailIds(request: APIRequestContext): Promise<Set<string>> {
  const response = await request.get('/api/demo/mail?pageSize=100');
  const { items } = (await response.json()) as { items: MailSummary[] };
  return new Set(items.map((m) => m.id));
}

/** Waits (the job worker delivers within about a second) for a new mail of this kind to this address. */
export async function newMail(
  request: APIRequestContext,
  to: string,
  kind: 'sign_in' | 'invitation',
  before: Set<string>,
): Promise<MailDetail> {
  let found: MailSummary | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get('/api/demo/mail?pageSize=100');
        const { items } = (await response.json()) as { items: MailSummary[] };
        found = items.find((m) => m.to === to && m.kind === kind && !before.has(m.id));
        return Boolean(found);
      },
      { timeout: 10_000, intervals: [200, 300, 500] },
    )
    .toBe(true);
  const detail = await request.get(`/api/demo/mail/${found!.id}`);
  return (await detail.json()) as MailDetail;
}

export const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1] ?? '';

/** One click on a demo account on the sign-in page; waits until the header says who is signed in. */
export async function signInAsDemo(page: Page, name: string) {
  await page.goto('/inloggen');
  await page.getByRole('button', { name: `Inloggen als ${name}` }).click();
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(name);
}

/** Presses Tab, as a keyboard user would, until this element has the focus (at most 20 times). */
export async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 20; presses++) {
    if (await target.evaluate((element) => element.matches(':focus'))) return;
    await page.keyboard.press('Tab');
  }
}
