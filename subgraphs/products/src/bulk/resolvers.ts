import type { Principal, SubgraphContext } from '@shop/kit';
import { codedError, scopesOf } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { importStart, jobById, jobView, type ImportMode } from './service.js';
import { importPreview } from './preview.js';

type Ctx = SubgraphContext<unknown>;

/** Who started something, as the job row records it. */
export function actorIdOf(principal: Principal): string | null {
  return principal.kind === 'staff' ? principal.staffId : principal.kind === 'partner' ? principal.apiKeyId : null;
}

/** What the caller may import; cost prices only with catalog:read_cost (else the dry run would reveal them). */
const importCaller = (principal: Principal) => ({ costAllowed: scopesOf(principal).includes('catalog:read_cost') });

/** Spread into the products subgraph's resolver map (resolvers.ts). */
export const bulkResolvers = {
  Query: {
    productImportPreview: async (_: unknown, args: { uploadId: string; first?: number | null }, ctx: Ctx) => {
      const preview = await importPreview(ctx.db, args.uploadId, args.first, importCaller(ctx.principal));
      if (!preview) throw codedError('NOT_FOUND', 'No uploaded file has this id; upload it again.', { argument: 'uploadId' });
      return preview;
    },
    job: async (_: unknown, args: { id: string }, ctx: Ctx) => {
      const job = await jobById(ctx.db, args.id);
      return job && jobView(ctx.db, job);
    },
  },
  Mutation: {
    productImportStart: async (_: unknown, { input }: { input: { uploadId: string; mode: ImportMode } }, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => importStart(tx, input, actorIdOf(ctx.principal), importCaller(ctx.principal))), (job) => ({ job: jobView(ctx.db, job) })),
  },
};
