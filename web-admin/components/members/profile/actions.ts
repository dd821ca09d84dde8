'use server';

import { request } from '@/lib/graphql';
import { runMutation, type ActionResult } from '@/lib/mutation';

import {
  MemberAddressChange,
  MemberAddressCreate,
  MemberChannelLinkSave,
  MemberChannelUnlinkSave,
  MemberConsentToggle,
  MemberMergeCandidates,
  MemberMergeInto,
  MemberProfileUpdate,
  MemberStatusDisable,
  MemberStatusEnable,
  MemberTagsSave,
  type ConsentChannel,
  type CustomerAddressInput,
  type MemberProfileInput,
  type MessagingChannel,
} from './profile.graphql';

/** memberUpdate: the profile fields given; null clears an optional one. */
export async function updateProfile(id: string, profile: MemberProfileInput): Promise<ActionResult<null>> {
  return runMutation(MemberProfileUpdate, { input: { id, profile } }, (d) => d.memberUpdate, () => null);
}

/** memberTagsSet: replaces the member's manual tags. */
export async function saveTags(id: string, tags: string[]): Promise<ActionResult<null>> {
  return runMutation(MemberTagsSave, { input: { id, tags } }, (d) => d.memberTagsSet, () => null);
}

/** memberConsentSet: one channel granted or revoked; the server records the console as its source. */
export async function setConsent(id: string, channel: ConsentChannel, granted: boolean): Promise<ActionResult<null>> {
  return runMutation(MemberConsentToggle, { input: { id, consents: [{ channel, granted }] } }, (d) => d.memberConsentSet, () => null);
}

/** memberChannelLink: the member's LINE user id or WeChat openid, replacing the earlier one on that app. */
export async function linkChannel(memberId: string, channel: MessagingChannel, externalId: string): Promise<ActionResult<null>> {
  return runMutation(MemberChannelLinkSave, { input: { memberId, channel, externalId } }, (d) => d.memberChannelLink, () => null);
}

/** memberChannelUnlink: notifications skip that app from then on. */
export async function unlinkChannel(memberId: string, channel: MessagingChannel): Promise<ActionResult<null>> {
  return runMutation(MemberChannelUnlinkSave, { input: { memberId, channel } }, (d) => d.memberChannelUnlink, () => null);
}

/** memberAddressAdd, or memberAddressUpdate when `addressId` names an address of the book. */
export async function saveAddress(memberId: string, addressId: string | null, address: CustomerAddressInput): Promise<ActionResult<null>> {
  if (addressId) {
    return runMutation(MemberAddressChange, { input: { memberId, id: addressId, address } }, (d) => d.memberAddressUpdate, () => null);
  }
  return runMutation(MemberAddressCreate, { input: { memberId, address } }, (d) => d.memberAddressAdd, () => null);
}

/** memberDisable (sensitive: step-up) or memberEnable. */
export async function setDisabled(id: string, disabled: boolean): Promise<ActionResult<null>> {
  if (disabled) return runMutation(MemberStatusDisable, { input: { id } }, (d) => d.memberDisable, () => null);
  return runMutation(MemberStatusEnable, { input: { id } }, (d) => d.memberEnable, () => null);
}

/** memberMerge (sensitive: step-up): the source ends disabled; its orders follow the target through a job. */
export async function mergeMember(sourceId: string, targetId: string): Promise<ActionResult<null>> {
  return runMutation(MemberMergeInto, { input: { sourceId, targetId } }, (d) => d.memberMerge, () => null);
}

export interface MergeCandidate {
  id: string;
  label: string;
}

/** Members whose name (or, with members:read_pii, contact data) matches, other than `excludeId`. */
export async function findMergeTargets(query: string, excludeId: string): Promise<MergeCandidate[]> {
  const text = query.trim();
  if (!text) return [];
  const { data } = await request(MemberMergeCandidates, { filter: { query: text, disabled: false } });
  return (data?.members?.edges ?? [])
    .map(({ node }) => node)
    .filter((node) => node.id !== excludeId)
    .map((node) => ({ id: node.id, label: [node.displayName, node.maskedEmail, node.maskedPhone].filter(Boolean).join(' · ') }));
}
