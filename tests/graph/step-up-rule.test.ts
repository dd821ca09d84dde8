import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { callerOf } from '@shop/gateway/policy/decide';
import { isSteppedUp, requireStepUp, type Principal } from '@shop/kit';

const NOW = 1_800_000_000_000;
const staff = (stepUpUntil: number | null): Principal => ({
  kind: 'staff',
  staffId: 's',
  sessionId: 'x',
  roles: ['owner'],
  scopes: ['access:admin'],
  stepUpUntil,
});
const PRINCIPALS: [string, Principal, boolean][] = [
  ['staff, confirmed until later', staff(NOW + 1), true],
  ['staff, confirmation just ended', staff(NOW), false],
  ['staff, never confirmed', staff(null), false],
  ['partner key with every scope', { kind: 'partner', apiKeyId: 'k', scopes: ['access:admin', 'stock:write', 'orders:refund'] }, false],
  ['customer', { kind: 'customer', memberId: 'm', sessionId: 'c' }, false],
  ['anonymous', { kind: 'anonymous' }, false],
];

const codeOf = (run: () => void): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof GraphQLError ? String(error.extensions.code) : 'THROWN';
  }
};

describe('the one step-up rule', () => {
  it.each(PRINCIPALS)('%s: stepped up = %s, for the kit and for the gateway policy alike', (_, principal, expected) => {
    expect(isSteppedUp(principal, NOW)).toBe(expected);
    expect(callerOf(principal, NOW).policies.get('step_up')).toBe(expected);
  });

  it('requireStepUp passes a confirmed staff member, asks other staff to confirm, and refuses everyone else outright', () => {
    expect(codeOf(() => requireStepUp(staff(NOW + 1), 'refund', NOW))).toBeNull();
    expect(codeOf(() => requireStepUp(staff(null), 'refund', NOW))).toBe('STEP_UP_REQUIRED');
    expect(codeOf(() => requireStepUp(staff(NOW - 1), 'refund', NOW))).toBe('STEP_UP_REQUIRED');
    for (const [, principal] of PRINCIPALS.filter(([, p]) => p.kind !== 'staff')) {
      expect(codeOf(() => requireStepUp(principal, 'refund', NOW))).toBe('FORBIDDEN');
    }
  });
});
