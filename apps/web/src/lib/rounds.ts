// Rounds as the pages need them: the form's one-line lists. (Which state changes are allowed is the
// API's own table, `roundTransitions` in @inbreng/shared.)

/** "Ja\nNee\n\nMisschien " → ['Ja', 'Nee', 'Misschien']: one choice per line, blank lines dropped. */
export const linesOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
