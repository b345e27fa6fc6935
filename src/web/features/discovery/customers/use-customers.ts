import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../../../lib/api/client';
import type { Contact, Customer, CustomerStatus, ListOf } from '../types';

export const customersKey = (workspaceId: string) => ['customers', workspaceId] as const;

/** Customers, optionally narrowed by a search term (name or domain). */
export function useCustomers(
  workspaceId: string,
  { q = '', segment = '', limit = 50, offset = 0, enabled = true }: { q?: string; segment?: string; limit?: number; offset?: number; enabled?: boolean } = {},
) {
  const params = new URLSearchParams({ limit: String(limit), offset: String(offset) });
  if (q.trim()) params.set('q', q.trim());
  if (segment.trim()) params.set('segment', segment.trim());
  return useQuery({
    queryKey: [...customersKey(workspaceId), 'list', q.trim(), segment.trim(), limit, offset],
    queryFn: () => api<ListOf<Customer>>(wsPath(workspaceId, `/customers?${params.toString()}`)),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCustomer(workspaceId: string, customerId: string) {
  return useQuery({
    queryKey: [...customersKey(workspaceId), 'item', customerId],
    queryFn: () => api<Customer>(wsPath(workspaceId, `/customers/${customerId}`)),
  });
}

export function useContacts(workspaceId: string, customerId: string) {
  return useQuery({
    queryKey: [...customersKey(workspaceId), 'contacts', customerId],
    queryFn: () => api<ListOf<Contact>>(wsPath(workspaceId, `/customers/${customerId}/contacts`)),
  });
}

function useInvalidate(workspaceId: string) {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: customersKey(workspaceId) });
}

export interface CustomerInput {
  name: string;
  domain?: string | null;
  segment?: string;
  plan?: string;
  arr?: string;
  currency?: string;
  status?: CustomerStatus;
  externalId?: string | null;
  ownerId?: string | null;
}

export function useCreateCustomer(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (body: CustomerInput) => api<Customer>(wsPath(workspaceId, '/customers'), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateCustomer(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: ({ customerId, ...body }: Partial<CustomerInput> & { customerId: string; version: number }) =>
      api<Customer>(wsPath(workspaceId, `/customers/${customerId}`), { method: 'PATCH', body }),
    onSettled: invalidate,
  });
}

export function useDeleteCustomer(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (customerId: string) => api<void>(wsPath(workspaceId, `/customers/${customerId}`), { method: 'DELETE' }),
    onSettled: invalidate,
  });
}

export function useCreateContact(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: ({ customerId, ...body }: { customerId: string; name: string; email?: string | null; title?: string }) =>
      api<Contact>(wsPath(workspaceId, `/customers/${customerId}/contacts`), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}
