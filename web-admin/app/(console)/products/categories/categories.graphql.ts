import { graphql } from '@/gql';

export const CategoriesTree = graphql(`
  query CategoriesTree {
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
    catalogLimits {
      maxCategoryDepth
    }
  }
`);

export const CategoryCreate = graphql(`
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

export const CategoryUpdate = graphql(`
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

export const CategoryMove = graphql(`
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

export const CategoryDelete = graphql(`
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
