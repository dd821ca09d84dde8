/**
 * Documents: shipping labels, packing slips and Thai tax invoices as one PDF per selection, printed by
 * headless Chromium from HTML (Thai, Chinese and Arabic shaped and ordered by the browser, Noto fonts
 * bundled), rendered by a batch run in chunks into one file. Tax invoices are numbered from a gapless series
 * per year. The graph's resolvers and rules live in ./resolvers.js and ./permissions.js.
 */
export { closeDocumentsBrowser, printerAvailable, printPdf, screenshotFirstPage } from './browser.js';
export { documentHtml } from './templates.js';
export { sellerFromEnv, type DocumentOrder } from './types.js';
export { documentLinkValid } from './link.js';
export { DOCUMENT_SCOPES, MAX_DOCUMENT_ORDERS, documentOrders, mayPrint, printDownloadUrl, printOf, type DocumentErrorCode, type DocumentsInput } from './service.js';
export { printChunks, printFile, printMerged, renderPrintFile, PRINT_CHUNK_ORDERS } from './render.js';
export { issueTaxInvoices, taxInvoiceNumber } from './invoice-numbers.js';
export { documentPrint, taxInvoice, taxInvoiceSeries, type DocumentPrintRow } from './tables.js';
export { DOCUMENT_KINDS, type DocumentKind } from './types.js';
export { DOCUMENT_LOCALES, type DocumentLocale } from './words.js';
