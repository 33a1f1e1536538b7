// The one error shape of the API, its codes, and the Dutch text a person sees for each.
import { z } from 'zod';

export const ErrorCode = z.enum([
  'VALIDATION',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z
  .object({
    error: z.object({
      code: ErrorCode,
      message: z.string(),
      /** Per field of the request, the Dutch message to show next to it. */
      fields: z.record(z.string(), z.string()).optional(),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const errorMessages: Record<ErrorCode, string> = {
  VALIDATION: 'Niet alle gegevens zijn goed ingevuld. Controleer de velden en probeer het opnieuw.',
  NOT_FOUND: 'Wat u zoekt bestaat niet (meer).',
  UNAUTHENTICATED: 'U bent niet ingelogd. Log in en probeer het opnieuw.',
  FORBIDDEN: 'U hebt geen toegang tot deze gegevens.',
  CONFLICT: 'Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw.',
  RATE_LIMITED: 'U hebt dit te vaak geprobeerd. Wacht even en probeer het dan opnieuw.',
  PAYLOAD_TOO_LARGE: 'Wat u verstuurt is te groot.',
  UNSUPPORTED_MEDIA_TYPE: 'Dit soort gegevens kan Inbreng niet verwerken.',
  DATABASE_UNAVAILABLE: 'De database is even niet bereikbaar. Probeer het over een minuut opnieuw.',
  INTERNAL: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
};
