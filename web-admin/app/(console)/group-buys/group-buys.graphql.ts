import { graphql } from '@/gql';

export const GroupBuyCampaignsList = graphql(`
  query GroupBuyCampaignsList($first: Int, $after: String, $last: Int, $before: String, $filter: GroupBuyCampaignFilter) {
    groupBuyCampaigns(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
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
          title
          status
          groupSize
          fillMinutes
          startsAt
          endsAt
          groupPrice {
            amount
            currencyCode
          }
          product {
            id
            title
          }
          groupCounts {
            open
            succeeded
            failed
          }
        }
      }
    }
  }
`);

export const GroupBuyCampaignDetail = graphql(`
  query GroupBuyCampaignDetail($id: ID!) {
    groupBuyCampaign(id: $id) {
      id
      title
      status
      titles {
        locale
        text
      }
      groupSize
      fillMinutes
      startsAt
      endsAt
      archivedAt
      groupPrice {
        amount
        currencyCode
      }
      product {
        id
        title
      }
    }
  }
`);

export const GroupBuyGroupsList = graphql(`
  query GroupBuyGroupsList($first: Int, $after: String, $last: Int, $before: String, $filter: GroupBuyGroupFilter) {
    groupBuyGroups(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
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
          title
          status
          size
          joined
          paid
          secondsLeft
          expiresAt
          closedAt
          createdAt
          campaign {
            id
          }
        }
      }
    }
  }
`);

export const GroupBuyProductSearch = graphql(`
  query GroupBuyProductSearch($query: String!) {
    products(first: 10, filter: { query: $query }) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

export const GroupBuyCampaignCreate = graphql(`
  mutation GroupBuyCampaignCreate($input: GroupBuyCampaignCreateInput!) {
    groupBuyCampaignCreate(input: $input) {
      campaign {
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

export const GroupBuyCampaignUpdate = graphql(`
  mutation GroupBuyCampaignUpdate($input: GroupBuyCampaignUpdateInput!) {
    groupBuyCampaignUpdate(input: $input) {
      campaign {
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

export const GroupBuyCampaignArchive = graphql(`
  mutation GroupBuyCampaignArchive($input: GroupBuyCampaignArchiveInput!) {
    groupBuyCampaignArchive(input: $input) {
      campaign {
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

export type { CurrencyCode, GroupBuyCampaignStatus, GroupBuyGroupStatus } from '@/gql/graphql';
