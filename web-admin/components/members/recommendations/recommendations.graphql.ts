import { graphql } from '@/gql';

export const MemberRecommendations = graphql(`
  query MemberRecommendations($id: ID!) {
    member(id: $id) {
      id
      recommendedProducts(first: 10) {
        score
        product {
          id
          title
        }
      }
    }
  }
`);
