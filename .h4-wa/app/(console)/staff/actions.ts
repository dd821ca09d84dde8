'use server';

import { runMutation, type ActionResult } from '@/lib/mutation';

import { StaffCreate, StaffDisable, StaffUpdate, type StaffCreateInput } from './staff.graphql';

/** staffCreate: a new account with its roles. */
export async function createStaff(input: StaffCreateInput): Promise<ActionResult<string | null>> {
  return runMutation(StaffCreate, { input }, (d) => d.staffCreate, (p) => p.staff?.id ?? null);
}

/** staffUpdate with the complete new set of role names (sensitive: step-up). */
export async function updateStaffRoles(id: string, roles: string[]): Promise<ActionResult<null>> {
  return runMutation(StaffUpdate, { input: { id, roles } }, (d) => d.staffUpdate, () => null);
}

/** staffDisable: the account can no longer sign in and its sessions end (sensitive: step-up). */
export async function disableStaff(id: string): Promise<ActionResult<null>> {
  return runMutation(StaffDisable, { input: { id } }, (d) => d.staffDisable, () => null);
}
