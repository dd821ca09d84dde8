import { describeErrors, hasErrorCode, request, type Operation } from './graphql';

/** A userError as every payload selects it: `userErrors { field message code }`. */
export interface UserError {
  field: string[] | null;
  message: string;
  code: string;
}

/**
 * What a server action hands back to its form. `STEP_UP_REQUIRED` makes the client ask
 * for the password (components/access/step-up.tsx) and retry once; `FORBIDDEN` means the
 * gateway refused the whole mutation.
 */
export type ActionResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'USER_ERRORS'; userErrors: UserError[] }
  | { ok: false; reason: 'STEP_UP_REQUIRED' | 'FORBIDDEN' | 'ERROR'; message?: string };

/**
 * Runs a mutation as the signed-in staff member and maps its answer to an ActionResult:
 * GraphQL error codes first (STEP_UP_REQUIRED, FORBIDDEN), then the payload's userErrors.
 */
export async function runMutation<TData, TVariables, TPayload extends { userErrors: UserError[] }, T>(
  op: Operation<TData, TVariables>,
  variables: TVariables,
  payloadOf: (data: TData) => TPayload | null | undefined,
  valueOf: (payload: TPayload) => T,
): Promise<ActionResult<T>> {
  const { data, errors } = await request(op, variables);
  if (hasErrorCode(errors, 'STEP_UP_REQUIRED')) return { ok: false, reason: 'STEP_UP_REQUIRED' };
  if (hasErrorCode(errors, 'FORBIDDEN')) return { ok: false, reason: 'FORBIDDEN' };
  const payload = data ? payloadOf(data) : null;
  if (!payload) return { ok: false, reason: 'ERROR', message: describeErrors(errors) };
  if (payload.userErrors.length) return { ok: false, reason: 'USER_ERRORS', userErrors: payload.userErrors };
  return { ok: true, value: valueOf(payload) };
}
