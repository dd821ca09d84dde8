import { graphql } from '@/gql';

export const FlashSalesCalendar = graphql(`
  query FlashSalesCalendar($from: DateTime!, $to: DateTime!) {
    flashSales(first: 100, filter: { from: $from, to: $to }) {
      totalCount
      edges {
        node {
          id
          title
          startsAt
          endsAt
          status
          channels
          items {
            id
            quota
            sold
            remaining
            flashPrice {
              amount
              currencyCode
            }
            variant {
              id
              sku
            }
          }
        }
      }
    }
  }
`);

export const FlashSaleDetail = graphql(`
  query FlashSaleDetail($id: ID!) {
    flashSale(id: $id) {
      id
      startsAt
      endsAt
      status
      channels
      paymentTimeoutMinutes
      titles {
        locale
        text
      }
      items {
        id
        quota
        sold
        remaining
        perMemberLimit
        flashPrice {
          amount
          currencyCode
        }
        variant {
          id
          sku
          title
          price {
            amount
            currencyCode
          }
          product {
            id
            title
          }
        }
      }
    }
  }
`);

export const FlashSaleVariantBySku = graphql(`
  query FlashSaleVariantBySku($query: String!) {
    products(first: 10, filter: { query: $query }) {
      edges {
        node {
          id
          variants {
            id
            sku
          }
        }
      }
    }
  }
`);

export const FlashSaleCreate = graphql(`
  mutation FlashSaleCreate($input: FlashSaleCreateInput!) {
    flashSaleCreate(input: $input) {
      flashSale {
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

export const FlashSaleUpdate = graphql(`
  mutation FlashSaleUpdate($input: FlashSaleUpdateInput!) {
    flashSaleUpdate(input: $input) {
      flashSale {
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

export const FlashSaleArchive = graphql(`
  mutation FlashSaleArchive($input: FlashSaleArchiveInput!) {
    flashSaleArchive(input: $input) {
      flashSale {
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

export const FlashSaleItemSet = graphql(`
  mutation FlashSaleItemSet($input: FlashSaleItemSetInput!) {
    flashSaleItemSet(input: $input) {
      item {
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

export const FlashSaleItemRemove = graphql(`
  mutation FlashSaleItemRemove($input: FlashSaleItemRemoveInput!) {
    flashSaleItemRemove(input: $input) {
      item {
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
