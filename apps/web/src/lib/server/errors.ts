// Turns an API failure into the page-level error a person sees, keeping the request id as reference.
import { error } from '@sveltejs/kit';
import { ApiError } from './api.ts';

export function pageError(cause: unknown): never {
  if (cause instanceof ApiError) {
    const status = cause.status >= 500 ? 503 : cause.status;
    error(status, { message: cause.message, ...(cause.requestId ? { reference: cause.requestId } : {}) });
  }
  throw cause;
}
