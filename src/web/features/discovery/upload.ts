import { ApiError } from '../../lib/api/client';

/**
 * Uploads a file as the raw request body with the given content type, reporting upload progress.
 * XMLHttpRequest because fetch exposes no upload progress. Resolves with the parsed JSON answer or
 * throws an ApiError like `api()` does.
 */
export function uploadFile<T>(
  path: string,
  file: Blob,
  { contentType = 'text/csv', onProgress, signal }: { contentType?: string; onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', contentType);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, { code: 'unavailable', message: 'Cannot reach the Sextant server. Check your connection and try again.' }));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data as T);
        return;
      }
      const body = (data ?? {}) as { code?: unknown; message?: unknown; field?: unknown };
      reject(
        new ApiError(xhr.status, {
          code: typeof body.code === 'string' ? body.code : String(xhr.status),
          message:
            typeof body.message === 'string' && body.message
              ? body.message
              : xhr.status === 413
                ? 'The file is too large for the server.'
                : `The upload failed (${xhr.status}).`,
          field: typeof body.field === 'string' ? body.field : undefined,
        }),
      );
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
