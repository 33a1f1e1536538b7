// The organisations to choose from in a select field (filters, memberships, invitations).
import type { Api } from './api.ts';

// The API pages by at most 100; Hecht works with a few dozen organisations.
export async function organisationOptions(client: Api) {
  const { items } = await client.organisations.list({ pageSize: 100 });
  return items.map((o) => ({ value: o.id, label: o.name }));
}
