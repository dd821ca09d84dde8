// Waybill barcodes (Code 128) and QR codes as inline SVG, drawn by bwip-js with no network or files.
import { toSVG } from 'bwip-js';

/** SVG markup as an <img> data URL: bwip-js draws from the text alone, and an <img> cannot run anything. */
const asImage = (svg: string, alt: string) =>
  `<img alt="${alt}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`;

/** A Code 128 barcode of a waybill or order number, with the number printed under it. */
export const code128 = (text: string): string =>
  asImage(toSVG({ bcid: 'code128', text, scale: 2, height: 14, includetext: true, textxalign: 'center' }), 'barcode');

/** A QR code of the same number, for phone scanners. */
export const qrCode = (text: string): string => asImage(toSVG({ bcid: 'qrcode', text, scale: 2 }), 'QR');
