import { pino } from 'pino';
import { loggedError, loggedJob } from './log-errors.js';

/** Where log lines go: standard output, unless a test captures them (the audit canary tests do). */
export const logSink = { write: (line: string) => void process.stdout.write(line) };

/**
 * JSON logs; every request logs its request id so gateway and subgraph lines join up.
 * No line carries a secret or personal data: errors are logged as what failed and where
 * (log-errors.ts), never with the SQL parameters or input values they hold, and
 * operation variables are never logged.
 */
export const log = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
    base: { service: process.env.SERVICE_NAME ?? 'shop-graph' },
    serializers: { err: loggedError, error: loggedError, fatalError: loggedError, job: loggedJob },
    hooks: {
      // log.error(err) would otherwise take the raw message (SQL and parameters included) as the line's msg.
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[];
        if (first instanceof Error) {
          const message = typeof rest[0] === 'string' ? rest : [loggedError(first).message, ...rest];
          return method.apply(this, [{ err: first }, ...message] as Parameters<typeof method>);
        }
        return method.apply(this, args);
      },
    },
    redact: [
      'req.headers.authorization',
      'req.headers.cookie',
      'req.headers["x-step-up"]',
      'variables',
      '*.variables',
      'params',
      '*.params',
      'parameters',
      '*.parameters',
      'payload',
      '*.payload',
      '*.password',
      '*.token',
      '*.secret',
      '*.email',
      '*.phone',
    ],
  },
  { write: (line: string) => logSink.write(line) },
);

export type Logger = typeof log;
