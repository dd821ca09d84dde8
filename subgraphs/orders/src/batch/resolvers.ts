// GraphQL resolvers of batch runs: thin, the rules are in service.ts.
import type { Principal } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { printDownloadUrl } from '../documents/service.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { actorOf } from '../history/index.js';
import { filterAccessOf, readsContact } from '../visibility/index.js';
import { batchBook, batchExport, batchIssues, batchRunById, batchShipFromCsv, batchTag, listBatchRuns } from './service.js';
import type { BatchRunRow } from './tables.js';

const DEFAULT_REPORT_ROWS = 100;

const starterOf = (principal: Principal) => ({
  actor: actorOf(principal),
  startedBy: principal.kind === 'staff' ? principal.staffId : principal.kind === 'partner' ? principal.apiKeyId : null,
});

const runPayload = (run: BatchRunRow) => ({ run });

export const batchResolvers: Resolvers = {
  Query: {
    orderBatchRun: (_, args, ctx) => batchRunById(ctx.db, args.id),
    orderBatchRuns: (_, args, ctx) => listBatchRuns(ctx.db, args),
  },
  Mutation: {
    orderBatchShipFromCsv: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => batchShipFromCsv(tx, starterOf(ctx.principal), input)), runPayload),
    orderBatchBook: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => batchBook(tx, starterOf(ctx.principal), input, filterAccessOf(ctx.principal))), runPayload),
    orderBatchTag: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => batchTag(tx, starterOf(ctx.principal), input, filterAccessOf(ctx.principal))), runPayload),
    orderBatchExport: async (_, { input }, ctx) => {
      // Contact data for callers who may read it on any order (members:read_pii), never through a customer's own-data rule.
      const access = { ...filterAccessOf(ctx.principal), contact: readsContact(ctx.principal, null) };
      return payload(await mutate(ctx, (tx) => batchExport(tx, starterOf(ctx.principal), input, access)), runPayload);
    },
  },
  OrderBatchRun: {
    progress: (run) => (run.total ? Math.min(1, run.done / run.total) : run.status === 'SUCCEEDED' ? 1 : 0),
    report: (run, args, ctx) => batchIssues(ctx.db, run.id, args.first ?? DEFAULT_REPORT_ROWS),
    format: (run) => (run.resultFormat as 'CSV' | 'XLSX' | null) ?? null,
    containsContactData: (run) => run.resultHasContact,
    downloadUrl: async (run, _, ctx) => {
      if (run.status !== 'SUCCEEDED') return null;
      if (run.kind === 'PRINT') return printDownloadUrl(ctx.db, ctx.principal, run.input.printId as string);
      return run.kind === 'EXPORT' ? `/exports/orders/${run.id}.${run.resultFormat === 'XLSX' ? 'xlsx' : 'csv'}` : null;
    },
    startedBy: (run, _, ctx) => {
      const byStaff = (run.input.actor as { kind?: string } | undefined)?.kind === 'staff';
      return ctx.principal.kind === 'staff' && byStaff && run.startedBy ? { __typename: 'Staff', id: run.startedBy } : null;
    },
  },
  OrderBatchReportRow: {
    params: (row) => Object.entries(row.params).map(([name, value]) => ({ name, value })),
  },
};
