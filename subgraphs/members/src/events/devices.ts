// Device attach: a sign-in names the storefront's device, whose anonymous events then count for the member.
import { sql } from 'drizzle-orm';
import { ok, type Db } from '@shop/kit';
import { memberFail, type MemberResult } from '../errors/index.js';
import { isDeviceId } from './checks.js';
import { enqueueSummary } from './summaries.js';
import { memberDevice } from './tables.js';

/**
 * Checks a sign-in's optional device id before anything is written (INVALID at input.deviceId), and returns what
 * attaches it once the member is known: a no-op when the sign-in named no device.
 */
export function deviceAttach(deviceId: string | null | undefined): MemberResult<(tx: Db, memberId: string) => Promise<void>> {
  const id = deviceId?.trim();
  if (!id) return ok(async () => {});
  if (!isDeviceId(id)) return memberFail('INVALID:deviceId', ['input', 'deviceId']);
  return ok((tx, memberId) => attachDevice(tx, memberId, id));
}

/**
 * Links a device to a member, or moves it from the member who signed in on it last (kept as the previous member,
 * whose summary loses its anonymous events). The events themselves are never rewritten. `tx` is the sign-in's
 * transaction; the summary job is enqueued in it.
 */
export async function attachDevice(tx: Db, memberId: string, deviceId: string): Promise<void> {
  await tx
    .insert(memberDevice)
    .values({ deviceId, memberId })
    .onConflictDoUpdate({
      target: memberDevice.deviceId,
      set: {
        memberId,
        previousMemberId: sql`case when ${memberDevice.memberId} = ${memberId}::uuid then ${memberDevice.previousMemberId} else ${memberDevice.memberId} end`,
        updatedAt: sql`now()`,
      },
    });
  await enqueueSummary(tx);
}
