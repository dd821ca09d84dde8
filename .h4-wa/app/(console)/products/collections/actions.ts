'use server';

import { runMutation, type ActionResult } from '@/lib/mutation';

import { CollectionCreate, CollectionDelete, CollectionUpdate, type CollectionFields } from './collections.graphql';

/** collectionCreate, or collectionUpdate when `id` is given. */
export async function saveCollection(id: string | null, input: CollectionFields): Promise<ActionResult<null>> {
  return id
    ? runMutation(CollectionUpdate, { input: { ...input, id } }, (d) => d.collectionUpdate, () => null)
    : runMutation(CollectionCreate, { input }, (d) => d.collectionCreate, () => null);
}

/** collectionDelete: its products stay. */
export async function deleteCollection(id: string): Promise<ActionResult<null>> {
  return runMutation(CollectionDelete, { input: { id } }, (d) => d.collectionDelete, () => null);
}
