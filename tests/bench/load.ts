import { statementCounter } from '@shop/kit';

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  statementsPerRequest: number;
  errors: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * POSTs `body` to `url` from `concurrency` clients until `requests` have been
 * sent (after a warm-up), and measures latency and SQL statements in this process.
 */
export async function load(
  url: string,
  body: unknown,
  options: {
    concurrency: number;
    requests: number;
    warmup?: number;
    /** A function for headers that differ per request (a subgraph accepts each signature once). */
    headers?: Record<string, string> | (() => Record<string, string>);
  },
): Promise<LoadResult> {
  const payload = JSON.stringify(body);
  const headersOf = typeof options.headers === 'function' ? options.headers : () => options.headers as Record<string, string> | undefined;
  const send = async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headersOf() }, body: payload });
    const json = (await response.json()) as { errors?: unknown[] };
    return response.ok && !json.errors;
  };
  for (let i = 0; i < (options.warmup ?? 50); i += 1) await send();
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const statementsBefore = statementCounter.count;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.requests) {
        next += 1;
        const t0 = performance.now();
        if (!(await send())) errors += 1;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    statementsPerRequest: (statementCounter.count - statementsBefore) / latencies.length,
    errors,
  };
}

/** One result as the columns of a printed table: throughput, latency percentiles and SQL per request. */
export function figures(r: LoadResult) {
  return {
    'req/s': r.perSecond.toFixed(0),
    'p50 ms': r.p50.toFixed(1),
    'p95 ms': r.p95.toFixed(1),
    'p99 ms': r.p99.toFixed(1),
    'SQL/req': r.statementsPerRequest.toFixed(2),
    errors: r.errors,
  };
}
