export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

interface Level {
  available: number;
  at: number;
}

/** Keys kept before full buckets are swept (a full bucket is the same as no entry). */
const SWEEP_ABOVE = 10_000;

/**
 * Per-caller leaky buckets (Shopify's model): each key holds up to `capacity`
 * points and regains `restoreRate` points a second; a request takes its cost
 * up front. In memory: one gateway process. Several gateway copies would keep
 * these in Redis, updated atomically.
 */
export class LeakyBuckets {
  private readonly levels = new Map<string, Level>();

  constructor(
    readonly capacity: number,
    readonly restoreRate: number,
    private readonly now: () => number = Date.now,
  ) {}

  private level(key: string): Level {
    const at = this.now();
    const previous = this.levels.get(key);
    const available = previous
      ? Math.min(this.capacity, previous.available + ((at - previous.at) / 1000) * this.restoreRate)
      : this.capacity;
    return { available, at };
  }

  status(key: string): ThrottleStatus {
    return this.statusOf(this.level(key).available);
  }

  /** Takes `cost` points if they are there; otherwise takes nothing and says when they will be. */
  take(key: string, cost: number): { ok: true; status: ThrottleStatus } | { ok: false; status: ThrottleStatus; retryAfterSeconds: number } {
    const level = this.level(key);
    if (cost > level.available) {
      const retryAfterSeconds = Math.max(1, Math.ceil((cost - level.available) / this.restoreRate));
      return { ok: false, status: this.statusOf(level.available), retryAfterSeconds };
    }
    level.available -= cost;
    if (this.levels.size >= SWEEP_ABOVE) this.sweep();
    this.levels.set(key, level);
    return { ok: true, status: this.statusOf(level.available) };
  }

  private sweep() {
    for (const key of this.levels.keys()) if (this.level(key).available >= this.capacity) this.levels.delete(key);
  }

  private statusOf(available: number): ThrottleStatus {
    return { maximumAvailable: this.capacity, currentlyAvailable: Math.floor(available), restoreRate: this.restoreRate };
  }
}
