import { z } from 'zod';
import { ROLES } from '../roles.js';

const ExportPerson = z.object({ ref: z.string(), name: z.string(), email: z.string().email(), role: z.enum(ROLES), title: z.string(), joinedAt: z.string() });
const ExportComponent = z.object({
  ref: z.string(),
  name: z.string(),
  description: z.string(),
  ownerRef: z.string().nullable(),
  teamRefs: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
const ExportProduct = z.object({
  ref: z.string(),
  name: z.string(),
  description: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  components: z.array(ExportComponent),
});
const ExportAudit = z.object({
  at: z.string(),
  actorEmail: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityRef: z.string().nullable(),
  summary: z.string(),
  changes: z.record(z.string(), z.unknown()).nullable(),
});

/** The workspace file format written by `sextant export` and the export endpoint. */
export const WorkspaceExport = z
  .object({
  format: z.literal('sextant-workspace'),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  workspace: z.object({ name: z.string() }),
  people: z.array(ExportPerson),
  products: z.array(ExportProduct),
  audit: z.array(ExportAudit),
  })
  .describe('A whole workspace as one document: references instead of ids, so it imports into any instance');
export type WorkspaceExport = z.infer<typeof WorkspaceExport>;


export const ImportResult = z.object({
  workspaceId: z.string().uuid(),
  people: z.number().int(),
  products: z.number().int(),
  components: z.number().int(),
});
