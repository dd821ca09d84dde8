import { describe, expect, it } from 'vitest';
import { Admission, type Admitted, type Refused } from '../src/admission.js';

const admitted = (result: Admitted | Refused): Admitted => {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result;
};

describe('Admission', () => {
  it('admits up to maxInFlight at once, queues up to maxQueued, and refuses the rest at once with QUEUE_FULL', async () => {
    const gate = new Admission({ maxInFlight: 2, maxQueued: 1, queueTimeoutMs: 5_000 });
    const first = admitted(await gate.enter());
    admitted(await gate.enter());
    const queued = gate.enter();
    expect(await gate.enter()).toEqual({ ok: false, reason: 'QUEUE_FULL', retryAfterSeconds: 5 });
    expect(gate.snapshot).toEqual({ inFlight: 2, queued: 1 });
    first.release();
    admitted(await queued);
    expect(gate.snapshot).toEqual({ inFlight: 2, queued: 0 });
    expect(gate.counts).toEqual({ admitted: 3, queued: 1, refused: 1 });
  });

  it('a waiter past queueTimeoutMs is refused with QUEUE_TIMEOUT and leaves the queue', async () => {
    const gate = new Admission({ maxInFlight: 1, maxQueued: 4, queueTimeoutMs: 30 });
    const holder = admitted(await gate.enter());
    const started = performance.now();
    expect(await gate.enter()).toEqual({ ok: false, reason: 'QUEUE_TIMEOUT', retryAfterSeconds: 1 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(gate.snapshot).toEqual({ inFlight: 1, queued: 0 });
    holder.release();
    expect(gate.snapshot).toEqual({ inFlight: 0, queued: 0 });
  });

  it('hands released slots to waiters first come, first served, and counts a double release once', async () => {
    const gate = new Admission({ maxInFlight: 1, maxQueued: 3, queueTimeoutMs: 5_000 });
    const holder = admitted(await gate.enter());
    const order: number[] = [];
    const waiters = [1, 2, 3].map((n) =>
      gate.enter().then((result) => {
        order.push(n);
        return admitted(result);
      }),
    );
    holder.release();
    holder.release();
    const one = await waiters[0]!;
    expect(gate.snapshot).toEqual({ inFlight: 1, queued: 2 });
    one.release();
    (await waiters[1]!).release();
    (await waiters[2]!).release();
    expect(order).toEqual([1, 2, 3]);
    expect(gate.snapshot).toEqual({ inFlight: 0, queued: 0 });
  });

  it('with no queue, everything past maxInFlight is refused at once', async () => {
    const gate = new Admission({ maxInFlight: 1, maxQueued: 0, queueTimeoutMs: 0 });
    admitted(await gate.enter());
    expect(await gate.enter()).toMatchObject({ ok: false, reason: 'QUEUE_FULL', retryAfterSeconds: 1 });
  });

  it('refuses limits that are not whole numbers or leave no room at all', () => {
    expect(() => new Admission({ maxInFlight: 0, maxQueued: 1, queueTimeoutMs: 10 })).toThrow(/maxInFlight/);
    expect(() => new Admission({ maxInFlight: 2, maxQueued: -1, queueTimeoutMs: 10 })).toThrow(/maxQueued/);
    expect(() => new Admission({ maxInFlight: 2, maxQueued: 1, queueTimeoutMs: Number.NaN })).toThrow(/queueTimeoutMs/);
  });
});
