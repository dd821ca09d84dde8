import { graphql } from '@/gql';
import type { ConsoleViewerQuery } from '@/gql/graphql';

/** Who is signed in, and what they may do: the console hides what `scopes` does not allow. */
export const ConsoleViewer = graphql(`
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

export type ConsoleViewerNode = NonNullable<ConsoleViewerQuery['me']>;
