import type { ServerResponse } from 'node:http';

/**
 * How much work one server (or one gateway→subgraph link) takes on at once.
 * Work beyond `maxInFlight` waits in a FIFO queue of at most `maxQueued`
 * entries for at most `queueTimeoutMs`; anything else is refused at once.
 * Under overload a prompt refusal is worth more than a late timeout: the
 * caller knows nothing ran and when to come back.
 */
export interface AdmissionLimits {
  maxInFlight: number;
  maxQueued: number;
  queueTimeoutMs: number;
}

export type Admitted = { ok: true; release: () => void };
export type Refused = { ok: false; reason: 'QUEUE_FULL' | 'QUEUE_TIMEOUT'; retryAfterSeconds: number };

interface Waiter {
  admit: (release: () => void) => void;
  timer: NodeJS.Timeout;
}

/** A counting semaphore with a bounded, time-limited queue. */
export class Admission {
  private inFlight = 0;
  private readonly waiting: Waiter[] = [];
  /** What this gate did since it was made (tests and benchmarks print it). */
  readonly counts = { admitted: 0, queued: 0, refused: 0 };

  constructor(readonly limits: AdmissionLimits) {
    for (const [name, value] of Object.entries(limits)) {
      if (!Number.isInteger(value) || value < (name === 'maxInFlight' ? 1 : 0)) {
        throw new Error(`Admission limit ${name} must be a whole number${name === 'maxInFlight' ? ' of at least 1' : ''}, not ${value}`);
      }
    }
  }

  /** Whole seconds a refused caller should wait: about one queue's worth of waiting. */
  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.limits.queueTimeoutMs / 1000));
  }

  get snapshot() {
    return { inFlight: this.inFlight, queued: this.waiting.length };
  }

  /** A slot (call `release` exactly once when the work is done), or a refusal. */
  enter(): Promise<Admitted | Refused> {
    if (this.inFlight < this.limits.maxInFlight) {
      this.inFlight++;
      this.counts.admitted++;
      return Promise.resolve({ ok: true, release: this.releaser() });
    }
    if (this.waiting.length >= this.limits.maxQueued) {
      this.counts.refused++;
      return Promise.resolve({ ok: false, reason: 'QUEUE_FULL', retryAfterSeconds: this.retryAfterSeconds });
    }
    this.counts.queued++;
    return new Promise((resolve) => {
      const waiter: Waiter = {
        admit: (release) => {
          clearTimeout(waiter.timer);
          this.counts.admitted++;
          resolve({ ok: true, release });
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          this.counts.refused++;
          resolve({ ok: false, reason: 'QUEUE_TIMEOUT', retryAfterSeconds: this.retryAfterSeconds });
        }, this.limits.queueTimeoutMs),
      };
      this.waiting.push(waiter);
    });
  }

  /** A release that hands the slot to the longest waiter, and counts only once however often it is called. */
  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next.admit(this.releaser());
      else this.inFlight--;
    };
  }
}

function wholeNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${raw}"`);
  return value;
}

/** Whole requests the gateway works on at once (both modes); the rest queue briefly, then OVERLOADED. */
export function gatewayAdmissionLimits(): AdmissionLimits {
  return {
    maxInFlight: wholeNumber('GATEWAY_MAX_IN_FLIGHT', 64),
    maxQueued: wholeNumber('GATEWAY_MAX_QUEUED', 128),
    queueTimeoutMs: wholeNumber('GATEWAY_QUEUE_TIMEOUT_MS', 2000),
  };
}

/**
 * Distributed mode, per subgraph: requests the gateway sends to one subgraph at
 * once (so also the sockets it opens to it) and requests one subgraph server
 * executes at once. The gateway never asks one subgraph for more than it serves;
 * several gateways behind a load balancer can, and the subgraph then refuses.
 */
export function subgraphAdmissionLimits(): AdmissionLimits {
  return {
    maxInFlight: wholeNumber('SUBGRAPH_MAX_IN_FLIGHT', 32),
    maxQueued: wholeNumber('SUBGRAPH_MAX_QUEUED', 64),
    queueTimeoutMs: wholeNumber('SUBGRAPH_QUEUE_TIMEOUT_MS', 1000),
  };
}

/** The extensions every OVERLOADED answer carries: nothing ran, so any request (a mutation too) may be resent. */
export function overloadedExtensions(retryAfterSeconds: number, extra: Record<string, unknown> = {}) {
  return { code: 'OVERLOADED', ...extra, retryable: true, retryAfterSeconds, outcomeUnknown: false };
}

export function overloadedMessage(who: string, retryAfterSeconds: number): string {
  return `${who} is at capacity and ran nothing of this request; retry after ${retryAfterSeconds} s (a mutation with the same idempotency key).`;
}

/** Answers a refused request: HTTP 503, Retry-After, and a GraphQL error body coded OVERLOADED. */
export function sendOverloaded(res: ServerResponse, refused: Refused, who: string, extra: Record<string, unknown> = {}): void {
  res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(refused.retryAfterSeconds) });
  res.end(
    JSON.stringify({
      errors: [{ message: overloadedMessage(who, refused.retryAfterSeconds), extensions: overloadedExtensions(refused.retryAfterSeconds, extra) }],
    }),
  );
}
