import type { ReviewStatus } from '@/components/products/catalog-enums';
import type { Connection, PageVariables } from '@/lib/connection';
import { operation } from '@/lib/graphql';
import type { UserError } from '@/lib/mutation';

import { pageInfoFields } from '../products.graphql';


export interface ReviewsQueueNode {
  id: string;
  rating: number;
  title: string | null;
  body: string;
  status: ReviewStatus;
  reply: string | null;
  repliedAt: string | null;
  createdAt: string;
  product: { id: string; title: string } | null;
}

export const ReviewsQueue = operation<
  { reviews: Connection<ReviewsQueueNode> | null },
  PageVariables & { status: ReviewStatus | null }
>(/* GraphQL */ `
  query ReviewsQueue($first: Int, $after: String, $last: Int, $before: String, $status: ReviewStatus) {
    reviews(first: $first, after: $after, last: $last, before: $before, filter: { status: $status }) {
      ${pageInfoFields}
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

type ReviewPayload = { review: { id: string } | null; userErrors: UserError[] };

export const ReviewModerate = operation<
  { reviewModerate: ReviewPayload },
  { input: { id: string; status: ReviewStatus } }
>(/* GraphQL */ `
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

export const ReviewReply = operation<{ reviewReply: ReviewPayload }, { input: { id: string; body: string } }>(/* GraphQL */ `
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
