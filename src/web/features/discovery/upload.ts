import { ERROR_STATUS } from '../../../shared/errors.js';
import { ApiError } from '../../lib/api/client';

const NDJSON = 'application/x-ndjson';

/** How far the server has got with an import it streams (`Accept: application/x-ndjson`). */
export interface ServerProgress {
  /** Data rows read so far. */
  processed: number;
  imported?: number;
  duplicates?: number;
  rejected?: number;
}

type ErrorFields = { code?: unknown; message?: unknown; field?: unknown };

export interface UploadOptions {
  contentType?: string;
  /** Share of the file sent, 0 to 1. */
  onProgress?: (fraction: number) => void;
  /**
   * Rows the server has processed. Given, the upload asks for the streamed answer; a route that does
   * not stream answers plain JSON, which is handled the same.
   */
  onServerProgress?: (progress: ServerProgress) => void;
  signal?: AbortSignal;
}

const toApiError = (status: number, body: ErrorFields) =>
  new ApiError(status, {
    code: typeof body.code === 'string' ? body.code : String(status),
    message:
      typeof body.message === 'string' && body.message
        ? body.message
        : status === 413
          ? 'The file is too large for the server.'
          : `The upload failed (${status}).`,
    field: typeof body.field === 'string' ? body.field : undefined,
  });

const parseLine = (line: string): Record<string, unknown> | null => {
  try {
    const value: unknown = JSON.parse(line);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

/**
 * Reads the JSON lines of a streamed answer as they arrive: `responseText` grows, and only the complete
 * lines past the last offset are new. Progress lines go to `onProgress`; the last result or error line is kept.
 */
function ndjsonReader(onProgress: ((progress: ServerProgress) => void) | undefined) {
  let offset = 0;
  let final: Record<string, unknown> | null = null;
  return {
    read(text: string) {
      const end = text.lastIndexOf('\n') + 1;
      if (end <= offset) return;
      const fresh = text.slice(offset, end);
      offset = end;
      let latest: ServerProgress | null = null;
      for (const raw of fresh.split('\n')) {
        const line = raw.trim() ? parseLine(raw) : null;
        if (!line) continue;
        if (line.type === 'progress' && typeof line.processed === 'number') latest = line as unknown as ServerProgress;
        else if (line.type === 'result' || line.type === 'error') final = line;
      }
      // Several lines may come in one chunk: only the newest is worth a render.
      if (latest) onProgress?.(latest);
    },
    get final() {
      return final;
    },
  };
}

/** The result line without its `type`, or the error line as an ApiError. */
function settleStream<T>(final: Record<string, unknown> | null): T {
  if (!final) throw new ApiError(0, { code: 'unavailable', message: 'The connection to the server was cut before the import finished. Importing the file again adds only what is missing.' });
  const { type, ...rest } = final;
  // The stream's 200 is already out: the status is the one the error would have answered.
  if (type === 'error') throw toApiError(ERROR_STATUS[rest.code as keyof typeof ERROR_STATUS] ?? 500, rest);
  return rest as T;
}

/**
 * Uploads a file as the raw request body with the given content type, reporting upload progress and,
 * with `onServerProgress`, the rows the server has processed so far. XMLHttpRequest because fetch
 * exposes no upload progress. Resolves with the parsed JSON answer (the result line of a streamed one)
 * or throws an ApiError like `api()` does.
 */
export function uploadFile<T>(path: string, file: Blob, { contentType = 'text/csv', onProgress, onServerProgress, signal }: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const stream = ndjsonReader(onServerProgress);
    const streamed = () => (xhr.getResponseHeader('content-type') ?? '').startsWith(NDJSON);
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', contentType);
    xhr.setRequestHeader('accept', onServerProgress ? `${NDJSON}, application/json;q=0.9` : 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => onProgress?.(1);
    xhr.onprogress = () => {
      if (xhr.status === 200 && streamed()) stream.read(xhr.responseText);
    };
    xhr.onerror = () => reject(new ApiError(0, { code: 'unavailable', message: 'Cannot reach the Sextant server. Check your connection and try again.' }));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    xhr.onload = () => {
      if (xhr.status === 200 && streamed()) {
        stream.read(`${xhr.responseText}\n`);
        try {
          resolve(settleStream<T>(stream.final));
        } catch (e) {
          reject(e);
        }
        return;
      }
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(toApiError(xhr.status, (data ?? {}) as ErrorFields));
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/**
 * About how many data rows a CSV file has, read from the file in chunks (never whole into memory): its
 * lines less the header. Quoted cells spanning lines and blank lines make it an upper bound.
 */
export async function estimateCsvRows(file: Blob): Promise<number> {
  const reader = file.stream().getReader();
  let newlines = 0;
  let last = 10;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) newlines++;
    if (value.length) last = value[value.length - 1]!;
  }
  const lines = newlines + (last === 10 ? 0 : 1);
  return Math.max(0, lines - 1);
}
