import { graphql } from '@/gql';

/** Records a print of one document kind for some orders; answers the batch run that renders its PDF. */
export const DocumentsPrint = graphql(`
  mutation DocumentsPrint($input: DocumentsPrintInput!) {
    documentsPrint(input: $input) {
      run {
        ...OrderBatchRunFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);
