import type { Principal } from './context.js';
import { codedError } from './errors.js';

/**
 * The one step-up rule. A step-up is a staff member's fresh password
 * confirmation (stepUpConfirm, then the X-Step-Up header), bound to their
 * session. Only staff can hold one: an API key has no password to confirm and
 * a customer never runs back-office operations, so neither is ever stepped up.
 * The gateway's `step_up` policy and every value-dependent threshold in the
 * subgraphs (requireStepUp) ask this same question.
 */
export function isSteppedUp(principal: Principal, now: number = Date.now()): boolean {
  return principal.kind === 'staff' && principal.stepUpUntil !== null && principal.stepUpUntil > now;
}

/**
 * For operations that need a step-up only past a threshold (a refund above
 * REFUND_STEP_UP_AMOUNT, a stock decrease beyond 50 units): throws before
 * anything is written, so the caller's transaction rolls back whole.
 * Staff without a fresh confirmation get STEP_UP_REQUIRED (the console asks
 * for the password and retries); anyone else gets FORBIDDEN, because no
 * confirmation would ever help them. `what` completes "Confirm your password to …".
 */
export function requireStepUp(principal: Principal, what: string, now: number = Date.now()): void {
  if (isSteppedUp(principal, now)) return;
  if (principal.kind === 'staff') {
    throw codedError('STEP_UP_REQUIRED', `Confirm your password to ${what} (stepUpConfirm, then the X-Step-Up header).`);
  }
  throw codedError('FORBIDDEN', `Only staff who confirmed their password may ${what}; API keys and customers never may.`);
}
