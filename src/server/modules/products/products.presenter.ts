import type { Component, Product } from '../../../shared/contracts.js';
import type { ComponentFull, ProductFull } from './products.repository.js';

export function presentComponent(c: ComponentFull): Component {
  return {
    id: c.id,
    productId: c.productId,
    name: c.name,
    description: c.description,
    ownerId: c.ownerId,
    owner: c.ownerId ? { id: c.ownerId, name: c.ownerName ?? 'Unknown' } : null,
    teamMemberIds: c.teamMemberIds,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentProduct(p: ProductFull): Product {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    version: p.version,
    components: p.components.map(presentComponent),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
