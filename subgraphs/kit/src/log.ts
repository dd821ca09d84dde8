import { pino } from 'pino';

/** JSON logs; every request logs its request id so gateway and subgraph lines join up. */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  base: { service: process.env.SERVICE_NAME ?? 'shop-graph' },
  redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'],
});

export type Logger = typeof log;
