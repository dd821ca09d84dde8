/**
 * Imported first by every benchmark: no telemetry (nothing leaves the machine), production
 * mode, quiet logs, no per-caller cost budget (benchmarks measure throughput),
 * and a signing secret for subgraphs served over HTTP.
 */
import { randomBytes } from 'node:crypto';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.NODE_ENV = 'production';
process.env.LOG_LEVEL ??= 'warn';
process.env.COST_BUCKET_CAPACITY ??= '100000000';
process.env.COST_RESTORE_RATE ??= '100000000';
process.env.GATEWAY_SIGNING_SECRET ??= randomBytes(32).toString('base64url');
