// The round's state machine: the table itself is in @inbreng/shared (the web reads it too); this is
// how the API asks it, and what it says when a transition is not allowed.
import { roundTransitions, type RoundState } from '@inbreng/shared';

export const transitionMessages: Record<RoundState, string> = {
  draft: 'Een ronde kan niet terug naar concept.',
  open: 'Alleen een concept of een gesloten ronde kan open.',
  closed: 'Alleen een open ronde kan sluiten.',
  reported: 'Alleen een gesloten ronde kan naar ‘verslag gedeeld’.',
};

export function canTransition(from: RoundState, to: RoundState): boolean {
  return roundTransitions[from].includes(to);
}
