import type { Principal } from '@shop/kit';
import { codedError, scopesOf } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import type { Resolvers } from '../generated/resolvers-types.js';
import { importStart, jobById, jobView } from './service.js';
import { importPreview } from './preview.js';

/** Who started something, as the job row records it. */
export function actorIdOf(principal: Principal): string | null {
  return principal.kind === 'staff' ? principal.staffId : principal.kind === 'partner' ? principal.apiKeyId : null;
}

/** What the caller may import; cost prices only with catalog:read_cost (else the dry run would reveal them). */
const importCaller = (principal: Principal) => ({ costAllowed: scopesOf(principal).includes('catalog:read_cost') });

/** Spread into the products subgraph's resolver map (resolvers.ts). */
export const bulkResolvers: Resolvers = {
  Query: {
    productImportPreview: async (_, args, ctx) => {
      const preview = await importPreview(ctx.db, args.uploadId, args.first, importCaller(ctx.principal));
      if (!preview) throw codedError('NOT_FOUND', 'No uploaded file has this id; upload it again.', { argument: 'uploadId' });
      return preview;
    },
    job: async (_, args, ctx) => {
      const job = await jobById(ctx.db, args.id);
      return job && jobView(ctx.db, job);
    },
  },
  Mutation: {
    productImportStart: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => importStart(tx, input, actorIdOf(ctx.principal), importCaller(ctx.principal))), (job) => ({ job: jobView(ctx.db, job) })),
  },
};
