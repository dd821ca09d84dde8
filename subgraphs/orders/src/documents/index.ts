/**
 * Documents: shipping labels, packing slips and Thai tax invoices as one PDF per selection, printed by
 * headless Chromium from HTML (Thai, Chinese and Arabic shaped and ordered by the browser, Noto fonts
 * bundled). The graph's resolvers and rules live in ./resolvers.js and ./permissions.js.
 */
export { closeDocumentsBrowser, printerAvailable, printPdf, screenshotFirstPage } from './browser.js';
export { documentHtml } from './templates.js';
export { sellerFromEnv, type DocumentOrder } from './types.js';
export { documentLinkValid } from './link.js';
export { DOCUMENT_SCOPES, MAX_DOCUMENT_ORDERS, mayPrint, printOf, renderDocuments, type DocumentErrorCode, type DocumentsInput } from './service.js';
export { documentPrint, type DocumentPrintRow } from './tables.js';
export { DOCUMENT_KINDS, type DocumentKind } from './types.js';
export { DOCUMENT_LOCALES, type DocumentLocale } from './words.js';
