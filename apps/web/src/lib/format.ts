// Dates and numbers in the reader's language; plan dates are calendar dates without a time zone.
import { getLocale } from '#lib/paraglide/runtime.js';

const intlLocale = () => (getLocale() === 'en' ? 'en-GB' : 'nl-NL');

export function formatDate(isoDate: string, options: Intl.DateTimeFormatOptions = {}): string {
  return new Intl.DateTimeFormat(intlLocale(), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
    ...options,
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  const day = 24 * 60 * 60 * 1000;
  return Math.round((Date.parse(`${toIsoDate}T00:00:00Z`) - Date.parse(`${fromIsoDate}T00:00:00Z`)) / day);
}

/** A moment (ISO with offset) in Dutch time, the same on server and browser: "23 november 2026 14:05". */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
}

/** The time of a moment in Dutch time: "10:42". */
export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
}
