import { graphql } from '@/gql';

/** Records a print of one document kind for some orders; answers the signed gateway path of its PDF. */
export const DocumentsPrint = graphql(`
  mutation DocumentsPrint($input: DocumentsPrintInput!) {
    documentsPrint(input: $input) {
      downloadUrl
      expiresAt
      userErrors {
        field
        code
        message
      }
    }
  }
`);
