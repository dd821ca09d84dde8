'use server';

import { runMutation, type ActionResult } from '@/lib/mutation';

import {
  SupplierCreate,
  SupplierProductSet,
  SupplierUpdate,
  type SupplierFields,
  type SupplierProductSetInput,
} from './suppliers.graphql';

/** supplierCreate. */
export async function createSupplier(input: SupplierFields): Promise<ActionResult<string | null>> {
  return runMutation(SupplierCreate, { input }, (d) => d.supplierCreate, (p) => p.supplier?.id ?? null);
}

/** supplierUpdate. */
export async function updateSupplier(id: string, input: SupplierFields): Promise<ActionResult<null>> {
  return runMutation(SupplierUpdate, { input: { id, ...input } }, (d) => d.supplierUpdate, () => null);
}

/** supplierProductSet: the supplier supplies this variant at this cost (decimal string, supplier currency). */
export async function setSupplierProduct(input: SupplierProductSetInput): Promise<ActionResult<null>> {
  return runMutation(SupplierProductSet, { input }, (d) => d.supplierProductSet, () => null);
}
