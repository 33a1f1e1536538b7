// The wall's filters from the address bar: round, theme, group, organisation, tag and Dutch search.
// Each is checked on its own against the contract, so one bad value leaves the others working.
import { CardQuery } from '@inbreng/shared';
import { filter } from '#lib/server/lists.ts';

export const filterNames = ['q', 'roundId', 'themeId', 'group', 'organisationId', 'tag'] as const;
type Name = (typeof filterNames)[number];

export function wallFilters(url: URL) {
  const values = Object.fromEntries(filterNames.map((name) => [name, filter(url, name)])) as Record<
    Name,
    string
  >;
  const query: Partial<Pick<CardQuery, Name>> = {};
  for (const name of filterNames) {
    if (!values[name]) continue;
    const parsed = CardQuery.shape[name].safeParse(values[name]);
    if (parsed.success) Object.assign(query, { [name]: parsed.data });
  }
  return { values, query, active: Object.keys(query).length > 0 };
}
