/**
 * How an error is written to the log: what it is and where it came from, never
 * the data it was carrying. drizzle's DrizzleQueryError puts the SQL text and
 * its parameters (password hashes, emails) in its message; postgres.js errors
 * carry `query`, `parameters` and a `detail` such as `Key (email)=(…) already
 * exists`; PostgreSQL quotes rejected input in its messages; graphql-js quotes
 * rejected variable values. None of that is logged.
 */
export interface LoggedError {
  type: string;
  message: string;
  code?: string;
  /** PostgreSQL's context for a database error: which constraint, table, column and routine. */
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  /** Stack frames only: the first line of a stack repeats the message. */
  stack?: string;
  cause?: LoggedError;
}

const MAX_MESSAGE = 300;
const MAX_CAUSES = 5;

type ErrorLike = Error & Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** A database error: drizzle's wrapper (SQL in the message) or the driver's own (a SQLSTATE code and severity). */
function isDatabaseError(error: ErrorLike): boolean {
  return (
    error.name === 'DrizzleQueryError' ||
    error.message.startsWith('Failed query:') ||
    error.name === 'PostgresError' ||
    (typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code) && typeof error.severity === 'string')
  );
}

/** Quoted parts of a message (where PostgreSQL and graphql-js put input values) as "…". */
const withoutQuotedValues = (message: string) => message.replace(/"(?:[^"\\]|\\.)*"/g, '"…"');

function messageOf(error: ErrorLike): string {
  let message = error.message ?? '';
  if (message.startsWith('Failed query:')) return 'Failed query';
  // Anything after a "params:" line is the statement's parameters.
  message = message.split(/\nparams:/)[0]!;
  if (isDatabaseError(error) || /got invalid value|cannot represent/i.test(message)) message = withoutQuotedValues(message);
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
}

function framesOf(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length ? frames.join('\n') : undefined;
}

export function loggedError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) {
    return { type: typeof error, message: typeof error === 'string' ? messageOf(new Error(error) as ErrorLike) : 'non-error value thrown' };
  }
  const e = error as ErrorLike;
  const out: LoggedError = { type: e.constructor?.name ?? e.name, message: messageOf(e) };
  const code = text(e.code) ?? (typeof e.code === 'number' ? String(e.code) : undefined);
  if (code) out.code = code;
  if (isDatabaseError(e)) {
    out.constraint = text(e.constraint_name);
    out.table = text(e.table_name);
    out.column = text(e.column_name);
    out.routine = text(e.routine);
  }
  out.stack = framesOf(e.stack);
  // A GraphQLError keeps what was thrown inside it as originalError.
  const cause = e.cause ?? e.originalError;
  if (cause !== undefined && cause !== null && cause !== e && depth < MAX_CAUSES) out.cause = loggedError(cause, depth + 1);
  return JSON.parse(JSON.stringify(out)) as LoggedError;
}

/** A graphile-worker job as logged: which job it is, never its payload. */
export function loggedJob(job: unknown): unknown {
  if (job === null || typeof job !== 'object') return job;
  const { id, task_identifier, attempts, max_attempts, queue_name } = job as Record<string, unknown>;
  return { id, task_identifier, attempts, max_attempts, queue_name };
}
