import { graphql } from '@/gql';
import type { SegmentDetailQuery, SegmentsListQuery } from '@/gql/graphql';
import type { NodeOf } from '@/lib/connection';

export const SegmentsList = graphql(`
  query SegmentsList($first: Int, $after: String, $last: Int, $before: String) {
    segments(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          name
          description
          size
          refreshedAt
        }
      }
    }
  }
`);

export const SegmentDetail = graphql(`
  query SegmentDetail($id: ID!) {
    segment(id: $id) {
      id
      name
      description
      size
      refreshedAt
      archivedAt
      rules {
        groups {
          rules {
            kind
            amount {
              amount
              currencyCode
            }
            withinDays
            minOrders
            maxOrders
            days
            tiers
            tag
            channels
            countryCodes
            month
            consentChannel
          }
        }
      }
    }
  }
`);

export const SegmentBuilderPreview = graphql(`
  query SegmentBuilderPreview($rules: SegmentRulesInput!) {
    segmentPreview(rules: $rules) {
      count
      sample {
        id
        displayName
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const SegmentCreate = graphql(`
  mutation SegmentCreate($input: SegmentCreateInput!) {
    segmentCreate(input: $input) {
      segment {
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

export const SegmentUpdate = graphql(`
  mutation SegmentUpdate($input: SegmentUpdateInput!) {
    segmentUpdate(input: $input) {
      segment {
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

export const SegmentArchive = graphql(`
  mutation SegmentArchive($input: SegmentArchiveInput!) {
    segmentArchive(input: $input) {
      segment {
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

export type SegmentListNode = NodeOf<NonNullable<SegmentsListQuery['segments']>>;
export type SegmentDetailNode = NonNullable<SegmentDetailQuery['segment']>;
export type {
  AcquisitionChannel,
  ConsentChannel,
  CurrencyCode,
  MemberTier,
  SegmentRuleInput,
  SegmentRuleKind,
  SegmentRulesInput,
} from '@/gql/graphql';
