'use server';

import { runMutation, type ActionResult } from '@/lib/mutation';

import { ContactFollowUpMarkDone, ContactLogCreate, type ContactLogAddInput } from './contacts.graphql';

/** contactLogAdd: the caller's interaction with a member, with an optional follow-up day. */
export async function logContact(input: ContactLogAddInput): Promise<ActionResult<null>> {
  return runMutation(ContactLogCreate, { input }, (d) => d.contactLogAdd, () => null);
}

/** contactFollowUpDone: the entry's follow-up is done (again is harmless). */
export async function markFollowUpDone(id: string): Promise<ActionResult<null>> {
  return runMutation(ContactFollowUpMarkDone, { input: { id } }, (d) => d.contactFollowUpDone, () => null);
}
