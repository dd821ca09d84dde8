import { isSteppedUp, scopesOf, type Principal } from '@shop/kit';
import { selfScopesOf, type Policy } from '../../../schema/scopes.js';
import { isClassified, type Rule } from './table.js';

/** Why a field is refused; the first three are the GraphQL error codes clients see. */
export type DenialCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'STEP_UP_REQUIRED';

/** What the principal may do, evaluated once per request (time included, for step-up). */
export interface Caller {
  principal: Principal;
  scopes: ReadonlySet<string>;
  /** Policy name → whether it holds; a name missing here is denied, as Hive Router does. */
  policies: ReadonlyMap<string, boolean>;
}

const POLICY_CHECKS: Record<Policy, (p: Principal, now: number) => boolean> = {
  public: () => true,
  staff: (p) => p.kind === 'staff',
  customer: (p) => p.kind === 'customer',
  owner: (p) => p.kind === 'staff' && p.roles.includes('owner'),
  step_up: isSteppedUp,
};

/**
 * The caller's scopes are its roles' or key's, plus the self scope of its kind
 * (customer:self, staff:self): rules name it where the caller's own data may be
 * read, and the subgraphs' row rules keep it to the caller's own rows.
 */
export function callerOf(principal: Principal, now = Date.now()): Caller {
  const policies = new Map(Object.entries(POLICY_CHECKS).map(([name, check]) => [name, check(principal, now)]));
  return { principal, scopes: new Set([...scopesOf(principal), ...selfScopesOf(principal.kind)]), policies };
}

/**
 * The same caller as it will be once it confirms its password: what the
 * playground shows a staff member (a step-up is theirs to get, a scope is not).
 */
export function steppedUp(caller: Caller): Caller {
  if (caller.principal.kind !== 'staff') return caller;
  return { ...caller, policies: new Map([...caller.policies, ['step_up', true]]) };
}

/** A stable key for everything decide() looks at, to cache per-caller work. */
export function callerKey(caller: Caller): string {
  const policies = [...caller.policies].filter(([, holds]) => holds).map(([name]) => name);
  return `${caller.principal.kind}|${[...caller.scopes].sort().join(',')}|${policies.sort().join(',')}`;
}

const anyOf = (alternatives: string[][], holds: (name: string) => boolean) =>
  alternatives.some((all) => all.every(holds));

/**
 * null when the caller may read the field; otherwise the code to answer with.
 * An unclassified field is FORBIDDEN (deny by default). Precedence tells the
 * client what would help: sign in first, then a scope it lacks, and only then
 * a step-up confirmation.
 */
export function decide(rule: Rule | undefined, caller: Caller): DenialCode | null {
  if (!isClassified(rule)) return 'FORBIDDEN';
  if (rule.authenticated && caller.principal.kind === 'anonymous') return 'UNAUTHENTICATED';
  if (!rule.scopes.every((alternatives) => anyOf(alternatives, (s) => caller.scopes.has(s)))) return 'FORBIDDEN';
  const holds = (policies: Caller['policies']) => (name: string) => policies.get(name) === true;
  if (rule.policies.every((alternatives) => anyOf(alternatives, holds(caller.policies)))) return null;
  // Refused now; if a password confirmation would change that, say so.
  const confirmed = steppedUp(caller).policies;
  return caller.principal.kind === 'staff' && rule.policies.every((alternatives) => anyOf(alternatives, holds(confirmed)))
    ? 'STEP_UP_REQUIRED'
    : 'FORBIDDEN';
}

/** A short account of what a classified rule needs, for error messages (the scope catalog is public). */
export function describeRule(rule: Rule): string {
  const parts: string[] = [];
  if (rule.authenticated) parts.push('a signed-in caller');
  for (const alternatives of rule.scopes) parts.push(`scope ${alternatives.map((all) => all.join(' and ')).join(' or ')}`);
  for (const alternatives of rule.policies) {
    if (!alternatives.some((all) => all.length === 1 && all[0] === 'public')) {
      parts.push(`policy ${alternatives.map((all) => all.join(' and ')).join(' or ')}`);
    }
  }
  return parts.join('; ');
}
