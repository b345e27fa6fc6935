import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './client';

/** One client for the app: no retries on answers the server meant (4xx), a couple on the rest. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: true,
      retry: (failureCount, error) => {
        if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
        return failureCount < 2;
      },
    },
  },
});
