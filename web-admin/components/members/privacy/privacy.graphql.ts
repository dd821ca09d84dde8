import { graphql } from '@/gql';

export const MemberPrivacy = graphql(`
  query MemberPrivacy($id: ID!) {
    member(id: $id) {
      id
      privacyRequests(first: 10) {
        totalCount
        edges {
          node {
            ...PrivacyPanel_PrivacyRequest
          }
        }
      }
    }
  }
`);

/** Fragment PrivacyPanel_PrivacyRequest: a request as the privacy panel shows it (kind, progress, link). */
export const PrivacyRequestFragment = graphql(`
  fragment PrivacyPanel_PrivacyRequest on PrivacyRequest {
    id
    kind
    status
    createdAt
    completedAt
    expiresAt
    downloadUrl
    parts {
      domain
      done
    }
  }
`);

export const PrivacyRequestStatus = graphql(`
  query PrivacyRequestStatus($id: ID!) {
    privacyRequest(id: $id) {
      ...PrivacyPanel_PrivacyRequest
    }
  }
`);

export const MemberDataExport = graphql(`
  mutation MemberDataExport($input: MemberDataExportInput!) {
    memberDataExport(input: $input) {
      privacyRequest {
        ...PrivacyPanel_PrivacyRequest
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const MemberErase = graphql(`
  mutation MemberErase($input: MemberEraseInput!) {
    memberErase(input: $input) {
      privacyRequest {
        ...PrivacyPanel_PrivacyRequest
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export type { MemberDataExportInput, MemberEraseInput, PrivacyPanel_PrivacyRequestFragment as PrivacyRequestView } from '@/gql/graphql';
