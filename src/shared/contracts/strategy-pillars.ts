import { z } from 'zod';
import { Description, Id, IsoDate, Name, Version, VersionedUpdate, listOf } from './common.js';

/** Strategic pillars of a product (issue 6): lasting themes with a target share of the planned effort. */

export const PILLAR_STATUSES = ['active', 'paused', 'retired'] as const;
export type PillarStatus = (typeof PILLAR_STATUSES)[number];
/** Only active pillars count towards the 100 % a product's target shares may add up to. */
export const PILLAR_SHARE_TOTAL = 100;

const PillarStatusSchema = z.enum(PILLAR_STATUSES).describe('active, paused or retired; only active pillars count towards the 100 % of target shares');
const Share = z
  .number()
  .min(0, 'must be between 0 and 100')
  .max(100, 'must be between 0 and 100')
  .refine((n) => Math.round(n * 100) === n * 100, 'must have at most two decimals')
  .describe('Target share of the product’s planned effort, in percent (0-100, two decimals at most)');

export const Pillar = z
  .object({
    id: Id,
    productId: Id,
    name: z.string(),
    description: z.string().describe('What the pillar invests in (Markdown)'),
    targetShare: z.number().describe('Target share of the product’s planned effort, in percent'),
    status: PillarStatusSchema,
    position: z.number().int().describe('Order among the product’s pillars, from 0'),
    featureCount: z.number().int().describe('Features linked to the pillar'),
    plannedEffort: z
      .number()
      .describe('Sum of the effort of its planned features: not shipped or won’t do, and on a horizon or planned/in progress'),
    actualShare: z.number().nullable().describe('Its planned effort as a share of the product’s planned effort, in percent; null while the product has none'),
    objectiveCount: z.number().int().describe('Objectives linked to the pillar'),
    opportunityCount: z.number().int().describe('Opportunities linked to the pillar'),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('A strategic pillar with its live counts');
export type Pillar = z.infer<typeof Pillar>;

export const PillarList = listOf(Pillar, 'The product’s pillars in order').extend({
  productId: Id,
  allocatedShare: z.number().describe('Sum of the target shares of the active pillars, in percent'),
  remainingShare: z.number().describe('What is left to allocate to active pillars (100 − allocated), in percent'),
  plannedEffort: z.number().describe('The product’s planned effort, all features (linked or not)'),
  unalignedEffort: z.number().describe('Planned effort of features linked to no pillar'),
});
export type PillarList = z.infer<typeof PillarList>;

export const PillarListQuery = z.object({ productId: Id.describe('The product whose pillars to list') });
export const PillarParams = z.object({ workspaceId: Id, pillarId: Id });

export const CreatePillar = z
  .object({
    productId: Id.describe('The product the pillar belongs to'),
    name: Name.describe('Name, unique in the product'),
    description: Description.optional().describe('What the pillar invests in (Markdown)'),
    targetShare: Share,
    status: PillarStatusSchema.optional().describe('Defaults to active'),
  })
  .strict();
export type CreatePillar = z.infer<typeof CreatePillar>;

export const UpdatePillar = VersionedUpdate.extend({
  name: Name.optional(),
  description: Description.optional(),
  targetShare: Share.optional(),
  status: PillarStatusSchema.optional(),
  position: z.number().int().min(0).optional().describe('Moves the pillar to this place among the product’s pillars (0 first); the others shift'),
}).strict();
export type UpdatePillar = z.infer<typeof UpdatePillar>;
