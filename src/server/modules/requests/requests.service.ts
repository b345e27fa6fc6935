import type { CreateRequest, RequestDetail, RequestList, RequestListQuery, UpdateRequest } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.service.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { presentDetail, presentRequest } from './requests.presenter.js';
import {
  componentRef,
  customerNames,
  decisionsOf,
  deleteRequestRow,
  featureRef,
  findRequestRow,
  insertRequest,
  knownCustomers,
  listRequestRows,
  memberName,
  mergedChildren,
  productExists,
  requestBrief,
  updateRequestRow,
  type RequestPatch,
} from './requests.repository.js';
import { requestersOf } from './requests.requesters.js';

/*
 * Requests: anyone from contributor up submits one (request.create); leads, admins and PMs edit and
 * delete them (request.update). Triage decisions are in requests.decide.ts. Every change is audited in
 * its transaction.
 */

export type Ctx = { db: Db; actor: WorkspaceActor };

/** Where a request lands: a component implies its product; a product alone must be of the workspace. */
export async function placement(db: Db, workspaceId: string, productId: string | null | undefined, componentId: string | null | undefined): Promise<{ productId: string | null; componentId: string | null }> {
  if (componentId) {
    const component = await componentRef(db, workspaceId, componentId);
    if (!component) throw invalid('componentId', 'no such component in this workspace');
    if (productId && productId !== component.productId) throw invalid('componentId', 'is not a component of the given product');
    return { productId: component.productId, componentId: component.id };
  }
  if (productId) {
    if (!(await productExists(db, workspaceId, productId))) throw invalid('productId', 'no such product in this workspace');
    return { productId, componentId: null };
  }
  return { productId: null, componentId: null };
}

function contactOf(contact: CreateRequest['contact']): { name: string; email: string | null } | null {
  if (contact === undefined) return null;
  if (typeof contact === 'string') return { name: contact, email: null };
  return { name: contact.name, email: contact.email ? contact.email.toLowerCase() : null };
}

export async function createRequest({ db, actor, input }: Ctx & { input: CreateRequest }): Promise<RequestDetail> {
  authorize(actor, 'request.create');
  const contact = contactOf(input.contact);
  const customerIds = [...new Set(input.customerIds ?? [])];
  let requesterId = input.requesterId ?? null;
  // Nobody named: the member who logs the ask stands as its requester (they heard it), whatever its type.
  if (!requesterId && !contact && !customerIds.length) requesterId = actor.memberId;
  return db.transaction(async (tx) => {
    if (requesterId && (await memberName(tx, actor.workspaceId, requesterId)) === null) throw invalid('requesterId', 'no such member of this workspace');
    const known = await knownCustomers(tx, actor.workspaceId, customerIds);
    const unknown = customerIds.find((id) => !known.has(id));
    if (unknown) throw invalid('customerIds', `no customer ${unknown} in this workspace`);
    const where = await placement(tx, actor.workspaceId, input.productId, input.componentId);
    const id = newId();
    const now = new Date();
    await insertRequest(
      tx,
      {
        id,
        workspaceId: actor.workspaceId,
        title: input.title,
        description: input.description ?? '',
        requesterType: input.requesterType,
        requesterMemberId: requesterId,
        contactName: contact?.name ?? null,
        contactEmail: contact?.email ?? null,
        urgency: input.urgency ?? 'medium',
        desiredDate: input.desiredDate ?? null,
        productId: where.productId,
        componentId: where.componentId,
        submittedById: actor.memberId,
        createdAt: now,
        updatedAt: now,
      },
      customerIds,
    );
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'request.create',
      entityType: 'request',
      entityId: id,
      summary: `Submitted the ${input.requesterType} request “${input.title}”`,
    });
    return loadDetail(tx, actor.workspaceId, id);
  });
}

export async function listRequests({ db, actor, query }: Ctx & { query: RequestListQuery }): Promise<RequestList> {
  authorize(actor, 'request.read');
  const { rows, total, counts } = await listRequestRows(db, actor.workspaceId, query);
  return { items: rows.map(presentRequest), total, counts: counts as RequestList['counts'] };
}

/** A request with who asked (merged requests included), its customers, feature, merges and decisions. */
export async function loadDetail(db: Db, workspaceId: string, requestId: string): Promise<RequestDetail> {
  const r = await findRequestRow(db, workspaceId, requestId);
  if (!r) throw notFound('Request');
  const [requesters, customers, feature, mergedInto, merged, decisions] = await Promise.all([
    requestersOf(db, workspaceId, requestId),
    customerNames(db, workspaceId, r.customerIds),
    r.featureId ? featureRef(db, workspaceId, r.featureId) : Promise.resolve(null),
    r.mergedIntoId ? requestBrief(db, workspaceId, r.mergedIntoId) : Promise.resolve(null),
    mergedChildren(db, workspaceId, requestId),
    decisionsOf(db, workspaceId, requestId),
  ]);
  return presentDetail(r, {
    requesters,
    customers,
    feature: feature ? { id: feature.id, title: feature.title, status: feature.status } : null,
    mergedInto: mergedInto as RequestDetail['mergedInto'],
    merged: merged as RequestDetail['merged'],
    decisions,
  });
}

export async function getRequest({ db, actor, requestId }: Ctx & { requestId: string }): Promise<RequestDetail> {
  authorize(actor, 'request.read');
  return loadDetail(db, actor.workspaceId, requestId);
}

export async function updateRequest({ db, actor, requestId, input }: Ctx & { requestId: string; input: UpdateRequest }): Promise<RequestDetail> {
  authorize(actor, 'request.update');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const before = await findRequestRow(tx, actor.workspaceId, requestId);
    if (!before) throw notFound('Request');
    const patch: RequestPatch = {};
    if (input.title !== undefined) patch.title = input.title;
    if (input.description !== undefined) patch.description = input.description;
    if (input.urgency !== undefined) patch.urgency = input.urgency;
    if (input.desiredDate !== undefined) patch.desiredDate = input.desiredDate;
    if (input.componentId !== undefined || input.productId !== undefined) {
      const productId = input.productId === undefined ? (input.componentId ? undefined : before.productId) : input.productId;
      const componentId = input.componentId === undefined ? (input.productId === null || (input.productId && input.productId !== before.productId) ? null : before.componentId) : input.componentId;
      const where = await placement(tx, actor.workspaceId, productId, componentId);
      patch.productId = where.productId;
      patch.componentId = where.componentId;
    }
    if (!(await updateRequestRow(tx, { workspaceId: actor.workspaceId, id: requestId, version }, patch))) throw versionConflict('Request');
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'request.update',
      entityType: 'request',
      entityId: requestId,
      label: `Updated the request “${before.title}”`,
      before,
      patch,
    });
    return loadDetail(tx, actor.workspaceId, requestId);
  });
}

export async function deleteRequest({ db, actor, requestId }: Ctx & { requestId: string }): Promise<void> {
  authorize(actor, 'request.update');
  await db.transaction(async (tx) => {
    const before = await findRequestRow(tx, actor.workspaceId, requestId);
    if (!before) throw notFound('Request');
    const moved = await deleteRequestRow(tx, actor.workspaceId, before);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'request.delete',
      entityType: 'request',
      entityId: requestId,
      summary: `Deleted the request “${before.title}”${moved ? ` (${moved} merged request${moved === 1 ? '' : 's'} ${before.mergedIntoId ? 'moved up' : 'back in triage'})` : ''}`,
    });
  });
}
