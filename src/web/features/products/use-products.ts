import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../../lib/api/client';
import type { ComponentT, ListOf, ProductT } from '../../lib/api/types';

export const productsKey = (workspaceId: string) => ['products', workspaceId] as const;

export function useProducts(workspaceId: string) {
  return useQuery({ queryKey: productsKey(workspaceId), queryFn: () => api<ListOf<ProductT>>(wsPath(workspaceId, '/products')) });
}

export function useProduct(workspaceId: string, productId: string) {
  return useQuery({
    queryKey: [...productsKey(workspaceId), productId],
    queryFn: () => api<ProductT>(wsPath(workspaceId, `/products/${productId}`)),
  });
}

function useInvalidateProducts(workspaceId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: productsKey(workspaceId) });
    // Component ownership shows on member profiles.
    void qc.invalidateQueries({ queryKey: ['members', workspaceId] });
  };
}

export interface ProductInput {
  name: string;
  description?: string;
}

export function useCreateProduct(workspaceId: string) {
  const invalidate = useInvalidateProducts(workspaceId);
  return useMutation({
    mutationFn: (body: ProductInput) => api<ProductT>(wsPath(workspaceId, '/products'), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateProduct(workspaceId: string) {
  const invalidate = useInvalidateProducts(workspaceId);
  return useMutation({
    mutationFn: ({ productId, ...body }: ProductInput & { productId: string; version: number }) =>
      api<ProductT>(wsPath(workspaceId, `/products/${productId}`), { method: 'PATCH', body }),
    onSettled: invalidate,
  });
}

export function useDeleteProduct(workspaceId: string) {
  const invalidate = useInvalidateProducts(workspaceId);
  return useMutation({
    mutationFn: (productId: string) => api<void>(wsPath(workspaceId, `/products/${productId}`), { method: 'DELETE' }),
    onSettled: invalidate,
  });
}

export interface ComponentInput {
  name: string;
  description?: string;
  ownerId?: string | null;
  teamMemberIds?: string[];
}

export function useCreateComponent(workspaceId: string) {
  const invalidate = useInvalidateProducts(workspaceId);
  return useMutation({
    mutationFn: ({ productId, ...body }: ComponentInput & { productId: string }) =>
      api<ComponentT>(wsPath(workspaceId, `/products/${productId}/components`), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateComponent(workspaceId: string) {
  const invalidate = useInvalidateProducts(workspaceId);
  return useMutation({
    mutationFn: ({ productId, componentId, ...body }: ComponentInput & { productId: string; componentId: string; version: number }) =>
      api<ComponentT>(wsPath(workspaceId, `/products/${productId}/components/${componentId}`), { method: 'PATCH', body }),
    onSettled: invalidate,
  });
}

export function useDeleteComponent(workspaceId: string) {
  const invalidate = useInvalidateProducts(workspaceId);
  return useMutation({
    mutationFn: ({ productId, componentId }: { productId: string; componentId: string }) =>
      api<void>(wsPath(workspaceId, `/products/${productId}/components/${componentId}`), { method: 'DELETE' }),
    onSettled: invalidate,
  });
}
