import type { DocumentKind, DocumentLocale } from '@/gql/graphql';

/** The printable documents, in the order the console offers them, with their message keys. */
export const DOCUMENT_KINDS: { kind: DocumentKind; key: 'label' | 'packingSlip' | 'taxInvoice' }[] = [
  { kind: 'LABEL', key: 'label' },
  { kind: 'PACKING_SLIP', key: 'packingSlip' },
  { kind: 'TAX_INVOICE', key: 'taxInvoice' },
];

/** DocumentErrorCode values (and FORBIDDEN) with a translation in documents.errors. */
export const DOCUMENT_ERROR_CODES = ['NOT_FOUND', 'EMPTY', 'TOO_MANY', 'INVALID', 'PII_REQUIRED', 'DOCUMENTS_UNAVAILABLE', 'FORBIDDEN'] as const;

/** The console's locale as the documents' heading language. */
export const DOCUMENT_LOCALE: Record<string, DocumentLocale> = { en: 'EN', th: 'TH', 'zh-CN': 'ZH_CN', 'zh-TW': 'ZH_TW', ar: 'AR' };

/** The gateway's signed `/documents/<id>.pdf?…` as this console's `/orders/documents/<id>?…`, which forwards the session server side. */
export function consoleDocumentPath(downloadUrl: string): string {
  return downloadUrl.replace(/^\/documents\/([0-9a-f-]+)\.pdf/, '/orders/documents/$1');
}
