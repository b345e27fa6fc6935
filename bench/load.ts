// Drives one endpoint with autocannon (programmatic API) and summarises the run. Latencies are
// recorded per response (autocannon's own histogram has 1 ms resolution and no p95).
import autocannon, { type Result } from 'autocannon';

export interface LoadOptions {
  url: string;
  connections: number;
  durationS: number;
  headers: Record<string, string>;
}

export interface LoadResult {
  connections: number;
  durationS: number;
  requests: number;
  requestsPerSec: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  /** Responses by status code, e.g. { "200": 1234 }. */
  statusCodes: Record<string, number>;
  non2xx: number;
  /** Connection errors and timeouts (no response at all). */
  errors: number;
  timeouts: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function runLoad({ url, connections, durationS, headers }: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: durationS, pipelining: 1, timeout: 10, headers }, (error, res) => (error ? reject(error) : resolve(res)));
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTimeMs: number) => {
      latencies.push(responseTimeMs);
    });
  });
  const sorted = Float64Array.from(latencies).sort();
  const total = latencies.reduce((a, b) => a + b, 0);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
  return {
    connections,
    durationS: result.duration,
    requests: latencies.length,
    requestsPerSec: round(result['2xx'] / result.duration, 1),
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.length ? sorted[sorted.length - 1]! : 0),
      mean: round(sorted.length ? total / sorted.length : 0),
    },
    statusCodes,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** A description of what went wrong in a run, or null when every request got a 2xx. */
export function loadProblem(r: LoadResult): string | null {
  if (r.non2xx === 0 && r.errors === 0 && r.requests > 0) return null;
  const codes = Object.entries(r.statusCodes)
    .map(([code, n]) => `${n}× ${code}`)
    .join(', ');
  return `${r.non2xx} non-2xx, ${r.errors} errors (${r.timeouts} timeouts), ${r.requests} responses [${codes || 'none'}]`;
}
