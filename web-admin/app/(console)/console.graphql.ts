import { graphql } from '@/gql';

export const ConsoleLogout = graphql(`
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

export const ConsoleStepUpConfirm = graphql(`
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
