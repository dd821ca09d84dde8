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

export const fail = <Code extends string>(
  code: Code,
  message: string,
  field: string[] | null = null,
): { ok: false; errors: UserError<Code>[] } => ({ ok: false, errors: [{ field, code, message }] });
