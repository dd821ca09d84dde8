/** A user mistake the API reports in `userErrors`; never thrown. */
export interface UserError<Code extends string = string> {
  /** Path into the mutation input, e.g. ['input', 'lines', '0', 'quantity']. */
  field: string[] | null;
  code: Code;
  message: string;
}

export type Result<T, Code extends string = string> =
  | { ok: true; value: T }
  | { ok: false; errors: UserError<Code>[] };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** One user error, for services that collect every mistake before failing. */
export const userError = <Code extends string>(
  code: Code,
  message: string,
  field: string[] | null = null,
): UserError<Code> => ({ field, code, message });

/** A failure with every collected error, so a form shows them all at once. */
export const failWith = <E extends UserError>(errors: E[]): { ok: false; errors: E[] } => ({ ok: false, errors });

/** A failure with one error. */
export const fail = <Code extends string>(
  code: Code,
  message: string,
  field: string[] | null = null,
): { ok: false; errors: UserError<Code>[] } => failWith([userError(code, message, field)]);
