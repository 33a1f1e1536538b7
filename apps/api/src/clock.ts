// Hecht works in Dutch time: "today" for milestones is the calendar date in Europe/Amsterdam.
const amsterdamDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The date in Europe/Amsterdam at this moment, as YYYY-MM-DD. */
export function amsterdamToday(now: Date): string {
  return amsterdamDate.format(now);
}
