// The query of a list page: which page (?pagina=N) and which filters, checked before they reach the API.
import { error } from '@sveltejs/kit';
import type { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';

export function pageNumber(url: URL): number {
  const page = Number(url.searchParams.get('pagina') ?? '1');
  if (!Number.isInteger(page) || page < 1) error(404, { message: m.error_list_page() });
  return page;
}

/** A filter's value, trimmed; '' when absent. */
export function filter(url: URL, name: string): string {
  return (url.searchParams.get(name) ?? '').trim().slice(0, 100);
}

/** A filter that must be one of a schema's values (an enum, a date); undefined when it is not. */
export function filterOf<T extends z.ZodType>(url: URL, name: string, schema: T): z.infer<T> | undefined {
  const parsed = schema.safeParse(filter(url, name));
  return parsed.success ? parsed.data : undefined;
}
