/** What claiming a nonce did: first use, second use, or no room to remember it. */
export type NonceClaim = 'claimed' | 'used' | 'full';

/**
 * The nonces of signatures that are still valid, each remembered until its
 * signature expires, so that a captured request cannot be sent again. Memory is
 * bounded: expired nonces are dropped as new ones arrive, and at `capacity`
 * live nonces a claim is refused rather than an old nonce forgotten (forgetting
 * would reopen the replay it guards against).
 *
 * One process's memory: copies of a subgraph behind a load balancer would each
 * accept a request once, so they would need a shared store instead.
 */
export class NonceStore {
  /** nonce → epoch ms after which its signature is refused anyway. Insertion order ≈ expiry order. */
  private readonly live = new Map<string, number>();

  constructor(readonly capacity = 100_000) {}

  get size(): number {
    return this.live.size;
  }

  claim(nonce: string, expiresAt: number, now = Date.now()): NonceClaim {
    this.dropExpiredFromFront(now);
    if (this.live.has(nonce)) return 'used';
    if (this.live.size >= this.capacity) {
      // Clocks of several gateways may interleave expiries: sweep everything before refusing.
      this.dropAllExpired(now);
      if (this.live.size >= this.capacity) return 'full';
    }
    this.live.set(nonce, expiresAt);
    return 'claimed';
  }

  private dropExpiredFromFront(now: number): void {
    for (const [nonce, expiresAt] of this.live) {
      if (expiresAt > now) return;
      this.live.delete(nonce);
    }
  }

  private dropAllExpired(now: number): void {
    for (const [nonce, expiresAt] of this.live) {
      if (expiresAt <= now) this.live.delete(nonce);
    }
  }
}
