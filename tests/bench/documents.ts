/**
 * `pnpm bench documents [--labels 200,1000] [--repeat 2]`: shipping labels per second into one PDF,
 * the way a print's run renders them (HTML → headless Chromium → tagged PDF, in chunks of
 * PRINT_CHUNK_ORDERS merged by pdf-lib), with recipients cycling through Thai, Chinese and Arabic
 * addresses. Beside it in the same run: one label (the fixed cost of a print: a fresh page, fonts, PDF
 * writing), the same labels as one HTML document (the baseline: one Chromium print, no merge) and with
 * the bundled fonts left out (system fallback: what shaping with the Noto faces costs). The browser is
 * launched before timing (once per process, as the server does); the time counts building the HTML
 * (templates, bwip-js barcodes) and printing it. Figures only, never asserted.
 */
import './env.js';

const { parseArgs } = await import('node:util');
const { documentHtml, printerAvailable, printMerged, printPdf, sellerFromEnv, closeDocumentsBrowser, PRINT_CHUNK_ORDERS } = await import('@shop/orders/documents');
type DocumentOrder = import('@shop/orders/documents').DocumentOrder;

const { values } = parseArgs({
  allowPositionals: true,
  options: { labels: { type: 'string', default: '200,1000' }, repeat: { type: 'string', default: '2' } },
});
const sizes = values.labels.split(',').map(Number);
const repeat = Math.max(1, Number(values.repeat));

if (!(await printerAvailable())) {
  console.log(`No Chromium at ${process.env.CHROMIUM_PATH || '/usr/bin/chromium'}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(0);
}

const PEOPLE = [
  ['สมศักดิ์ ใจดี', '99/9 ถนนสุขุมวิท ซอย 21', 'แขวงคลองเตยเหนือ', 'เขตวัฒนา', 'กรุงเทพมหานคร', 'TH'],
  ['王小明', '上海市浦东新区世纪大道100号', '环球金融中心 25楼', '上海', '上海市', 'CN'],
  ['陳美玲', '臺北市信義區市府路45號', '8樓之2', '臺北', '臺灣', 'TW'],
  ['محمد عبد الله', 'شارع الملك فهد 123', 'حي العليا', 'الرياض', 'منطقة الرياض', 'SA'],
] as const;

const orders = (count: number): DocumentOrder[] =>
  Array.from({ length: count }, (_, i) => {
    const [name, line1, line2, city, region, country] = PEOPLE[i % PEOPLE.length]!;
    return {
      number: `SO-${200001 + i}`, createdAt: new Date(), currencyCode: 'THB', carrier: 'Kerry Express', trackingNumber: `KEX${String(9000000 + i)}`,
      shipName: name, shipPhone: '+66 81 234 5678', shipLine1: line1, shipLine2: line2, shipCity: city, shipRegion: region,
      shipPostalCode: '10110', shipCountry: country, lines: [],
    } as unknown as DocumentOrder;
  });

const seller = sellerFromEnv();
const withoutFonts = (html: string) => html.replace(/@font-face\s*{[^}]*}/g, '');

/** The labels in chunks as a print's run renders them, each chunk's HTML built when Chromium is ready for it. */
async function* chunks(selection: DocumentOrder[], elapsed: { html: number }) {
  for (let i = 0; i < selection.length; i += PRINT_CHUNK_ORDERS) {
    const started = performance.now();
    const part = documentHtml('LABEL', selection.slice(i, i + PRINT_CHUNK_ORDERS), 'en', seller);
    elapsed.html += performance.now() - started;
    yield part;
  }
}

type Mode = 'run (chunks merged)' | 'one document' | 'one document, no fonts';

/** The best of `repeat` runs (the machine is shared): HTML (templates, barcodes) and total seconds, PDF bytes. */
async function measure(count: number, mode: Mode) {
  const selection = orders(count);
  let best = { html: Infinity, total: Infinity };
  let bytes = 0;
  for (let r = 0; r < repeat; r++) {
    const started = performance.now();
    const elapsed = { html: 0 };
    let pdf: Uint8Array;
    if (mode === 'run (chunks merged)') pdf = await printMerged(chunks(selection, elapsed));
    else {
      const { html, paper } = documentHtml('LABEL', selection, 'en', seller);
      elapsed.html = performance.now() - started;
      pdf = await printPdf(mode === 'one document' ? html : withoutFonts(html), paper);
    }
    const total = (performance.now() - started) / 1000;
    if (total < best.total) best = { html: elapsed.html / 1000, total };
    bytes = pdf.length;
  }
  return {
    labels: count, mode, 'HTML s': best.html.toFixed(2), 'total s': best.total.toFixed(2), 'labels/s': (count / best.total).toFixed(1),
    'PDF KiB': Math.round(bytes / 1024), 'KiB/label': (bytes / 1024 / count).toFixed(1),
  };
}

// Launch and warm the browser and font cache outside the figures.
await printPdf(documentHtml('LABEL', orders(4), 'en', seller).html, { width: '100mm', height: '150mm' });

const rows = [await measure(1, 'one document')];
for (const size of sizes) {
  rows.push(await measure(size, 'one document, no fonts'));
  rows.push(await measure(size, 'one document'));
  rows.push(await measure(size, 'run (chunks merged)'));
}
const rssMiB = Math.round(process.memoryUsage().rss / 2 ** 20);
await closeDocumentsBrowser();

console.log(`\ndocuments: shipping labels into one PDF (best of ${repeat}), Node RSS ${rssMiB} MiB (Chromium's memory is its own processes)`);
console.table(rows);
