import { normaliseDomain, parseArr, type CreateCustomer, type Customer, type CustomerListQuery, type UpdateCustomer } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { AppError, invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.service.js';
import { existingMemberIds } from '../members/members.repository.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { presentCustomer } from './customers.presenter.js';
import {
  deleteCustomerRow,
  findClash,
  findCustomerRow,
  insertCustomer,
  listCustomerRows,
  updateCustomerRow,
  type CustomerPatch,
} from './customers.repository.js';

type Ctx = { db: Db; actor: WorkspaceActor };

/** Domain as stored, or a 400 naming the field; undefined and null pass through. */
export function checkDomain(raw: string | null | undefined): string | null | undefined {
  if (raw === undefined || raw === null) return raw;
  if (raw.trim() === '') return null;
  const domain = normaliseDomain(raw);
  if (!domain) throw invalid('domain', 'must be a domain name such as example.com');
  return domain;
}

function checkArr(raw: number | string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const arr = parseArr(raw);
  if (arr === null) throw invalid('arr', 'must be a non-negative whole number of at most 18 digits');
  return arr;
}

async function checkOwner(db: Db, workspaceId: string, ownerId: string | null | undefined) {
  if (ownerId && !(await existingMemberIds(db, workspaceId, [ownerId])).has(ownerId)) throw invalid('ownerId', 'is not a member of this workspace');
}

/** Domain and external id identify a customer: a second one holding either is a 409. */
async function checkUnique(db: Db, workspaceId: string, f: { domain?: string | null; externalId?: string | null; exceptId?: string }) {
  const clash = await findClash(db, workspaceId, f);
  if (!clash) return;
  const field = f.domain && clash.domain === f.domain ? 'domain' : 'externalId';
  const value = field === 'domain' ? f.domain : f.externalId;
  throw new AppError('conflict', `${field}: customer “${clash.name}” already has ${field === 'domain' ? 'the domain' : 'the external id'} ${value}`, field);
}

export async function listCustomers({ db, actor, query }: Ctx & { query: CustomerListQuery }) {
  authorize(actor, 'customer.read');
  const { rows, total } = await listCustomerRows(db, { workspaceId: actor.workspaceId, ...query });
  return { items: rows.map(presentCustomer), total };
}

export async function getCustomer({ db, actor, customerId }: Ctx & { customerId: string }): Promise<Customer> {
  authorize(actor, 'customer.read');
  const row = await findCustomerRow(db, actor.workspaceId, customerId);
  if (!row) throw notFound('Customer');
  return presentCustomer(row);
}

export async function createCustomer({ db, actor, input }: Ctx & { input: CreateCustomer }): Promise<Customer> {
  authorize(actor, 'customer.create');
  const domain = checkDomain(input.domain) ?? null;
  const arr = checkArr(input.arr) ?? '0';
  const id = newId();
  return db.transaction(async (tx) => {
    await checkOwner(tx, actor.workspaceId, input.ownerId);
    await checkUnique(tx, actor.workspaceId, { domain, externalId: input.externalId });
    await insertCustomer(tx, {
      id,
      workspaceId: actor.workspaceId,
      name: input.name,
      domain,
      segment: input.segment ?? '',
      plan: input.plan ?? '',
      arr,
      currency: input.currency ?? 'USD',
      status: input.status ?? 'active',
      ownerId: input.ownerId ?? null,
      externalId: input.externalId ?? null,
    });
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'customer.create', entityType: 'customer', entityId: id, summary: `Added customer “${input.name}”` });
    return presentCustomer((await findCustomerRow(tx, actor.workspaceId, id))!);
  });
}

export async function updateCustomer({ db, actor, customerId, input }: Ctx & { customerId: string; input: UpdateCustomer }): Promise<Customer> {
  authorize(actor, 'customer.update');
  const version = requireVersion(input.version);
  const patch: CustomerPatch = {
    name: input.name,
    domain: checkDomain(input.domain),
    segment: input.segment,
    plan: input.plan,
    arr: checkArr(input.arr),
    currency: input.currency,
    status: input.status,
    ownerId: input.ownerId,
    externalId: input.externalId,
  };
  return db.transaction(async (tx) => {
    const before = await findCustomerRow(tx, actor.workspaceId, customerId);
    if (!before) throw notFound('Customer');
    await checkOwner(tx, actor.workspaceId, input.ownerId);
    await checkUnique(tx, actor.workspaceId, { domain: patch.domain, externalId: patch.externalId, exceptId: customerId });
    if (!(await updateCustomerRow(tx, { workspaceId: actor.workspaceId, id: customerId, version }, patch))) throw versionConflict('Customer');
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'customer.update',
      entityType: 'customer',
      entityId: customerId,
      label: `Updated customer “${before.name}”`,
      before,
      patch,
    });
    return presentCustomer((await findCustomerRow(tx, actor.workspaceId, customerId))!);
  });
}

/** Deletes a customer and its contacts; its feedback stays, without a customer. */
export async function deleteCustomer({ db, actor, customerId }: Ctx & { customerId: string }): Promise<void> {
  authorize(actor, 'customer.delete');
  await db.transaction(async (tx) => {
    const before = await findCustomerRow(tx, actor.workspaceId, customerId);
    if (!before) throw notFound('Customer');
    await deleteCustomerRow(tx, actor.workspaceId, customerId);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'customer.delete',
      entityType: 'customer',
      entityId: customerId,
      summary: `Deleted customer “${before.name}”; its ${before.feedbackCount} feedback items keep no customer`,
    });
  });
}
