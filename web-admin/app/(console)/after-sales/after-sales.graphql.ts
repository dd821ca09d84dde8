import { graphql } from '@/gql';

export const AfterSalesQueue = graphql(`
  query AfterSalesQueue(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: ReturnRequestFilter
  ) {
    returnRequests(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
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
          number
          kind
          status
          reasonCode
          openedBy
          createdAt
          refunded {
            amount
            currencyCode
          }
          order {
            id
            number
          }
        }
      }
    }
  }
`);

export const AfterSalesDetail = graphql(`
  query AfterSalesDetail($id: ID!, $withWarehouses: Boolean!) {
    returnRequest(id: $id) {
      id
      number
      kind
      status
      reasonCode
      openedBy
      customerNote
      staffNote
      refundShipping
      closeReason
      photos {
        id
        url
        contentType
      }
      createdAt
      updatedAt
      refunded {
        amount
        currencyCode
      }
      order {
        id
        number
        status
        shipping {
          amount
          currencyCode
        }
        paidAmount {
          amount
          currencyCode
        }
      }
      lines {
        id
        quantity
        receivedQuantity
        disposition
        warehouseId
        lotCode
        orderLine {
          id
          sku
          title
          unitPrice {
            amount
            currencyCode
          }
        }
      }
    }
    warehouses @include(if: $withWarehouses) {
      id
      code
      name
    }
  }
`);

export const ReturnRequestApprove = graphql(`
  mutation ReturnRequestApprove($input: ReturnRequestDecideInput!) {
    returnRequestApprove(input: $input) {
      returnRequest {
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

export const ReturnRequestReject = graphql(`
  mutation ReturnRequestReject($input: ReturnRequestDecideInput!) {
    returnRequestReject(input: $input) {
      returnRequest {
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

export const ReturnRequestReceive = graphql(`
  mutation ReturnRequestReceive($input: ReturnRequestReceiveInput!) {
    returnRequestReceive(input: $input) {
      returnRequest {
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

export const ReturnRequestRefund = graphql(`
  mutation ReturnRequestRefund($input: ReturnRequestRefundInput!) {
    returnRequestRefund(input: $input) {
      returnRequest {
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

export const ReturnRequestExchange = graphql(`
  mutation ReturnRequestExchange($input: ReturnRequestExchangeInput!) {
    returnRequestExchange(input: $input) {
      returnRequest {
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

export const ReturnRequestClose = graphql(`
  mutation ReturnRequestClose($input: ReturnRequestCloseInput!) {
    returnRequestClose(input: $input) {
      returnRequest {
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

export const ReturnRequestOpen = graphql(`
  mutation ReturnRequestOpen($input: ReturnRequestCreateInput!) {
    returnRequestCreate(input: $input) {
      returnRequest {
        id
        number
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export type { ReturnDisposition, ReturnReasonCode, ReturnRequestCloseReason, ReturnRequestKind, ReturnRequestStatus } from '@/gql/graphql';
