// Spreading the demo's contributions over people and working days: seeded randomness, so every seed
// of the demo is the same (screenshots, end-to-end tests), yet the data does not look laid out.

/** A small seeded generator (mulberry32): the same seed gives the same sequence, in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** An index, drawn with these weights. */
export function weightedIndex(weights: readonly number[], random: () => number): number {
  let left = random() * weights.reduce((sum, w) => sum + w, 0);
  for (const [i, w] of weights.entries()) {
    left -= w;
    if (left < 0) return i;
  }
  return weights.length - 1;
}

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Amsterdam',
  timeZoneName: 'longOffset',
});

/** Europe/Amsterdam's offset from UTC at this instant, in minutes (60 in winter, 120 in summer). */
function amsterdamOffset(at: number): number {
  const name = offsetFormat.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+01:00';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** A wall-clock time in Amsterdam ('2026-11-05 09:30', or a date and minutes since midnight) as an instant. */
export function amsterdam(date: string, minutes?: number): Date {
  const [day = '', time = '00:00'] = date.split(' ');
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y!, m! - 1, d!, 0, minutes ?? hh! * 60 + mm!);
  // The offset an hour before is the one that applies, except in the hour the clocks change.
  return new Date(wall - amsterdamOffset(wall - 3_600_000) * 60_000);
}

/** Monday to Friday from `from` to `to` (inclusive), as YYYY-MM-DD. */
export function workingDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T12:00:00Z`); t <= Date.parse(`${to}T12:00:00Z`); t += 86_400_000) {
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
