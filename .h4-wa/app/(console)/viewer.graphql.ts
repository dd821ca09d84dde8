import { operation } from '@/lib/graphql';

export interface ConsoleViewerNode {
  id: string;
  email: string | null;
  displayName: string;
  locale: string;
  scopes: string[];
  roles: { name: string; title: string }[];
}

/** Who is signed in, and what they may do: the console hides what `scopes` does not allow. */
export const ConsoleViewer = operation<{ me: ConsoleViewerNode | null }>(/* GraphQL */ `
  query ConsoleViewer {
    me {
      id
      email
      displayName
      locale
      scopes
      roles {
        name
        title
      }
    }
  }
`);
