// Accessibility check with axe on the WCAG 2.2 A and AA rules, as Dutch public bodies must meet them.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/**
 * axe runs as a script in the page. A page opened with JavaScript off cannot run it, so for those
 * (`javaScript: false`) its HTML, exactly as the visitor got it, is checked in a page of its own:
 * scripts left out, styles from the same site.
 */
export async function expectNoAxeViolations(
  page: Page,
  { javaScript = true }: { javaScript?: boolean } = {},
) {
  if (javaScript) {
    expect(await violations(page)).toEqual([]);
    return;
  }
  const html = (await page.content())
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<head>/i, `<head><base href="${new URL('/', page.url()).href}">`);
  // Explicitly with scripts: in a test, a new context takes the test's options, JavaScript off too.
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    await copy.setContent(html, { waitUntil: 'load' });
    expect(await violations(copy)).toEqual([]);
  } finally {
    await context.close();
  }
}
