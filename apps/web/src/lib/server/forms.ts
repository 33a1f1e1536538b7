// Form actions the same way everywhere: read the fields, check them against the contract's schema,
// call the API, and on failure answer fail(status, { errors, values }) so the person keeps what they typed.
import { fieldErrors } from '@inbreng/shared';
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { FormFeedback } from '#lib/forms.ts';
import { ApiError } from './api.ts';
import { signInPath } from './guard.ts';

export function readValues(formData: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = formData.get(name);
    values[name] = typeof value === 'string' ? value : '';
  }
  return values;
}

/** The values of fields that may repeat (checkboxes), by name. */
export function readLists(formData: FormData, names: readonly string[]): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const name of names) {
    lists[name] = formData.getAll(name).filter((value): value is string => typeof value === 'string');
  }
  return lists;
}

/** A failed form's answer; `feedback` may carry more than the common fields (a conflict's two texts). */
export function failure<T extends FormFeedback>(status: number, feedback: T) {
  return fail(status, { errors: {}, values: {}, lists: {}, ...feedback });
}

/** Parses with a shared schema; on failure the Dutch field messages from the contract. */
export function check<T extends z.ZodType>(
  schema: T,
  input: unknown,
): { data: z.infer<T>; errors?: undefined } | { data?: undefined; errors: Record<string, string> } {
  const parsed = schema.safeParse(input);
  return parsed.success ? { data: parsed.data } : { errors: fieldErrors(parsed.error) };
}

/** An API refusal as the form's answer; signed out in the meantime → to the sign-in page. */
export function apiFailure(
  event: Pick<RequestEvent, 'url'>,
  form: string,
  values: Record<string, string>,
  cause: unknown,
  lists: Record<string, string[]> = {},
) {
  if (!(cause instanceof ApiError)) throw cause;
  if (cause.status === 401) redirect(303, signInPath(event.url));
  return failure(cause.status >= 500 ? 503 : cause.status, {
    form,
    values,
    lists,
    errors: cause.fields ?? {},
    message: cause.message,
  });
}
