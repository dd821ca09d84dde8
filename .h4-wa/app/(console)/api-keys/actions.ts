'use server';

import { runMutation, type ActionResult } from '@/lib/mutation';

import { ApiKeyCreate, ApiKeyRevoke, type ApiKeyCreateInput } from './api-keys.graphql';

/**
 * apiKeyCreate (sensitive: step-up). The secret goes straight back to the browser that
 * asked, which shows it once; the console stores it nowhere.
 */
export async function createApiKey(input: ApiKeyCreateInput): Promise<ActionResult<{ secret: string; prefix: string }>> {
  return runMutation(
    ApiKeyCreate,
    { input },
    (d) => d.apiKeyCreate,
    (p) => ({ secret: p.secret ?? '', prefix: p.apiKey?.prefix ?? '' }),
  );
}

/** apiKeyRevoke: the key stops working on its next request. */
export async function revokeApiKey(id: string): Promise<ActionResult<null>> {
  return runMutation(ApiKeyRevoke, { input: { id } }, (d) => d.apiKeyRevoke, () => null);
}
