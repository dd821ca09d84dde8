// Per-request batch loaders of reports (none yet).
import type { Db } from '@shop/kit';

/** Reports owns no entities yet, so there is nothing to batch per request. */
export function createLoaders(_db: Db) {
  return {};
}

export type Loaders = ReturnType<typeof createLoaders>;
