import { graphql } from '@/gql';

export const LoginSubmit = graphql(`
  mutation LoginSubmit($input: StaffLoginInput!) {
    staffLogin(input: $input) {
      token
      expiresAt
      staff {
        id
        displayName
        locale
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
