// Plain-Dutch validation messages for every zod schema, so each field error reads as an instruction.
import { z } from 'zod';

const sizeUnit: Record<string, string> = { string: 'tekens', array: 'items', set: 'items', file: 'bytes' };

function dutchMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'Vul dit veld in.';
      if (issue.expected === 'number' || issue.expected === 'int') return 'Vul een getal in.';
      if (issue.expected === 'string') return 'Vul hier tekst in.';
      if (issue.expected === 'boolean') return 'Kies ja of nee.';
      return 'Deze waarde heeft niet de goede vorm.';
    case 'too_small': {
      const unit = sizeUnit[issue.origin];
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'Vul dit veld in.';
      if (unit) return `Gebruik minstens ${issue.minimum} ${unit}.`;
      return `Kies een waarde van minstens ${issue.minimum}.`;
    }
    case 'too_big': {
      const unit = sizeUnit[issue.origin];
      if (unit) return `Gebruik hoogstens ${issue.maximum} ${unit}.`;
      return `Kies een waarde van hoogstens ${issue.maximum}.`;
    }
    case 'invalid_value':
      return `Kies een van deze mogelijkheden: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_format':
      if (issue.format === 'email') return 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.';
      if (issue.format === 'uuid' || issue.format === 'guid') return 'Dit is geen geldige verwijzing.';
      if (issue.format === 'date') return 'Vul een datum in als jjjj-mm-dd.';
      if (issue.format === 'datetime') return 'Vul een datum en tijd in.';
      if (issue.format === 'url') return 'Vul een geldig webadres in, beginnend met https://.';
      return 'Deze waarde heeft niet de goede vorm.';
    case 'not_multiple_of':
      return 'Vul een heel getal in.';
    case 'unrecognized_keys':
      return `Onbekend veld: ${issue.keys.join(', ')}.`;
    default:
      return undefined;
  }
}

let configured = false;
/** Installs the Dutch messages once; schemas with their own message keep theirs. */
export function useDutchValidationMessages(): void {
  if (configured) return;
  configured = true;
  z.config({ customError: dutchMessage });
}

/** Flattens zod issues to one Dutch message per field path ("goals.0.title"). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}
