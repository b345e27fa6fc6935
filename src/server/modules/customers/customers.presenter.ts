import type { Contact, Customer, CustomerStatus } from '../../../shared/contracts.js';
import type { ContactRow, CustomerWithCounts } from './customers.repository.js';

/** A customer row as the API shows it; ARR stays a string of digits so no amount is ever rounded. */
export function presentCustomer(c: CustomerWithCounts): Customer {
  return {
    id: c.id,
    name: c.name,
    domain: c.domain,
    segment: c.segment,
    plan: c.plan,
    // numeric(18,0) may come back as "1200" or "1200.0" depending on the driver: keep the digits only.
    arr: String(c.arr).replace(/\.0*$/, ''),
    currency: c.currency,
    status: c.status as CustomerStatus,
    ownerId: c.ownerId,
    externalId: c.externalId,
    feedbackCount: c.feedbackCount,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentContact(c: ContactRow): Contact {
  return {
    id: c.id,
    customerId: c.customerId,
    name: c.name,
    email: c.email,
    title: c.title,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
