import { operation } from '@/lib/graphql';
import type { UserError } from '@/lib/mutation';

export const LoginSubmit = operation<
  {
    staffLogin: {
      token: string | null;
      expiresAt: string | null;
      staff: { id: string; displayName: string; locale: string } | null;
      userErrors: UserError[];
    };
  },
  { input: { email: string; password: string } }
>(/* GraphQL */ `
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
