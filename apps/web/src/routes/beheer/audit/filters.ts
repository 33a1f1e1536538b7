// The audit log's filters from the address bar, shared by the page and its CSV export.
import { AuditQuery, auditActionLabels } from '@inbreng/shared';
import { filter } from '#lib/server/lists.ts';
import { check } from '#lib/server/forms.ts';

const Dates = AuditQuery.pick({ from: true, to: true });

export function auditFilters(url: URL) {
  const action = filter(url, 'action');
  const typed = { from: filter(url, 'from'), to: filter(url, 'to') };
  const dates = check(Dates, { from: typed.from || undefined, to: typed.to || undefined });
  return {
    /** What the form shows: what was typed. */
    values: { action, ...typed },
    /** What the API gets: only what is valid. */
    query: {
      action: action in auditActionLabels ? action : undefined,
      ...(dates.data ?? {}),
    },
    errors: dates.errors ?? {},
  };
}
