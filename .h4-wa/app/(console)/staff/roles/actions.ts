'use server';

import { runMutation, type ActionResult } from '@/lib/mutation';

import { RoleCreate, RoleUpdate, type RoleCreateInput } from './roles.graphql';

/** roleCreate: a custom role from catalog scopes (sensitive: step-up). */
export async function createRole(input: RoleCreateInput): Promise<ActionResult<string | null>> {
  return runMutation(RoleCreate, { input }, (d) => d.roleCreate, (p) => p.role?.id ?? null);
}

/** roleUpdate: a custom role's title and complete scope set (sensitive: step-up). */
export async function updateRole(id: string, title: string, scopes: string[]): Promise<ActionResult<null>> {
  return runMutation(RoleUpdate, { input: { id, title, scopes } }, (d) => d.roleUpdate, () => null);
}
