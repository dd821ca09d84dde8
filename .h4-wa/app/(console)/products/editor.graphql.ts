import type { ProductStatus } from '@/components/products/catalog-enums';
import type { Money } from '@/lib/format';
import { operation } from '@/lib/graphql';
import type { UserError } from '@/lib/mutation';

import { categoryFields, type CatalogCategory } from './products.graphql';

export interface CatalogLimits {
  seoTitleMaxLength: number;
  seoDescriptionMaxLength: number;
  titleMaxLength: number;
  handleMaxLength: number;
  maxOptions: number;
  maxVariants: number;
  translationLocales: string[];
}

export interface EditorVariant {
  id: string;
  sku: string;
  barcode: string | null;
  weightGrams: number | null;
  price: Money;
  compareAtPrice: Money | null;
  /** null without catalog:read_cost (FORBIDDEN at its path) or when not recorded. */
  costPrice: Money | null;
  selectedOptions: { name: string; value: string }[];
}

export interface EditorTranslation {
  locale: string;
  title: string | null;
  descriptionHtml: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
}

export interface EditorProduct {
  id: string;
  title: string;
  handle: string;
  status: ProductStatus;
  descriptionHtml: string;
  storefrontUrl: string;
  brand: { id: string; name: string } | null;
  options: { name: string; values: string[] }[];
  variants: EditorVariant[];
  media: { id: string; url: string; alt: string; position: number }[];
  categories: CatalogCategory[];
  collections: { id: string; title: string }[];
  tags: string[];
  seo: { title: string | null; description: string | null };
  translations: EditorTranslation[];
  updatedAt: string;
}

const moneyFields = /* GraphQL */ `
  amount
  currencyCode
`;

const productFields = /* GraphQL */ `
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
      ${moneyFields}
    }
    compareAtPrice {
      ${moneyFields}
    }
    costPrice {
      ${moneyFields}
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
    ${categoryFields}
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
`;

const limitFields = /* GraphQL */ `
  catalogLimits {
    seoTitleMaxLength
    seoDescriptionMaxLength
    titleMaxLength
    handleMaxLength
    maxOptions
    maxVariants
    translationLocales
  }
`;

/** The product in English (the base texts; translations come separately) and the catalog's limits. */
export const ProductEditorLoad = operation<
  { product: EditorProduct | null; catalogLimits: CatalogLimits },
  { id: string }
>(/* GraphQL */ `
  query ProductEditorLoad($id: ID!) {
    product(id: $id, locale: "en") {
      ${productFields}
    }
    ${limitFields}
  }
`);

/** Limits and one product's URL, to show a new product's storefront address. */
export const ProductEditorNew = operation<{
  catalogLimits: CatalogLimits;
  products: { edges: { node: { handle: string; storefrontUrl: string } }[] };
}>(/* GraphQL */ `
  query ProductEditorNew {
    ${limitFields}
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

export interface ProductVariantInput {
  id?: string;
  sku?: string;
  options: string[];
  barcode: string;
  weightGrams?: number | null;
  price: string;
  compareAtPrice?: string | null;
  costPrice?: string | null;
}

/** The fields productCreate and productUpdate share; the editor always sends all of them. */
export interface ProductFieldsInput {
  title: string;
  handle?: string;
  descriptionHtml: string;
  brand: string;
  status: ProductStatus;
  options: { name: string; values: string[] }[];
  variants: ProductVariantInput[];
  media: { url: string; alt: string }[];
  categoryIds: string[];
  collectionIds: string[];
  tags: string[];
  seo: { title: string; description: string };
  translations: {
    locale: string;
    title: string;
    descriptionHtml: string;
    seoTitle: string;
    seoDescription: string;
  }[];
}

export type ProductPayload = { product: { id: string } | null; userErrors: UserError[] };

export const ProductCreate = operation<{ productCreate: ProductPayload }, { input: ProductFieldsInput }>(/* GraphQL */ `
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

export const ProductUpdate = operation<
  { productUpdate: ProductPayload },
  { input: ProductFieldsInput & { id: string } }
>(/* GraphQL */ `
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

export const ProductArchive = operation<{ productArchive: ProductPayload }, { input: { id: string } }>(/* GraphQL */ `
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

export const ProductUnarchive = operation<{ productUnarchive: ProductPayload }, { input: { id: string } }>(/* GraphQL */ `
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
