// The input list's filters from the address bar, shared by the page and its CSV export. Each is
// checked on its own, so one mistyped date leaves the other filters working.
import { ContributionQuery } from '@inbreng/shared';
import { filter } from '#lib/server/lists.ts';

const names = ['roundId', 'themeId', 'group', 'organisationId', 'from', 'to', 'q'] as const;
type Name = (typeof names)[number];

export function inputFilters(url: URL) {
  const values = Object.fromEntries(names.map((name) => [name, filter(url, name)])) as Record<Name, string>;
  const query: Partial<Pick<ContributionQuery, Name>> = {};
  const errors: Partial<Record<Name, string>> = {};
  for (const name of names) {
    if (!values[name]) continue;
    const parsed = ContributionQuery.shape[name].safeParse(values[name]);
    if (parsed.success) Object.assign(query, { [name]: parsed.data });
    else errors[name] = parsed.error.issues[0]?.message;
  }
  return { values, query, errors };
}
