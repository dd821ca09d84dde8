import { operation } from '@/lib/graphql';
import type { UserError } from '@/lib/mutation';

import { categoryFields, type CatalogCategory } from '../products.graphql';

export const CategoriesTree = operation<{ categories: CatalogCategory[]; catalogLimits: { maxCategoryDepth: number } }>(/* GraphQL */ `
  query CategoriesTree {
    categories {
      ${categoryFields}
    }
    catalogLimits {
      maxCategoryDepth
    }
  }
`);

type CategoryPayload = { category: { id: string } | null; userErrors: UserError[] };

export const CategoryCreate = operation<
  { categoryCreate: CategoryPayload },
  { input: { name: string; handle?: string; parentId?: string } }
>(/* GraphQL */ `
  mutation CategoryCreate($input: CategoryCreateInput!) {
    categoryCreate(input: $input) {
      category {
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

export const CategoryUpdate = operation<
  { categoryUpdate: CategoryPayload },
  { input: { id: string; name: string; handle?: string } }
>(/* GraphQL */ `
  mutation CategoryUpdate($input: CategoryUpdateInput!) {
    categoryUpdate(input: $input) {
      category {
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

export const CategoryMove = operation<
  { categoryMove: CategoryPayload },
  { input: { id: string; parentId: string | null; position: number | null } }
>(/* GraphQL */ `
  mutation CategoryMove($input: CategoryMoveInput!) {
    categoryMove(input: $input) {
      category {
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

export const CategoryDelete = operation<
  { categoryDelete: { deletedCategoryId: string | null; userErrors: UserError[] } },
  { input: { id: string } }
>(/* GraphQL */ `
  mutation CategoryDelete($input: CategoryDeleteInput!) {
    categoryDelete(input: $input) {
      deletedCategoryId
      userErrors {
        field
        message
        code
      }
    }
  }
`);
