/**
 * A client that behaves as the gateway asks under overload and faults: it
 * resends an operation (with the same variables, so the same idempotency key)
 * while the answer is retryable, waiting at least Retry-After plus jitter, and
 * counts what it saw so a test can assert on it and print it.
 */

/**
 * Codes the gateway marks as retryable (`extensions.retryable` says the same).
 * A mutation that may have run carries its cause's code and `outcomeUnknown: true`.
 */
export const RETRYABLE_CODES = new Set(['OVERLOADED', 'SUBGRAPH_TIMEOUT', 'SUBGRAPH_UNAVAILABLE']);

export interface GraphQLAnswer<T = unknown> {
  status: number;
  retryAfter: string | null;
  body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: Record<string, unknown> };
}

/** What many clients saw, summed. */
export class RetryStats {
  /** Requests sent, first tries and retries. */
  requests = 0;
  retries = 0;
  /** Answers by HTTP status, over every request sent. */
  readonly statuses = new Map<number, number>();
  /** Error answers by code, over every request sent. */
  readonly codes = new Map<string, number>();
  /** Retryable error answers that said a mutation may have run. */
  outcomeUnknown = 0;
  /** Error answers with a 5xx status or retryable code but without Retry-After, or a 5xx without a code. */
  readonly malformed: GraphQLAnswer<unknown>[] = [];
  /** Fetches that failed without any HTTP answer. */
  transportErrors = 0;
  /** Per client: first send to final answer, in ms. */
  readonly latenciesMs: number[] = [];

  record(answer: GraphQLAnswer<unknown>): void {
    this.statuses.set(answer.status, (this.statuses.get(answer.status) ?? 0) + 1);
    for (const error of answer.body.errors ?? []) {
      const code = String(error.extensions?.code ?? 'NONE');
      this.codes.set(code, (this.codes.get(code) ?? 0) + 1);
      if (error.extensions?.outcomeUnknown === true) this.outcomeUnknown++;
    }
    const retryable = isRetryable(answer);
    if ((retryable && !answer.retryAfter) || (answer.status >= 500 && !answer.body.errors?.every((e) => e.extensions?.code))) {
      this.malformed.push(answer);
    }
  }

  count(code: string): number {
    return this.codes.get(code) ?? 0;
  }

  percentile(p: number): number {
    const sorted = [...this.latenciesMs].sort((a, b) => a - b);
    if (!sorted.length) return 0;
    return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
  }

  /** One line of figures for the test's output. */
  summary(): string {
    const statuses = [...this.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    const codes = [...this.codes].map(([c, n]) => `${c}×${n}`).join(' ') || 'none';
    return (
      `clients ${this.latenciesMs.length}, requests ${this.requests}, retries ${this.retries}, HTTP ${statuses}, ` +
      `error codes ${codes}, outcomeUnknown ${this.outcomeUnknown}, transport errors ${this.transportErrors}, ` +
      `latency p50 ${this.percentile(50)} ms p99 ${this.percentile(99)} ms max ${this.percentile(100)} ms`
    );
  }
}

export function isRetryable(answer: GraphQLAnswer<unknown>): boolean {
  if (answer.status === 503 || answer.status === 504) return true;
  return (answer.body.errors ?? []).some((e) => e.extensions?.retryable === true || RETRYABLE_CODES.has(String(e.extensions?.code)));
}

export async function post<T = unknown>(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLAnswer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as GraphQLAnswer<T>['body'] };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The final answer, and whether an earlier try may have run (a retryable error said `outcomeUnknown`). */
export type RetriedAnswer<T> = GraphQLAnswer<T> & { tries: number; mayHaveRunBefore: boolean };

/**
 * Sends until the answer is not retryable (an answer, a userError or a
 * non-retryable error) and returns that final answer. Waits at least
 * Retry-After (else 250 ms), backing off exponentially, times a random factor
 * between 1 and 2, so refused clients do not come back as one herd.
 */
export async function sendUntilAnswered<T = unknown>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  stats: RetryStats,
  options: { headers?: Record<string, string>; maxAttempts?: number } = {},
): Promise<RetriedAnswer<T>> {
  const started = performance.now();
  const maxAttempts = options.maxAttempts ?? 120;
  let mayHaveRunBefore = false;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    if (attempt > 1) stats.retries++;
    stats.requests++;
    let answer: GraphQLAnswer<T> | null = null;
    try {
      answer = await post<T>(url, query, variables, options.headers);
    } catch {
      stats.transportErrors++;
    }
    if (answer) {
      stats.record(answer);
      if (!isRetryable(answer)) {
        stats.latenciesMs.push(performance.now() - started);
        return { ...answer, tries: attempt, mayHaveRunBefore };
      }
      mayHaveRunBefore ||= (answer.body.errors ?? []).some((e) => e.extensions?.outcomeUnknown === true);
    } else {
      // No answer at all: the request may have arrived.
      mayHaveRunBefore = true;
    }
    // Never before Retry-After; after repeated refusals, exponentially later (up to 8 s), so a
    // crowd of refused clients does not spend the server's time on being refused again.
    const retryAfterMs = answer?.retryAfter ? Number(answer.retryAfter) * 1000 : 250;
    await sleep(Math.max(retryAfterMs, Math.min(8_000, 250 * 2 ** (attempt - 1))) * (1 + Math.random()));
  }
  throw new Error(`no final answer after ${maxAttempts} attempts: ${query} ${JSON.stringify(variables)}`);
}
