// The HTML of labels, packing slips and tax invoices: one page (or more) per order, in one document per print.
import { formatMinor } from '@shop/kit';
import { shopTimeZone } from '@shop/kit/shop-time';
import { code128, qrCode } from './barcode.js';
import { FONT_STACK, fontFaces } from './fonts.js';
import { bdi, esc, ltr } from './html.js';
import type { PaperSize } from './browser.js';
import { WORDS, type DocumentLocale, type DocumentWords } from './words.js';
import type { DocumentKind, DocumentOrder, Seller, Waybill } from './types.js';

const PAPER: Record<DocumentKind, PaperSize> = {
  // A6: the common thermal label.
  LABEL: { width: '100mm', height: '150mm' },
  PACKING_SLIP: { width: '210mm', height: '297mm' },
  TAX_INVOICE: { width: '210mm', height: '297mm' },
};

/** 1234567 THB minor → "12,345.67": grouped, in Latin digits whatever the language. */
const amount = (minor: bigint, currencyCode: string) => {
  const [whole, fraction] = formatMinor(minor, currencyCode).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
};
const moneyText = (minor: bigint, currencyCode: string) => ltr(`${amount(minor, currencyCode)} ${currencyCode}`);

const dateText = (at: Date, locale: DocumentLocale) =>
  new Intl.DateTimeFormat(`${locale}-u-nu-latn`, { timeZone: shopTimeZone(), dateStyle: 'medium' }).format(at);

/** One line per part of the address, each isolated in its own direction. */
const addressLines = (o: DocumentOrder) =>
  [o.shipLine1, o.shipLine2, [o.shipCity, o.shipRegion].filter(Boolean).join(', '), [o.shipPostalCode, o.shipCountry].filter(Boolean).join(' ')]
    .filter((part): part is string => Boolean(part))
    .map((part) => `<div class="addr">${bdi(part)}</div>`)
    .join('');

/** Code 128 takes printable ASCII only; a waybill in another script still prints as text and as QR. */
const barcodeable = (text: string) => /^[\x20-\x7e]{1,80}$/.test(text);

/** One label: a waybill and the orders that leave under it (merged orders share one parcel). */
interface LabelPage {
  order: DocumentOrder;
  orderNumbers: string[];
  waybill: Waybill;
}

/**
 * A label per waybill: each shipment's when the order has booked ones, else the order's own carrier and
 * tracking number; a waybill met again (orders merged into one parcel) adds its order number instead.
 */
function labelPages(orders: DocumentOrder[]): LabelPage[] {
  const pages = new Map<string, LabelPage>();
  for (const o of orders) {
    const waybills = o.waybills?.length ? o.waybills : [{ carrier: o.carrier, trackingNumber: o.trackingNumber }];
    waybills.forEach((waybill, i) => {
      const key = waybill.trackingNumber ? `${waybill.carrier}\n${waybill.trackingNumber}` : `${o.id}\n${i}`;
      const page = pages.get(key);
      if (page) page.orderNumbers.push(o.number);
      else pages.set(key, { order: o, orderNumbers: [o.number], waybill });
    });
  }
  return [...pages.values()];
}

function label({ order: o, orderNumbers, waybill }: LabelPage, w: DocumentWords, seller: Seller): string {
  const code = waybill.trackingNumber ?? o.number;
  return `<section class="page label">
  <div class="box"><div class="caption">${esc(w.from)}</div><div>${bdi(seller.name)}</div><div class="addr">${bdi(seller.address)}</div>${seller.phone ? `<div>${esc(w.phone)} ${ltr(seller.phone)}</div>` : ''}</div>
  <div class="box to"><div class="caption">${esc(w.to)}</div><div class="name">${bdi(o.shipName)}</div>${o.shipPhone ? `<div>${esc(w.phone)} ${ltr(o.shipPhone)}</div>` : ''}${addressLines(o)}</div>
  <div class="box meta"><div>${esc(w.order)} ${orderNumbers.map(ltr).join(', ')}</div>${waybill.carrier ? `<div>${esc(w.carrier)} ${bdi(waybill.carrier)}</div>` : ''}</div>
  <div class="codes">${barcodeable(code) ? code128(code) : ''}${qrCode(code)}</div>
  ${waybill.trackingNumber ? `<div class="tracking">${esc(w.tracking)} ${ltr(waybill.trackingNumber)}</div>` : ''}
</section>`;
}

const lineRows = (o: DocumentOrder, withPrices: boolean) =>
  o.lines
    .map(
      (l) =>
        `<tr><td>${ltr(l.sku)}</td><td>${bdi(l.title)}</td><td class="num">${ltr(l.quantity)}</td>${
          withPrices ? `<td class="num">${moneyText(l.unitPriceMinor, o.currencyCode)}</td><td class="num">${moneyText(l.unitPriceMinor * BigInt(l.quantity), o.currencyCode)}</td>` : ''
        }</tr>`,
    )
    .join('');

function packingSlip(o: DocumentOrder, w: DocumentWords, locale: DocumentLocale, seller: Seller): string {
  return `<section class="page sheet">
  <header><h1>${esc(w.packingSlip)}</h1><div>${bdi(seller.name)}</div></header>
  <div class="cols"><div><div>${esc(w.order)} ${ltr(o.number)}</div><div>${esc(w.orderDate)} ${ltr(dateText(o.createdAt, locale))}</div></div>
  <div class="box to"><div class="caption">${esc(w.to)}</div><div class="name">${bdi(o.shipName)}</div>${o.shipPhone ? `<div>${esc(w.phone)} ${ltr(o.shipPhone)}</div>` : ''}${addressLines(o)}</div></div>
  <table><thead><tr><th>${esc(w.sku)}</th><th>${esc(w.item)}</th><th class="num">${esc(w.quantity)}</th></tr></thead><tbody>${lineRows(o, false)}</tbody></table>
</section>`;
}

/**
 * A Thai tax invoice (ใบกำกับภาษี) with receipt: seller's name, tax id and address, buyer, lines, and the
 * VAT contained in the tax-inclusive total (orders keep it as taxMinor). Thai headings always print; the
 * reader's language follows when it is another. Its number and date are the issue's; the first print is
 * the original (ต้นฉบับ), every later one a copy (สำเนา).
 */
function taxInvoice(o: DocumentOrder, w: DocumentWords, locale: DocumentLocale, seller: Seller): string {
  const th = WORDS.th;
  const both = (key: keyof DocumentWords) => (locale === 'th' ? esc(th[key]) : `${esc(th[key])} <span class="sub">${esc(w[key])}</span>`);
  const row = (key: keyof DocumentWords, minor: bigint) =>
    `<tr><td colspan="4" class="num">${both(key)}</td><td class="num">${moneyText(minor, o.currencyCode)}</td></tr>`;
  const issue = o.taxInvoice;
  return `<section class="page sheet">
  <header><h1>${both('taxInvoice')}</h1>${issue ? `<div class="mark">${both(issue.copy ? 'copy' : 'original')}</div>` : ''}</header>
  <div class="cols">
    <div class="box"><div class="caption">${both('seller')}</div><div class="name">${bdi(seller.name)}</div><div class="addr">${bdi(seller.address)}</div>
      <div>${both('taxId')} ${ltr(seller.taxId)}</div><div>${both('headOffice')}</div></div>
    <div class="box"><div>${both('invoiceNumber')} ${ltr(issue?.number ?? '')}</div><div>${both('date')} ${ltr(dateText(issue?.issuedAt ?? o.createdAt, locale))}</div><div>${both('order')} ${ltr(o.number)}</div></div>
  </div>
  <div class="box"><div class="caption">${both('buyer')}</div><div class="name">${bdi(o.shipName)}</div>${addressLines(o)}</div>
  <table><thead><tr><th>${both('sku')}</th><th>${both('item')}</th><th class="num">${both('quantity')}</th><th class="num">${both('unitPrice')}</th><th class="num">${both('amount')}</th></tr></thead>
  <tbody>${lineRows(o, true)}</tbody>
  <tfoot>${row('subtotal', o.subtotalMinor)}${o.discountMinor ? row('discount', -o.discountMinor) : ''}${row('shipping', o.shippingMinor)}${row('total', o.totalMinor)}${row('beforeVat', o.totalMinor - o.taxMinor)}${row('vat', o.taxMinor)}</tfoot></table>
  <p class="sub">${both('pricesIncludeVat')}</p>
</section>`;
}

const STYLE = `
@page { margin: 0; }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${FONT_STACK}; font-size: 10pt; line-height: 1.45; color: #000; }
.page { break-after: page; overflow: hidden; }
.page:last-child { break-after: auto; }
.label { width: 100mm; height: 150mm; padding: 4mm; display: flex; flex-direction: column; gap: 2mm; }
.sheet { width: 210mm; min-height: 297mm; padding: 14mm; }
.box { border: 0.3mm solid #000; padding: 2mm 3mm; }
.caption { font-size: 8pt; font-weight: 700; text-transform: uppercase; }
.name { font-size: 13pt; font-weight: 700; }
.to { font-size: 11pt; }
.codes { display: flex; align-items: center; justify-content: space-between; gap: 3mm; }
.codes svg { display: block; width: 100%; height: 100%; }
.barcode { width: 62mm; height: 20mm; }
.qr { width: 24mm; height: 24mm; }
.tracking { font-weight: 700; }
header { display: flex; justify-content: space-between; align-items: baseline; margin-bottom: 6mm; }
h1 { font-size: 16pt; margin: 0; }
.cols { display: flex; gap: 6mm; margin-bottom: 6mm; } .cols > * { flex: 1; }
table { width: 100%; border-collapse: collapse; margin-top: 6mm; }
th, td { border-bottom: 0.2mm solid #999; padding: 1.5mm 2mm; text-align: start; vertical-align: top; }
.num { text-align: end; white-space: nowrap; }
.sub { font-size: 8pt; color: #333; }
.mark { border: 0.4mm solid #000; padding: 1mm 3mm; font-weight: 700; }
`;

/** The whole print as one HTML document: its direction follows the reader's language (Arabic: right to left). */
export function documentHtml(
  kind: DocumentKind,
  orders: DocumentOrder[],
  locale: DocumentLocale,
  seller: Seller,
): { html: string; paper: PaperSize } {
  const w = WORDS[locale];
  const pages =
    kind === 'LABEL'
      ? labelPages(orders).map((page) => label(page, w, seller))
      : orders.map((o) => (kind === 'PACKING_SLIP' ? packingSlip(o, w, locale, seller) : taxInvoice(o, w, locale, seller)));
  const paper = PAPER[kind];
  const html = `<!doctype html><html lang="${esc(locale)}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'none'; style-src 'unsafe-inline'; font-src 'self'; script-src 'none'">
<style>${fontFaces()}\n@page { size: ${paper.width} ${paper.height}; }${STYLE}</style></head><body>${pages.join('\n')}</body></html>`;
  return { html, paper };
}
