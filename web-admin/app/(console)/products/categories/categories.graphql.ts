import { graphql } from '@/gql';

export const CategoriesTree = graphql(/* GraphQL */ `
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

export const CategoryCreate = graphql(/* GraphQL */ `
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

export const CategoryUpdate = graphql(/* GraphQL */ `
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

export const CategoryMove = graphql(/* GraphQL */ `
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

export const CategoryDelete = graphql(/* GraphQL */ `
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
