import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from './app-error.js';

export const NDJSON = 'application/x-ndjson';

/** How often at most a progress line is written: often enough to look live, rarely enough to stay cheap. */
const PROGRESS_EVERY_MS = 250;

/**
 * True when the client lists `application/x-ndjson` in Accept (with a q above 0): it asks for the
 * streamed answer. Without it the route answers plain JSON as documented.
 */
export function wantsNdjson(req: FastifyRequest): boolean {
  const accept = req.headers.accept ?? '';
  return accept.split(',').some((part) => {
    const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (type !== NDJSON) return false;
    const q = params.find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/**
 * Refuses up front (413) a body whose declared Content-Length is past the limit. Our CSV routes read the
 * raw stream, which Fastify's bodyLimit does not guard; the reader stops at the limit, but only after
 * importing everything before it.
 */
export function refuseDeclaredOversize(req: FastifyRequest, maxBytes: number): void {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new AppError('payload_too_large', `The file is larger than ${Math.round(maxBytes / 1_048_576)} MB`);
  }
}

export interface ProgressRun<P, R> {
  /** Runs the work, calling `onProgress` (when given) as it goes. */
  run: (onProgress?: (progress: P) => void) => Promise<R>;
  /** The fields of a progress line, from the work's own progress report. */
  progressLine: (progress: P) => Record<string, unknown>;
  /** The route's 200 schema: the result line carries exactly what the JSON answer would. */
  result: z.ZodType<R>;
}

/** The `{code, message, field?}` of an error, as the error handler would answer it; 5xx never shows internals. */
function errorLine(err: unknown): { code: string; message: string; field?: string } {
  if (err instanceof AppError) return { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) };
  return { code: 'internal', message: 'Something went wrong on our side; it has been logged' };
}

/** The response as a stream of JSON lines, sent (200) on the first line written. */
function ndjsonReply(reply: FastifyReply) {
  let out: PassThrough | null = null;
  return {
    get started() {
      return out !== null;
    },
    write(line: Record<string, unknown>) {
      if (!out) {
        out = new PassThrough();
        // x-accel-buffering: a reverse proxy (nginx) must pass the lines on as they come, not at the end.
        void reply.status(200).type(`${NDJSON}; charset=utf-8`).header('cache-control', 'no-store').header('x-accel-buffering', 'no').send(out);
      }
      out.write(`${JSON.stringify(line)}\n`);
    },
    end() {
      out?.end();
    },
  };
}

/**
 * Answers a long-running import either as plain JSON (the default), or, when the client asks for
 * `application/x-ndjson`, as a stream of JSON lines: `{"type":"progress",…}` as the work goes (the
 * first one as soon as it comes, then at most every 250 ms), then `{"type":"result",…the JSON answer}`,
 * or `{"type":"error",code,message}` if the work fails once the stream has begun.
 *
 * The 200 and its content type are only committed at the first progress report: a failure before it
 * (permission, a bad header, an encoding refused on the first bytes) still answers its usual JSON error
 * status through the error handler.
 */
export async function respondWithProgress<P, R>(req: FastifyRequest, reply: FastifyReply, work: ProgressRun<P, R>): Promise<R | undefined> {
  if (!wantsNdjson(req)) return work.run();

  const stream = ndjsonReply(reply);
  let lastWrite = 0;
  const onProgress = (progress: P) => {
    const now = Date.now();
    if (stream.started && now - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = now;
    stream.write({ type: 'progress', ...work.progressLine(progress) });
  };

  try {
    const result = await work.run(onProgress);
    stream.write({ type: 'result', ...(work.result.encode(result) as Record<string, unknown>) });
  } catch (err) {
    if (!stream.started) throw err;
    // The 200 is out: the error travels as the last line, and is logged here as the error handler would.
    const line = errorLine(err);
    // A client that cancelled (the body stops mid-file) is no failure of ours: a warning, not an error.
    if (line.code === 'internal') {
      if (reply.raw.destroyed || req.raw.destroyed) req.log.warn({ err }, 'client went away during a streamed import');
      else req.log.error({ err }, 'request failed while streaming');
    }
    stream.write({ type: 'error', ...line });
  }
  stream.end();
  // Wait for the stream to be sent, then resolve with nothing, which leaves the reply as is. A client
  // gone meanwhile has nothing left to hear: no error to answer.
  await new Promise<void>((resolve) => reply.then(resolve, () => resolve()));
  return undefined;
}
