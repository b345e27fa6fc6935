import type { ErrorBody } from '../../../shared/errors.js';

/** An error answered by the API (or a network failure, with status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, body: { code: string; message: string; field?: string }) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.field = body.field;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'You are signed out. Sign in again.';
  if (status === 403) return 'You do not have permission to do that.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many requests. Wait a moment and try again.';
  if (status >= 500) return 'The server had a problem. Try again in a moment.';
  return `The request failed (${status}).`;
}

/**
 * Calls the API on the same origin with the session cookie and JSON bodies.
 * Resolves with the parsed JSON (undefined for 204) or throws an ApiError.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal } = options;
  const headers: Record<string, string> = { accept: 'application/json' };
  // Bodies are always JSON; better-auth's sign-out also wants `{}` with the JSON content type.
  const sendsBody = method !== 'GET' && method !== 'DELETE' ? true : body !== undefined;
  if (sendsBody) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: sendsBody ? JSON.stringify(body ?? {}) : undefined,
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, { code: 'unavailable', message: 'Cannot reach the Sextant server. Check your connection and try again.' });
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }

  if (!response.ok) {
    const err = (data ?? {}) as Partial<ErrorBody> & { code?: string; message?: string };
    throw new ApiError(response.status, {
      code: typeof err.code === 'string' ? err.code : String(response.status),
      message: typeof err.message === 'string' && err.message ? err.message : fallbackMessage(response.status),
      field: typeof err.field === 'string' ? err.field : undefined,
    });
  }
  return data as T;
}

/** Builds a path under the workspace's API. */
export function wsPath(workspaceId: string, rest = ''): string {
  return `/api/v1/workspaces/${encodeURIComponent(workspaceId)}${rest}`;
}
