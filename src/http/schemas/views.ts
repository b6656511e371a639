import { z } from 'zod';
import { idParams, idSchema, text } from './common';

/** The query parameters of GET /api/tickets a view keeps (cursor excluded). */
export const viewFiltersSchema = z
  .record(
    z.string().regex(/^[a-zA-Z]{1,40}$/),
    z.union([z.string().max(200), z.array(z.string().max(100)).max(20)]),
  )
  .refine((value) => Object.keys(value).length <= 20, { message: 'Too many filters' });

export const savedViewSchema = z.object({
  id: idSchema,
  name: z.string(),
  filters: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  createdAt: z.string(),
});
export type SavedViewDto = z.infer<typeof savedViewSchema>;

export const savedViewList = z.object({ items: z.array(savedViewSchema) });
export const saveViewBody = z.object({ name: text(80), filters: viewFiltersSchema });
export type SaveViewBody = z.infer<typeof saveViewBody>;
export const viewParams = idParams;
