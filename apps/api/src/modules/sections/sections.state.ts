// The section's state machine: the table itself is in the shared contract (the web reads it too);
// this is how the API asks it, and what it says when a transition is not allowed.
import { sectionTransitions, type SectionState } from '@inbreng/shared';

export const transitionMessages: Record<SectionState, string> = {
  concept: 'Een onderdeel kan niet terug naar concept.',
  in_consultatie: 'Alleen een concept of een herzien onderdeel kan in consultatie.',
  herzien: 'Alleen een onderdeel in consultatie kan naar ‘herzien’.',
  vastgesteld: 'Alleen een herzien onderdeel kan worden vastgesteld.',
};

export function canTransition(from: SectionState, to: SectionState): boolean {
  return sectionTransitions[from].includes(to);
}
