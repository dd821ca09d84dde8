import { graphql } from '@/gql';

/** Who is signed in, and what they may do: the console hides what `scopes` does not allow. */
export const ConsoleViewer = graphql(/* GraphQL */ `
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
