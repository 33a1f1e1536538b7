// Rounds as the pages need them: which state changes the team may ask for (a mirror of the API's state
// table in apps/api/src/modules/rounds/rounds.state.ts, which decides), and the form's one-line lists.
import type { RoundState } from '@inbreng/shared';

export const roundTransitions: Record<RoundState, readonly RoundState[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['open', 'reported'],
  reported: [],
};

/** "Ja\nNee\n\nMisschien " → ['Ja', 'Nee', 'Misschien']: one choice per line, blank lines dropped. */
export const linesOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
