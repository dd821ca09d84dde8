import { graphql } from '@/gql';

export const WebhooksPage = graphql(`
  query WebhooksPage(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: WebhookDeliveryFilter
  ) {
    webhookSubscriptions(first: 100) {
      totalCount
      edges {
        node {
          id
          url
          description
          eventTypes
          active
          ownedByApiKey
          createdAt
        }
      }
    }
    webhookDeliveries(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
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
          eventId
          eventType
          status
          attemptCount
          nextAttemptAt
          deliveredAt
          lastStatusCode
          lastError
          createdAt
          subscription {
            id
            url
          }
          attempts {
            number
            startedAt
            durationMs
            statusCode
            errorCode
            responseSnippet
          }
        }
      }
    }
  }
`);

export const WebhookSubscriptionCreate = graphql(`
  mutation WebhookSubscriptionCreate($input: WebhookSubscriptionCreateInput!) {
    webhookSubscriptionCreate(input: $input) {
      subscription {
        id
      }
      secret
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const WebhookSubscriptionUpdate = graphql(`
  mutation WebhookSubscriptionUpdate($input: WebhookSubscriptionUpdateInput!) {
    webhookSubscriptionUpdate(input: $input) {
      subscription {
        id
        active
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const WebhookSubscriptionDelete = graphql(`
  mutation WebhookSubscriptionDelete($input: WebhookSubscriptionDeleteInput!) {
    webhookSubscriptionDelete(input: $input) {
      deletedId
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const WebhookSubscriptionRotateSecret = graphql(`
  mutation WebhookSubscriptionRotateSecret($input: WebhookSubscriptionRotateSecretInput!) {
    webhookSubscriptionRotateSecret(input: $input) {
      subscription {
        id
      }
      secret
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const WebhookDeliveryRedeliver = graphql(`
  mutation WebhookDeliveryRedeliver($input: WebhookDeliveryRedeliverInput!) {
    webhookDeliveryRedeliver(input: $input) {
      delivery {
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

export type {
  WebhookAttemptError,
  WebhookDeliveryStatus,
  WebhookEventType,
  WebhookSubscriptionCreateInput,
} from '@/gql/graphql';
