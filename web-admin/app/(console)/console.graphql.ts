import { graphql } from '@/gql';

export const ConsoleLogout = graphql(/* GraphQL */ `
  mutation ConsoleLogout($input: StaffLogoutInput!) {
    staffLogout(input: $input) {
      endedSessions
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const ConsoleStepUpConfirm = graphql(/* GraphQL */ `
  mutation ConsoleStepUpConfirm($input: StepUpConfirmInput!) {
    stepUpConfirm(input: $input) {
      stepUpToken
      expiresAt
      userErrors {
        field
        message
        code
      }
    }
  }
`);
