import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Contact,
  ContactList,
  ContactParams,
  CreateContact,
  CreateCustomer,
  Customer,
  CustomerImportResult,
  CustomerList,
  CustomerListQuery,
  CustomerParams,
  ErrorResponse,
  UpdateContact,
  UpdateCustomer,
  WorkspaceParams,
} from '../../../shared/contracts.js';
import { LIMITS } from '../../../shared/limits.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS, errorResponses } from '../../lib/route-schema.js';
import { createContact, deleteContact, listContacts, updateContact } from './contacts.service.js';
import { importCustomersCsv } from './customers.import.js';
import { createCustomer, deleteCustomer, getCustomer, listCustomers, updateCustomer } from './customers.service.js';

/**
 * Hands a CSV body to the handler as the raw request stream, unread: imports parse it as it arrives
 * (the service enforces the size limit while reading). Scoped to the plugin that registers it.
 */
export function registerCsvBody(app: FastifyInstance): void {
  app.addContentTypeParser(['text/csv', 'application/csv'], (_req, payload, done) => done(null, payload));
}

/** Errors of an import route: the usual ones, plus a file too large (413) or not sent as CSV (415). */
export const IMPORT_ERRORS = { ...errorResponses(400, 401, 403, 404, 413), 415: ErrorResponse };

export const CSV_IMPORT_DOC = {
  consumes: ['text/csv'],
  description: `The CSV file (UTF-8, comma-separated, header on line 1) is the request body, Content-Type: text/csv; at most ${LIMITS.importLimitBytes / 1_048_576} MB.`,
};

/** Routes of the customers module: accounts, their contacts and the CSV import (discovery, issue 3). */
export async function customerRoutes(app: FastifyInstance): Promise<void> {
  registerCsvBody(app);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Customers'];
  const base = '/api/v1/workspaces/:workspaceId/customers';
  const one = `${base}/:customerId`;
  const ctx = (req: Parameters<typeof workspaceActor>[0]) => ({ db: app.db, actor: workspaceActor(req) });

  r.get(base, {
    config: { permission: 'customer.read' },
    schema: { summary: 'List customers, searched by name or domain, with their feedback counts', tags, params: WorkspaceParams, querystring: CustomerListQuery, response: { 200: CustomerList, ...WORKSPACE_ERRORS } },
    handler: (req) => listCustomers({ ...ctx(req), query: req.query }),
  });
  r.post(base, {
    config: { permission: 'customer.create' },
    schema: { summary: 'Add a customer', tags, params: WorkspaceParams, body: CreateCustomer, response: { 201: Customer, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (req, reply) => reply.status(201).send(await createCustomer({ ...ctx(req), input: req.body })),
  });
  r.post(`${base}/import`, {
    config: { permission: 'customer.import' },
    bodyLimit: LIMITS.importLimitBytes,
    schema: {
      summary: 'Import customers from CSV: columns name, domain, segment, arr and optionally currency, plan, external_id',
      ...CSV_IMPORT_DOC,
      tags,
      params: WorkspaceParams,
      response: { 200: CustomerImportResult, ...IMPORT_ERRORS },
    },
    handler: (req) => importCustomersCsv({ ...ctx(req), stream: req.body }),
  });
  r.get(one, {
    config: { permission: 'customer.read' },
    schema: { summary: 'Read a customer', tags, params: CustomerParams, response: { 200: Customer, ...WORKSPACE_ERRORS } },
    handler: (req) => getCustomer({ ...ctx(req), customerId: req.params.customerId }),
  });
  r.patch(one, {
    config: { permission: 'customer.update' },
    schema: { summary: 'Edit a customer', tags, params: CustomerParams, body: UpdateCustomer, response: { 200: Customer, ...UPDATE_ERRORS } },
    handler: (req) => updateCustomer({ ...ctx(req), customerId: req.params.customerId, input: withVersion(req, req.body) }),
  });
  r.delete(one, {
    config: { permission: 'customer.delete' },
    schema: { summary: 'Delete a customer and its contacts (its feedback stays, without a customer)', tags, params: CustomerParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteCustomer({ ...ctx(req), customerId: req.params.customerId });
      return reply.status(204).send(null);
    },
  });

  const contacts = `${one}/contacts`;
  const ctags = ['Contacts'];
  r.get(contacts, {
    config: { permission: 'customer.read' },
    schema: { summary: 'List the contacts of a customer', tags: ctags, params: CustomerParams, response: { 200: ContactList, ...WORKSPACE_ERRORS } },
    handler: (req) => listContacts({ ...ctx(req), customerId: req.params.customerId }),
  });
  r.post(contacts, {
    config: { permission: 'customer.update' },
    schema: { summary: 'Add a contact to a customer', tags: ctags, params: CustomerParams, body: CreateContact, response: { 201: Contact, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => reply.status(201).send(await createContact({ ...ctx(req), customerId: req.params.customerId, input: req.body })),
  });
  r.patch(`${contacts}/:contactId`, {
    config: { permission: 'customer.update' },
    schema: { summary: 'Edit a contact', tags: ctags, params: ContactParams, body: UpdateContact, response: { 200: Contact, ...UPDATE_ERRORS } },
    handler: (req) => updateContact({ ...ctx(req), ...req.params, input: withVersion(req, req.body) }),
  });
  r.delete(`${contacts}/:contactId`, {
    config: { permission: 'customer.update' },
    schema: { summary: 'Remove a contact', tags: ctags, params: ContactParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteContact({ ...ctx(req), ...req.params });
      return reply.status(204).send(null);
    },
  });
}
