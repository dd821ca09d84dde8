import { graphql } from '@/gql';
import type { NodeOf } from '@/lib/connection';
import type { ReviewsQueueQuery } from '@/gql/graphql';

export const ReviewsQueue = graphql(`
  query ReviewsQueue($first: Int, $after: String, $last: Int, $before: String, $status: ReviewStatus) {
    reviews(
      first: $first
      after: $after
      last: $last
      before: $before
      filter: {status: $status}
    ) {
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
          rating
          title
          body
          status
          reply
          repliedAt
          createdAt
          product {
            id
            title
          }
        }
      }
    }
  }
`);

export const ReviewModerate = graphql(`
  mutation ReviewModerate($input: ReviewModerateInput!) {
    reviewModerate(input: $input) {
      review {
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

export const ReviewReply = graphql(`
  mutation ReviewReply($input: ReviewReplyInput!) {
    reviewReply(input: $input) {
      review {
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

export type ReviewsQueueNode = NodeOf<ReviewsQueueQuery['reviews']>;
