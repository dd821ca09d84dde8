import { graphql } from '@/gql';
import type { MemberEditingQuery } from '@/gql/graphql';

/** What the member 360 page's editors start from: the profile, tags, consents and the full address book. */
export const MemberEditing = graphql(`
  query MemberEditing($id: ID!) {
    member(id: $id) {
      id
      displayName
      givenName
      familyName
      email
      phone
      birthday
      gender
      locale
      acquisitionChannel
      notes
      disabled
      mergedInto {
        id
        displayName
      }
      tags
      consents {
        channel
        granted
      }
      linkedChannels
      channelIds {
        channel
        externalId
      }
      addresses {
        id
        name
        phone
        line1
        line2
        city
        region
        postalCode
        country
        isDefault
      }
    }
  }
`);

export const MemberProfileUpdate = graphql(`
  mutation MemberProfileUpdate($input: MemberUpdateInput!) {
    memberUpdate(input: $input) {
      member {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const MemberTagsSave = graphql(`
  mutation MemberTagsSave($input: MemberTagsSetInput!) {
    memberTagsSet(input: $input) {
      member {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const MemberConsentToggle = graphql(`
  mutation MemberConsentToggle($input: MemberConsentSetInput!) {
    memberConsentSet(input: $input) {
      member {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const MemberAddressCreate = graphql(`
  mutation MemberAddressCreate($input: MemberAddressAddInput!) {
    memberAddressAdd(input: $input) {
      address {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const MemberAddressChange = graphql(`
  mutation MemberAddressChange($input: MemberAddressUpdateInput!) {
    memberAddressUpdate(input: $input) {
      address {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const MemberStatusDisable = graphql(`
  mutation MemberStatusDisable($input: MemberDisableInput!) {
    memberDisable(input: $input) {
      member {
        id
        disabled
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const MemberStatusEnable = graphql(`
  mutation MemberStatusEnable($input: MemberEnableInput!) {
    memberEnable(input: $input) {
      member {
        id
        disabled
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const MemberMergeInto = graphql(`
  mutation MemberMergeInto($input: MemberMergeInput!) {
    memberMerge(input: $input) {
      target {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const MemberMergeCandidates = graphql(`
  query MemberMergeCandidates($filter: MemberFilter) {
    members(first: 10, filter: $filter) {
      edges {
        node {
          id
          displayName
          maskedEmail
          maskedPhone
        }
      }
    }
  }
`);

export const MemberChannelLinkSave = graphql(`
  mutation MemberChannelLinkSave($input: MemberChannelLinkInput!) {
    memberChannelLink(input: $input) {
      member {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const MemberChannelUnlinkSave = graphql(`
  mutation MemberChannelUnlinkSave($input: MemberChannelUnlinkInput!) {
    memberChannelUnlink(input: $input) {
      member {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export type {
  AcquisitionChannel,
  ConsentChannel,
  CustomerAddressInput,
  MemberGender,
  MemberLocale,
  MemberProfileInput,
  MessagingChannel,
} from '@/gql/graphql';
export type EditableMember = NonNullable<MemberEditingQuery['member']>;
export type EditableAddress = NonNullable<EditableMember['addresses']>[number];
