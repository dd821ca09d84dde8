'use server';

import { runMutation, type ActionResult } from '@/lib/mutation';

import { CategoryCreate, CategoryDelete, CategoryMove, CategoryUpdate } from './categories.graphql';

export interface CategoryFields {
  name: string;
  /** Omitted: generated from the name (create) or left as it is (update). */
  handle?: string;
}

/** categoryCreate, at the root or under `parentId`. */
export async function createCategory(fields: CategoryFields, parentId: string | null): Promise<ActionResult<null>> {
  const input = { ...fields, ...(parentId ? { parentId } : {}) };
  return runMutation(CategoryCreate, { input }, (d) => d.categoryCreate, () => null);
}

/** categoryUpdate: name and handle. */
export async function updateCategory(id: string, fields: CategoryFields): Promise<ActionResult<null>> {
  return runMutation(CategoryUpdate, { input: { id, ...fields } }, (d) => d.categoryUpdate, () => null);
}

/** categoryMove: under `parentId` (null: the root) at `position` among the new siblings (null: last). */
export async function moveCategory(id: string, parentId: string | null, position: number | null): Promise<ActionResult<null>> {
  return runMutation(CategoryMove, { input: { id, parentId, position } }, (d) => d.categoryMove, () => null);
}

/** categoryDelete: refused while the category has children. */
export async function deleteCategory(id: string): Promise<ActionResult<null>> {
  return runMutation(CategoryDelete, { input: { id } }, (d) => d.categoryDelete, () => null);
}
