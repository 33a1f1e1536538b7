import { z } from 'zod';

export const HealthReply = z.object({ status: z.literal('ok'), version: z.string() });
export type HealthReply = z.infer<typeof HealthReply>;

export const ReadyReply = z.object({
  status: z.literal('ready'),
  database: z.enum(['embedded', 'server']),
});
export type ReadyReply = z.infer<typeof ReadyReply>;
