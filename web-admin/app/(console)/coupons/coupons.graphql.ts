import { graphql } from '@/gql';

export const CouponsList = graphql(`
  query CouponsList($first: Int, $after: String, $last: Int, $before: String, $filter: CouponFilter) {
    coupons(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
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
          code
          title
          kind
          status
          startsAt
          endsAt
          totalQuantity
          issuedCount
          redeemedCount
          redeemedDiscount {
            amount
            currencyCode
          }
        }
      }
    }
  }
`);

export const CouponEdit = graphql(`
  query CouponEdit($id: ID!) {
    coupon(id: $id) {
      id
      code
      title
      titles {
        locale
        text
      }
      kind
      percentOff
      amountOff {
        amount
        currencyCode
      }
      maxDiscount {
        amount
      }
      minimumSpend {
        amount
        currencyCode
      }
      scope
      scopeIds
      startsAt
      endsAt
      totalQuantity
      issuedCount
      redeemedCount
      perMemberLimit
      channels
      tiers
      segmentIds
      combinable
      claimable
      status
      batches {
        id
        kind
        status
        requested
        done
        skipped
        failureCode
        createdAt
        downloadUrl
      }
    }
  }
`);

export const CouponSegmentOptions = graphql(`
  query CouponSegmentOptions {
    segments(first: 100) {
      edges {
        node {
          id
          name
          size
        }
      }
    }
  }
`);

export const CouponCreate = graphql(`
  mutation CouponCreate($input: CouponCreateInput!) {
    couponCreate(input: $input) {
      coupon {
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

export const CouponUpdate = graphql(`
  mutation CouponUpdate($input: CouponUpdateInput!) {
    couponUpdate(input: $input) {
      coupon {
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

export const CouponArchive = graphql(`
  mutation CouponArchive($input: CouponArchiveInput!) {
    couponArchive(input: $input) {
      coupon {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const CouponCodesGenerate = graphql(`
  mutation CouponCodesGenerate($input: CouponCodesGenerateInput!) {
    couponCodesGenerate(input: $input) {
      batch {
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

export const CouponIssueToSegment = graphql(`
  mutation CouponIssueToSegment($input: CouponIssueToSegmentInput!) {
    couponIssueToSegment(input: $input) {
      batch {
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

export const CouponBatchProgress = graphql(`
  query CouponBatchProgress($id: ID!) {
    couponBatch(id: $id) {
      id
      kind
      status
      requested
      done
      skipped
      failureCode
      createdAt
      downloadUrl
    }
  }
`);

export type {
  CouponBatchKind,
  CouponBatchStatus,
  CouponChannel,
  CouponCreateInput,
  CouponEditQuery,
  CouponKind,
  CouponLocale,
  CouponMemberTier,
  CouponScope,
  CouponStatus,
} from '@/gql/graphql';
