'use server';

import { request } from '@/lib/graphql';
import { runMutation, type ActionResult } from '@/lib/mutation';

import {
  MemberDataExport,
  MemberErase,
  PrivacyRequestStatus,
  type MemberDataExportInput,
  type MemberEraseInput,
  type PrivacyRequestView,
} from './privacy.graphql';

/** memberDataExport (step-up): the pending export, which the panel then follows. */
export async function exportMemberData(input: MemberDataExportInput): Promise<ActionResult<PrivacyRequestView | null>> {
  return runMutation(MemberDataExport, { input }, (d) => d.memberDataExport, (p) => p.privacyRequest ?? null);
}

/** memberErase (step-up): the pending erasure. */
export async function eraseMember(input: MemberEraseInput): Promise<ActionResult<PrivacyRequestView | null>> {
  return runMutation(MemberErase, { input }, (d) => d.memberErase, (p) => p.privacyRequest ?? null);
}

/** A request's progress and, once an export is done, a fresh signed link (links last 15 minutes). */
export async function privacyRequestStatus(id: string): Promise<PrivacyRequestView | null> {
  const { data } = await request(PrivacyRequestStatus, { id });
  return data?.privacyRequest ?? null;
}
