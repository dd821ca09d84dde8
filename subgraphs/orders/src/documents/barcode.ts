// Waybill barcodes (Code 128) and QR codes as inline SVG, drawn by bwip-js with no network or files.
import { toSVG } from 'bwip-js';

// bwip-js draws from the text alone (bars and modules as paths, no text nodes), so its SVG is safe inline;
// the number itself prints as text beside it. Inline rather than an <img> data URL: a 1,000-label
// document stays a third of the size and Chromium decodes no images.

/** A Code 128 barcode of a waybill or order number. */
export const code128 = (text: string): string =>
  `<div class="barcode">${toSVG({ bcid: 'code128', text, scale: 2, height: 14 })}</div>`;

/** A QR code of the same number, for phone scanners. */
export const qrCode = (text: string): string => `<div class="qr">${toSVG({ bcid: 'qrcode', text, scale: 2 })}</div>`;
