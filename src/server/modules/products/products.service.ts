import type { Component, CreateComponent, CreateProduct, Product, UpdateComponent, UpdateProduct } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { cachedRead } from '../../lib/read-cache.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.service.js';
import { existingMemberIds, findMemberRow } from '../members/members.repository.js';
import { notify } from '../notifications/notifications.service.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { presentComponent, presentProduct } from './products.presenter.js';
import {
  deleteComponentRow,
  deleteProductRow,
  findComponentRow,
  findProductRow,
  insertComponent,
  insertProduct,
  listProductRows,
  setComponentTeam,
  updateComponentRow,
  updateProductRow,
} from './products.repository.js';

type Ctx = { db: Db; actor: WorkspaceActor };

export async function listProducts({ db, actor }: Ctx) {
  authorize(actor, 'product.read');
  // The workspace structure is the hottest read: served from the embedded read cache (lib/read-cache.ts).
  return cachedRead(`products:${actor.workspaceId}`, 30_000, async () => {
    const rows = await listProductRows(db, actor.workspaceId);
    return { items: rows.map(presentProduct), total: rows.length };
  });
}

export async function getProduct({ db, actor, productId }: Ctx & { productId: string }): Promise<Product> {
  authorize(actor, 'product.read');
  const row = await findProductRow(db, actor.workspaceId, productId);
  if (!row) throw notFound('Product');
  return presentProduct(row);
}

export async function createProduct({ db, actor, input }: Ctx & { input: CreateProduct }): Promise<Product> {
  authorize(actor, 'product.create');
  const id = newId();
  return db.transaction(async (tx) => {
    await insertProduct(tx, { id, workspaceId: actor.workspaceId, name: input.name, description: input.description ?? '' });
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'product.create', entityType: 'product', entityId: id, summary: `Created product “${input.name}”` });
    return presentProduct((await findProductRow(tx, actor.workspaceId, id))!);
  });
}

export async function updateProduct({ db, actor, productId, input }: Ctx & { productId: string; input: UpdateProduct }): Promise<Product> {
  authorize(actor, 'product.update');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const before = await findProductRow(tx, actor.workspaceId, productId);
    if (!before) throw notFound('Product');
    const patch = { name: input.name, description: input.description };
    if (!(await updateProductRow(tx, { workspaceId: actor.workspaceId, id: productId, version }, patch))) throw versionConflict('Product');
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'product.update',
      entityType: 'product',
      entityId: productId,
      label: `Updated product “${before.name}”`,
      before,
      patch,
    });
    return presentProduct((await findProductRow(tx, actor.workspaceId, productId))!);
  });
}

export async function deleteProduct({ db, actor, productId }: Ctx & { productId: string }): Promise<void> {
  authorize(actor, 'product.delete');
  await db.transaction(async (tx) => {
    const before = await findProductRow(tx, actor.workspaceId, productId);
    if (!before) throw notFound('Product');
    await deleteProductRow(tx, actor.workspaceId, productId);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'product.delete',
      entityType: 'product',
      entityId: productId,
      summary: `Deleted product “${before.name}” and its ${before.components.length} components`,
    });
  });
}

/** Owner and team must be members of this workspace; anything else is a 400 naming the field. */
async function checkPeople(db: Db, workspaceId: string, input: { ownerId?: string | null; teamMemberIds?: string[] }) {
  const ids = [...(input.ownerId ? [input.ownerId] : []), ...(input.teamMemberIds ?? [])];
  const found = await existingMemberIds(db, workspaceId, ids);
  if (input.ownerId && !found.has(input.ownerId)) throw invalid('ownerId', 'is not a member of this workspace');
  const stranger = (input.teamMemberIds ?? []).find((id) => !found.has(id));
  if (stranger) throw invalid('teamMemberIds', `${stranger} is not a member of this workspace`);
}

async function tellNewOwner(db: Db, actor: WorkspaceActor, ownerId: string | null | undefined, componentName: string, productId: string) {
  if (!ownerId || ownerId === actor.memberId) return;
  const owner = await findMemberRow(db, actor.workspaceId, ownerId);
  if (!owner) return;
  await notify(db, {
    workspaceId: actor.workspaceId,
    userIds: [owner.userId],
    kind: 'component.owner-assigned',
    title: `You now own ${componentName}`,
    body: `${actor.name} made you the owner PM of ${componentName}.`,
    link: `/w/${actor.workspaceId}/products/${productId}`,
  });
}

export async function listComponents({ db, actor, productId }: Ctx & { productId: string }) {
  authorize(actor, 'component.read');
  const product = await findProductRow(db, actor.workspaceId, productId);
  if (!product) throw notFound('Product');
  return { items: product.components.map(presentComponent), total: product.components.length };
}

export async function getComponent({ db, actor, productId, componentId }: Ctx & { productId: string; componentId: string }): Promise<Component> {
  authorize(actor, 'component.read');
  const row = await findComponentRow(db, actor.workspaceId, productId, componentId);
  if (!row) throw notFound('Component');
  return presentComponent(row);
}

export async function createComponent({ db, actor, productId, input }: Ctx & { productId: string; input: CreateComponent }): Promise<Component> {
  authorize(actor, 'component.create');
  return db.transaction(async (tx) => {
    const product = await findProductRow(tx, actor.workspaceId, productId);
    if (!product) throw notFound('Product');
    await checkPeople(tx, actor.workspaceId, input);
    const id = newId();
    await insertComponent(tx, {
      id,
      workspaceId: actor.workspaceId,
      productId,
      name: input.name,
      description: input.description ?? '',
      ownerId: input.ownerId ?? null,
    });
    if (input.teamMemberIds?.length) await setComponentTeam(tx, actor.workspaceId, id, input.teamMemberIds);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'component.create',
      entityType: 'component',
      entityId: id,
      summary: `Added component “${input.name}” to ${product.name}`,
    });
    await tellNewOwner(tx, actor, input.ownerId, input.name, productId);
    return presentComponent((await findComponentRow(tx, actor.workspaceId, productId, id))!);
  });
}

/** Edits a component: leads and admins any, a PM only the components they own. */
export async function updateComponent({
  db,
  actor,
  productId,
  componentId,
  input,
}: Ctx & { productId: string; componentId: string; input: UpdateComponent }): Promise<Component> {
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const before = await findComponentRow(tx, actor.workspaceId, productId, componentId);
    if (!before) throw notFound('Component');
    authorize(actor, 'component.update', { ownerIds: [before.ownerId] });
    if (actor.role === 'pm' && input.ownerId !== undefined && input.ownerId !== before.ownerId) {
      throw invalid('ownerId', 'only a lead or an admin can hand a component to another owner');
    }
    await checkPeople(tx, actor.workspaceId, input);
    const patch = { name: input.name, description: input.description, ownerId: input.ownerId };
    if (!(await updateComponentRow(tx, { workspaceId: actor.workspaceId, id: componentId, version }, patch))) throw versionConflict('Component');
    if (input.teamMemberIds) await setComponentTeam(tx, actor.workspaceId, componentId, input.teamMemberIds);
    const changes = await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'component.update',
      entityType: 'component',
      entityId: componentId,
      label: `Updated component “${before.name}”`,
      before,
      patch: { ...patch, teamMemberIds: input.teamMemberIds },
    });
    if (changes.ownerId) await tellNewOwner(tx, actor, input.ownerId, input.name ?? before.name, productId);
    return presentComponent((await findComponentRow(tx, actor.workspaceId, productId, componentId))!);
  });
}

export async function deleteComponent({ db, actor, productId, componentId }: Ctx & { productId: string; componentId: string }): Promise<void> {
  authorize(actor, 'component.delete');
  await db.transaction(async (tx) => {
    const before = await findComponentRow(tx, actor.workspaceId, productId, componentId);
    if (!before) throw notFound('Component');
    await deleteComponentRow(tx, actor.workspaceId, componentId);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'component.delete',
      entityType: 'component',
      entityId: componentId,
      summary: `Deleted component “${before.name}”`,
    });
  });
}
