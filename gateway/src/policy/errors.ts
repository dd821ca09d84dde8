import { GraphQLError, type FieldNode } from 'graphql';
import { SCHEMA_READ, type Denial } from './analyse.js';
import { describeRule, type DenialCode } from './decide.js';
import { isClassified, type PolicyTable } from './table.js';

const HTTP_STATUS: Record<DenialCode, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, STEP_UP_REQUIRED: 403 };

/** Which refusal to report when an operation is refused for several reasons: the one to fix first. */
export const PRECEDENCE: DenialCode[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'STEP_UP_REQUIRED'];

function messageFor(denial: Denial, table: PolicyTable): string {
  const rule = table.fields[denial.coordinate];
  if (denial.coordinate.startsWith('__')) return `Introspection (${denial.coordinate}) needs the scope ${SCHEMA_READ}.`;
  if (!isClassified(rule)) return `Not allowed: ${denial.coordinate} has no policy yet (denied by default).`;
  switch (denial.code) {
    case 'UNAUTHENTICATED':
      return `Sign in to read ${denial.coordinate}.`;
    case 'STEP_UP_REQUIRED':
      return `${denial.coordinate} needs a fresh password confirmation (stepUpConfirm, then the X-Step-Up header).`;
    case 'FORBIDDEN':
      return `Not allowed: ${denial.coordinate} needs ${describeRule(rule)}.`;
  }
}

/**
 * The error for one refused field. `withStatus` is for a whole-operation
 * refusal (a mutation): Apollo Server takes the HTTP status from it and strips
 * `http` from what the client sees.
 */
export function denialError(denial: Denial, table: PolicyTable, options: { node?: FieldNode; path?: string[]; withStatus?: boolean } = {}) {
  return new GraphQLError(messageFor(denial, table), {
    nodes: options.node,
    path: options.path,
    extensions: {
      code: denial.code,
      ...(options.withStatus ? { http: { status: HTTP_STATUS[denial.code] } } : {}),
    },
  });
}
