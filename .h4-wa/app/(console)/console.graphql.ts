import { operation } from '@/lib/graphql';
import type { UserError } from '@/lib/mutation';

export const ConsoleLogout = operation<
  { staffLogout: { endedSessions: number; userErrors: UserError[] } },
  { input: Record<string, never> }
>(/* GraphQL */ `
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

export const ConsoleStepUpConfirm = operation<
  {
    stepUpConfirm: { stepUpToken: string | null; expiresAt: string | null; userErrors: UserError[] };
  },
  { input: { password: string } }
>(/* GraphQL */ `
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
