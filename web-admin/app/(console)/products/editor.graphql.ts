import { graphql } from '@/gql';
import type { ProductEditorLoadQuery } from '@/gql/graphql';

/** The product in English (the base texts; translations come separately) and the catalog's limits. */
export const ProductEditorLoad = graphql(`
  query ProductEditorLoad($id: ID!) {
    product(id: $id, locale: "en") {
      id
      title
      handle
      status
      descriptionHtml
      storefrontUrl
      brand {
        id
        name
      }
      options {
        name
        values
      }
      variants {
        id
        sku
        barcode
        weightGrams
        price {
          amount
          currencyCode
        }
        compareAtPrice {
          amount
          currencyCode
        }
        costPrice {
          amount
          currencyCode
        }
        selectedOptions {
          name
          value
        }
      }
      media {
        id
        url
        alt
        position
      }
      categories {
        id
        name
        handle
        depth
        position
        parent {
          id
        }
      }
      collections {
        id
        title
      }
      tags
      seo {
        title
        description
      }
      translations {
        locale
        title
        descriptionHtml
        seoTitle
        seoDescription
      }
      updatedAt
    }
    catalogLimits {
      seoTitleMaxLength
      seoDescriptionMaxLength
      titleMaxLength
      handleMaxLength
      maxOptions
      maxVariants
      translationLocales
    }
  }
`);

/** Limits and one product's URL, to show a new product's storefront address. */
export const ProductEditorNew = graphql(`
  query ProductEditorNew {
    catalogLimits {
      seoTitleMaxLength
      seoDescriptionMaxLength
      titleMaxLength
      handleMaxLength
      maxOptions
      maxVariants
      translationLocales
    }
    products(first: 1) {
      edges {
        node {
          id
          handle
          storefrontUrl
        }
      }
    }
  }
`);

export const ProductCreate = graphql(`
  mutation ProductCreate($input: ProductCreateInput!) {
    productCreate(input: $input) {
      product {
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

export const ProductUpdate = graphql(`
  mutation ProductUpdate($input: ProductUpdateInput!) {
    productUpdate(input: $input) {
      product {
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

export const ProductArchive = graphql(`
  mutation ProductArchive($input: ProductArchiveInput!) {
    productArchive(input: $input) {
      product {
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

export const ProductUnarchive = graphql(`
  mutation ProductUnarchive($input: ProductUnarchiveInput!) {
    productUnarchive(input: $input) {
      product {
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

export type { ProductCreateInput as ProductFieldsInput } from '@/gql/graphql';
export type EditorProduct = NonNullable<ProductEditorLoadQuery['product']>;
export type CatalogLimits = ProductEditorLoadQuery['catalogLimits'];
