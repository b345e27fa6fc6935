import { index, integer, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns.js';
import { products } from './product.js';
import { workspaceRef } from './workspace.js';

/**
 * A strategic pillar of a product: a lasting theme the strategy invests in, with the share of the
 * planned effort it should get. Features, opportunities and objectives point at one.
 */
export const pillars = pgTable(
  'pillars',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    // Target share of the product's planned effort, in percent (0-100); the pillars of a product sum to at most 100.
    targetShare: numeric('target_share', { precision: 5, scale: 2, mode: 'number' }).notNull().default(0),
    // active | paused | retired
    status: text('status').notNull().default('active'),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('pillars_workspace_product_idx').on(t.workspaceId, t.productId, t.position)],
);
