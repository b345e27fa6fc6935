import type { Contact, CreateContact, UpdateContact } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.service.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { presentContact } from './customers.presenter.js';
import { deleteContactRow, findContactRow, findCustomerRow, insertContact, listContactRows, updateContactRow } from './customers.repository.js';

type Ctx = { db: Db; actor: WorkspaceActor; customerId: string };

async function requireCustomer(db: Db, workspaceId: string, customerId: string) {
  const customer = await findCustomerRow(db, workspaceId, customerId);
  if (!customer) throw notFound('Customer');
  return customer;
}

export async function listContacts({ db, actor, customerId }: Ctx) {
  authorize(actor, 'customer.read');
  await requireCustomer(db, actor.workspaceId, customerId);
  const rows = await listContactRows(db, actor.workspaceId, customerId);
  return { items: rows.map(presentContact), total: rows.length };
}

/** Adds a person at a customer; editing a customer's people is editing the customer. */
export async function createContact({ db, actor, customerId, input }: Ctx & { input: CreateContact }): Promise<Contact> {
  authorize(actor, 'customer.update');
  return db.transaction(async (tx) => {
    const customer = await requireCustomer(tx, actor.workspaceId, customerId);
    const id = newId();
    await insertContact(tx, { id, workspaceId: actor.workspaceId, customerId, name: input.name, email: input.email ?? null, title: input.title ?? '' });
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'contact.create', entityType: 'contact', entityId: id, summary: `Added contact “${input.name}” at ${customer.name}` });
    return presentContact((await findContactRow(tx, actor.workspaceId, customerId, id))!);
  });
}

export async function updateContact({ db, actor, customerId, contactId, input }: Ctx & { contactId: string; input: UpdateContact }): Promise<Contact> {
  authorize(actor, 'customer.update');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const before = await findContactRow(tx, actor.workspaceId, customerId, contactId);
    if (!before) throw notFound('Contact');
    const patch = { name: input.name, email: input.email, title: input.title };
    if (!(await updateContactRow(tx, { workspaceId: actor.workspaceId, customerId, id: contactId, version }, patch))) throw versionConflict('Contact');
    await recordUpdate(tx, actor, { workspaceId: actor.workspaceId, action: 'contact.update', entityType: 'contact', entityId: contactId, label: `Updated contact “${before.name}”`, before, patch });
    return presentContact((await findContactRow(tx, actor.workspaceId, customerId, contactId))!);
  });
}

export async function deleteContact({ db, actor, customerId, contactId }: Ctx & { contactId: string }): Promise<void> {
  authorize(actor, 'customer.update');
  await db.transaction(async (tx) => {
    const before = await findContactRow(tx, actor.workspaceId, customerId, contactId);
    if (!before) throw notFound('Contact');
    await deleteContactRow(tx, actor.workspaceId, contactId);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'contact.delete', entityType: 'contact', entityId: contactId, summary: `Removed contact “${before.name}”` });
  });
}
