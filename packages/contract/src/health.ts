import * as z from 'zod/mini';

export const Health = z.object({ status: z.literal('ok') });
export const Readiness = z.object({
  status: z.enum(['ready', 'starting']),
  packs: z.array(z.object({ id: z.string(), dataVersion: z.string(), layers: z.array(z.string()) })),
  storage: z.enum(['sqlite', 'postgres']),
});
export type Readiness = z.infer<typeof Readiness>;
