import { z } from 'zod';
import { Description, Id, IsoDate, Name, Version, VersionedUpdate, listOf } from './common.js';

export const ComponentOwner = z.object({ id: Id, name: z.string() }).nullable();

export const Component = z
  .object({
    id: Id,
    productId: Id,
    name: z.string(),
    description: z.string(),
    ownerId: Id.nullable().describe('Member id of the owner PM'),
    owner: ComponentOwner,
    teamMemberIds: z.array(Id).describe('Member ids of the team'),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('Component of a product, owned by a PM');
export type Component = z.infer<typeof Component>;

export const Product = z
  .object({
    id: Id,
    name: z.string(),
    description: z.string(),
    version: Version,
    components: z.array(Component),
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('Product and its components');
export type Product = z.infer<typeof Product>;

export const ProductParams = z.object({ workspaceId: Id, productId: Id });
export const ComponentParams = z.object({ workspaceId: Id, productId: Id, componentId: Id });

export const CreateProduct = z.object({ name: Name.describe('Product name'), description: Description.optional() }).strict();
export const UpdateProduct = VersionedUpdate.extend({ name: Name.optional(), description: Description.optional() }).strict();
export const CreateComponent = z
  .object({
    name: Name.describe('Component name'),
    description: Description.optional(),
    ownerId: Id.nullable().optional().describe('Member id of the owner PM'),
    teamMemberIds: z.array(Id).max(200).optional().describe('Member ids of the team'),
  })
  .strict();
export const UpdateComponent = VersionedUpdate.extend({
  name: Name.optional(),
  description: Description.optional(),
  ownerId: Id.nullable().optional(),
  teamMemberIds: z.array(Id).max(200).optional(),
}).strict();
export type CreateProduct = z.infer<typeof CreateProduct>;
export type UpdateProduct = z.infer<typeof UpdateProduct>;
export type CreateComponent = z.infer<typeof CreateComponent>;
export type UpdateComponent = z.infer<typeof UpdateComponent>;

export const ProductList = listOf(Product, 'Products of the workspace with their components');
export const ComponentList = listOf(Component, 'Components of a product');
