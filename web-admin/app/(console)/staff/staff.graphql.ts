import { operation } from '@/lib/graphql';

export interface StaffMeNode {
  id: string;
  displayName: string;
  email: string;
}

export const StaffMe = operation<{ me: StaffMeNode | null }>(/* GraphQL */ `
  query StaffMe {
    me {
      id
      displayName
      email
    }
  }
`);
