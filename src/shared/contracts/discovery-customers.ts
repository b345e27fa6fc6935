import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Id, IsoDate, Name, Version, VersionedUpdate, listOf } from './common.js';

export const CUSTOMER_STATUSES = ['active', 'trial', 'churned', 'prospect'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

/** ARR is whole currency units stored as numeric(18,0): at most 18 digits. */
export const ARR_MAX_DIGITS = 18;

/**
 * A domain as we store it: lower-case, without scheme, `www.`, port, path or trailing dot;
 * returns null when what is left does not look like a domain name.
 */
export function normaliseDomain(raw: string): string | null {
  let d = raw.trim().toLowerCase();
  d = d.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  d = d.replace(/^[^@/]*@/, '');
  d = d.split(/[/?#]/)[0] ?? '';
  d = d.replace(/:\d+$/, '').replace(/\.$/, '');
  d = d.replace(/^www\./, '');
  return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(d) && d.length <= 253 ? d : null;
}

/** Parses an ARR given as a number or a string of digits into its exact decimal string, or null. */
export function parseArr(raw: number | string): string | null {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 0 ? String(raw) : null;
  const s = raw.trim().replace(/[\s,_]/g, '');
  if (!/^\d+$/.test(s)) return null;
  const digits = s.replace(/^0+(?=\d)/, '');
  return digits.length <= ARR_MAX_DIGITS ? digits : null;
}

const Domain = z.string().trim().max(300, 'must be at most 300 characters').describe('Web domain; stored lower-case without scheme or www (https://www.Acme.com → acme.com)');
const Arr = z
  .union([z.number(), z.string()])
  .describe('Annual recurring revenue in whole currency units: a non-negative whole number, as a number or a string of digits');
const Currency = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be a 3-letter ISO 4217 code such as USD')
  .transform((s) => s.toUpperCase())
  .describe('ISO 4217 currency code of the ARR (default USD)');
const Segment = z.string().trim().max(LIMITS.nameMax, `must be at most ${LIMITS.nameMax} characters`).describe('Segment, e.g. Enterprise or SMB');
const Plan = z.string().trim().max(LIMITS.nameMax, `must be at most ${LIMITS.nameMax} characters`).describe('Plan or tier the customer is on');
const ExternalId = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').describe('Id of the customer in another system (CRM); CSV import matches on it');
const Status = z.enum(CUSTOMER_STATUSES).describe('Relationship status');

export const Customer = z
  .object({
    id: Id,
    name: z.string(),
    domain: z.string().nullable().describe('Normalised web domain'),
    segment: z.string(),
    plan: z.string(),
    arr: z.string().describe('ARR in whole currency units, as a string of digits (exact)'),
    currency: z.string().describe('ISO 4217 code'),
    status: Status,
    ownerId: Id.nullable().describe('Member id of the account owner'),
    externalId: z.string().nullable(),
    feedbackCount: z.number().int().describe('Feedback items from this customer (merged duplicates excluded)'),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('Customer account');
export type Customer = z.infer<typeof Customer>;

export const CustomerParams = z.object({ workspaceId: Id, customerId: Id.describe('Customer id') });
export const ContactParams = z.object({ workspaceId: Id, customerId: Id.describe('Customer id'), contactId: Id.describe('Contact id') });

export const CreateCustomer = z
  .object({
    name: Name.describe('Customer name'),
    domain: Domain.nullable().optional(),
    segment: Segment.optional(),
    plan: Plan.optional(),
    arr: Arr.optional(),
    currency: Currency.optional(),
    status: Status.optional(),
    ownerId: Id.nullable().optional().describe('Member id of the account owner'),
    externalId: ExternalId.nullable().optional(),
  })
  .strict();
export type CreateCustomer = z.infer<typeof CreateCustomer>;

export const UpdateCustomer = VersionedUpdate.extend({
  name: Name.optional(),
  domain: Domain.nullable().optional(),
  segment: Segment.optional(),
  plan: Plan.optional(),
  arr: Arr.optional(),
  currency: Currency.optional(),
  status: Status.optional(),
  ownerId: Id.nullable().optional(),
  externalId: ExternalId.nullable().optional(),
}).strict();
export type UpdateCustomer = z.infer<typeof UpdateCustomer>;

export const CustomerListQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Matches the name or the domain (case-insensitive substring)'),
  segment: z.string().max(LIMITS.nameMax).optional().describe('Only this segment (exact)'),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50).describe('Page size'),
  offset: z.coerce.number().int().min(0).default(0).describe('Rows to skip'),
});
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;
export const CustomerList = listOf(Customer, 'Customers, by name');

export const Contact = z
  .object({
    id: Id,
    customerId: Id,
    name: z.string(),
    email: z.string().nullable(),
    title: z.string().describe('Job title'),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('Person at a customer');
export type Contact = z.infer<typeof Contact>;

const Email = z.string().trim().max(LIMITS.emailMax).email('must be an email address').describe('Email address');
const Title = z.string().trim().max(LIMITS.titleMax, `must be at most ${LIMITS.titleMax} characters`).describe('Job title');
export const CreateContact = z.object({ name: Name.describe('Contact name'), email: Email.nullable().optional(), title: Title.optional() }).strict();
export const UpdateContact = VersionedUpdate.extend({ name: Name.optional(), email: Email.nullable().optional(), title: Title.optional() }).strict();
export type CreateContact = z.infer<typeof CreateContact>;
export type UpdateContact = z.infer<typeof UpdateContact>;
export const ContactList = listOf(Contact, 'Contacts of a customer, by name');

/** One CSV row that was not imported, with its line number in the file (the header is line 1). */
export const ImportRejection = z.object({ line: z.number().int().describe('Line where the row starts'), reason: z.string() });
export type ImportRejection = z.infer<typeof ImportRejection>;

export const CustomerImportResult = z
  .object({
    created: z.number().int().describe('New customers'),
    updated: z.number().int().describe('Existing customers (matched on external_id, else domain) whose fields changed'),
    unchanged: z.number().int().describe('Rows matching an existing customer with nothing to change'),
    rejected: z.array(ImportRejection).describe('Rows not imported (at most the first 1,000)'),
    rejectedCount: z.number().int().describe('All rejected rows'),
    ignoredColumns: z.array(z.string()).describe('Columns of the file that were not used'),
  })
  .describe('Outcome of a customer CSV import');
export type CustomerImportResult = z.infer<typeof CustomerImportResult>;
