import { pageError } from '#lib/server/errors.ts';
import { requireMe } from '#lib/server/guard.ts';
import { sectionsApi } from '#lib/server/sections.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;
const isId = (v: string | null): v is string => Boolean(v && /^[0-9a-f-]{36}$/i.test(v));

// The section's versions, newest first, with the word diff between any two (?van=…&naar=…; by
// default the last change) or one version's text (?versie=…, where a resolved comment points).
export const load: PageServerLoad = async (event) => {
  requireMe(event.locals, event.url);
  const q = event.url.searchParams;
  const page = Math.max(1, Number(q.get('pagina')) || 1);
  const sections = sectionsApi(event);
  try {
    const [section, revisions] = await Promise.all([
      sections.get(event.params.id),
      sections.revisions(event.params.id, { page, pageSize: PAGE_SIZE }),
    ]);
    // The choice lists offer the newest hundred versions; older ones are reachable by their links.
    const choices =
      revisions.total > revisions.items.length
        ? (await sections.revisions(section.id, { pageSize: 100 })).items
        : revisions.items;
    const shown = isId(q.get('versie')) ? await sections.revision(section.id, q.get('versie')!) : undefined;
    let from = isId(q.get('van')) ? q.get('van')! : choices[1]?.id;
    let to = isId(q.get('naar')) ? q.get('naar')! : choices[0]?.id;
    if (from && to && from === to) from = undefined;
    const diff = !shown && from && to ? await sections.diff(section.id, from, to) : undefined;
    if (!from || !to) to = to ?? undefined;
    return { section, revisions, choices, page, pageSize: PAGE_SIZE, shown, diff, from, to };
  } catch (cause) {
    pageError(cause);
  }
};
