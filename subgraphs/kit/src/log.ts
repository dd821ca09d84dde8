import { pino } from 'pino';

/** Where log lines go: standard output, unless a test captures them (the audit canary test does). */
export const logSink = { write: (line: string) => void process.stdout.write(line) };

/** JSON logs; every request logs its request id so gateway and subgraph lines join up. */
export const log = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
    base: { service: process.env.SERVICE_NAME ?? 'shop-graph' },
    redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token', '*.secret'],
  },
  { write: (line: string) => logSink.write(line) },
);

export type Logger = typeof log;
