import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@shop/gateway/seed/index';
import { SUBGRAPHS } from '@shop/gateway/subgraphs';
import { startWorker } from '@shop/kit/jobs';
import { closeDocumentsBrowser, documentHtml, screenshotFirstPage, sellerFromEnv, type DocumentOrder } from '@shop/orders/documents';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { signInAll, staffLogin, type Caller } from '../kit/callers.js';
import { pdfLines } from '../kit/pdf-text.js';

/**
 * Issue #14's documents "Done when": one PDF of 200 labels whose addresses are Thai, Chinese and Arabic,
 * printed through the gateway (a print is a batch run the worker renders); the text a reader copies from it
 * equals the input strings (whitespace normalised only). Also: who may print and download (names, phones and addresses need members:read_pii),
 * bad selections as userErrors with nothing recorded, and a missing Chromium as DOCUMENTS_UNAVAILABLE.
 */
const PRINT = `mutation ($input: DocumentsPrintInput!) { documentsPrint(input: $input) { run { id kind status total containsContactData } orderCount userErrors { field code message } } }`;
const RUN = `query ($id: ID!) { orderBatchRun(id: $id) { id kind status total done downloadUrl } }`;

/** Addresses as customers type them: stacked Thai marks, simplified and traditional Han, joined Arabic with numbers. */
const PEOPLE = [
  { name: 'สมศักดิ์ ใจดี', phone: '+66 81 234 5678', line1: '99/9 ถนนสุขุมวิท ซอย 21', line2: 'แขวงคลองเตยเหนือ', city: 'เขตวัฒนา', region: 'กรุงเทพมหานคร', postal: '10110', country: 'TH' },
  { name: 'ปิยะพงษ์ ศรีสุข', phone: '081-555-0123', line1: '12 หมู่ 4 ตำบลหนองปรือ', line2: null, city: 'อำเภอบางละมุง', region: 'ชลบุรี', postal: '20150', country: 'TH' },
  { name: '王小明', phone: '+86 138 0013 8000', line1: '上海市浦东新区世纪大道100号', line2: '环球金融中心 25楼', city: '上海', region: '上海市', postal: '200120', country: 'CN' },
  { name: '陳美玲', phone: '+886 912 345 678', line1: '臺北市信義區市府路45號', line2: '8樓之2', city: '臺北', region: '臺灣', postal: '110', country: 'TW' },
  { name: 'محمد عبد الله', phone: '+966 50 123 4567', line1: 'شارع الملك فهد 123', line2: 'حي العليا', city: 'الرياض', region: 'منطقة الرياض', postal: '12211', country: 'SA' },
  { name: 'فاطمة الزهراء', phone: '+971 4 555 0100', line1: 'برج خليفة، الطابق 45', line2: 'شارع الشيخ محمد بن راشد', city: 'دبي', region: 'دبي', postal: '00000', country: 'AE' },
  // Names are user input: markup prints as text and runs nothing.
  { name: '<img src=x onerror=alert(1)> & "Tom"', phone: '02-123-4567', line1: '1 <b>Silom</b> Road', line2: null, city: 'Bangkok', region: null, postal: '10500', country: 'TH' },
] as const;

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.each(['in-process', 'distributed'] as const)('documents: labels, slips and tax invoices as PDF (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let callers: Caller[];
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let dir: string;
  const caller = (name: string) => callers.find((c) => c.name === name)!.headers;
  const orderIds: string[] = [];
  const tag = randomBytes(3).toString('hex');

  /**
   * documentsPrint. The text extraction before it keeps this process busy for seconds, and the gateway (in this
   * process) may close the kept-alive socket just as the next request goes out on it (ECONNRESET): such a request
   * never reached the server, so it is sent once more.
   */
  const print = async (headers: Record<string, string>, input: Record<string, unknown>) => {
    const send = async () => (await gateway.query(PRINT, { input }, headers)).body;
    return send().catch((error: { cause?: { code?: string } }) => {
      if (error.cause?.code !== 'ECONNRESET') throw error;
      return send();
    });
  };
  /** Follows a print's run until it ends: the run as its requester reads it (downloadUrl once SUCCEEDED). */
  const follow = async (headers: Record<string, string>, id: string) => {
    for (const deadline = Date.now() + 300_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      const run = (await gateway.query(RUN, { id }, headers)).body.data.orderBatchRun;
      if (run.status === 'SUCCEEDED' || run.status === 'FAILED') return run;
    }
    throw new Error('the print did not end');
  };
  /** Prints and follows the run until it ends. */
  const printed = async (headers: Record<string, string>, input: Record<string, unknown>) => {
    const body = await print(headers, input);
    expect(body.errors).toBeUndefined();
    expect(body.data.documentsPrint.userErrors).toEqual([]);
    return follow(headers, body.data.documentsPrint.run.id);
  };
  const pdfOf = async (headers: Record<string, string>, input: Record<string, unknown>) =>
    Buffer.from(await (await download((await printed(headers, input)).downloadUrl, headers)).arrayBuffer());
  const download = (path: string, headers: Record<string, string>) => fetch(new URL(path, gateway.url), { headers });
  const printCount = async () => (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from orders.document_print`))[0]!.n;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'documents-'));
    process.env.EXPORT_DIR = dir;
    database = await createTestDatabase();
    await seedDemo(database.db);
    gateway = await startTestGateway(mode, database.db);
    worker = await startWorker(database.url, database.db, SUBGRAPHS, { pollInterval: 100 });
    callers = await signInAll(gateway);
    // 200 orders, cycling through the people; the data is the test's input, so it goes straight in.
    for (let i = 0; i < 200; i++) {
      const p = PEOPLE[i % PEOPLE.length]!;
      const [row] = await database.db.execute<{ id: string }>(sql`
        insert into orders."order" (number, channel, status, subtotal_minor, shipping_minor, tax_minor, total_minor, currency_code,
          ship_name, ship_phone, ship_line1, ship_line2, ship_city, ship_region, ship_postal_code, ship_country, carrier, tracking_number)
        values (${`DOC-${tag}-${String(i + 1).padStart(3, '0')}`}, 'ONLINE_STORE', 'PAID', 107000, 5000, 7327, 112000, 'THB',
          ${p.name}, ${p.phone}, ${p.line1}, ${p.line2}, ${p.city}, ${p.region}, ${p.postal}, ${p.country}, 'Kerry Express', ${`KEX${tag.toUpperCase()}${i}`})
        returning id`);
      orderIds.push(row!.id);
      await database.db.execute(sql`
        insert into orders.order_line (order_id, variant_id, sku, title, quantity, unit_price_minor, currency_code)
        values (${row!.id}, ${row!.id}, 'TEE-M', 'เสื้อยืด — M / 蓝色', 2, 53500, 'THB')`);
    }
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
    await gateway?.stop();
    await database?.close();
    await closeDocumentsBrowser();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints 200 labels into one PDF whose text is each recipient as entered, in the given order', async () => {
    const operator = caller('order_operator');
    const started = await print(operator, { kind: 'LABEL', orderIds });
    expect(started.errors).toBeUndefined();
    expect(started.data.documentsPrint).toMatchObject({ orderCount: 200, run: { kind: 'PRINT', total: 200, containsContactData: true }, userErrors: [] });
    const run = await follow(operator, started.data.documentsPrint.run.id);
    expect(run).toMatchObject({ status: 'SUCCEEDED', total: 200, done: 200 });
    const response = await download(run.downloadUrl, operator);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());

    // pdfjs counts the pages; its text extraction cannot read Chromium's shaped glyphs (see pdfLines).
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
    expect(document.numPages).toBe(200);
    const first = await (await document.getPage(1)).getTextContent();
    expect(first.items.map((item) => ('str' in item ? item.str : '')).join(' ')).toContain(`DOC-${tag}-001`);

    const pages = pdfLines(pdf).map((lines) => lines.map(squash));
    expect(pages).toHaveLength(200);
    pages.forEach((lines, i) => {
      const p = PEOPLE[i % PEOPLE.length]!;
      const expected = [p.name, p.line1, p.line2, [p.city, p.region].filter(Boolean).join(', '), `${p.postal} ${p.country}`].filter((s): s is string => Boolean(s));
      const to = lines.indexOf(expected[0]!);
      expect(to, `page ${i + 1}: ${JSON.stringify(lines)}`).toBeGreaterThan(0);
      // Name, then phone, then the address lines, each exactly as entered.
      expect(lines[to + 1]).toBe(`Phone ${p.phone}`);
      expect(lines.slice(to + 2, to + 2 + expected.length - 1)).toEqual(expected.slice(1));
      expect(lines).toContain(`Order DOC-${tag}-${String(i + 1).padStart(3, '0')}`);
      expect(lines).toContain(`Tracking no. KEX${tag.toUpperCase()}${i}`);
    });
  }, 180_000);

  it('prints Arabic headings right to left with numbers left to right, and a Thai tax invoice with its VAT', async () => {
    const operator = caller('customer_service');
    const labelPdf = await pdfOf(operator, { kind: 'LABEL', orderIds: [orderIds[4]], locale: 'AR' });
    const [labelLines] = pdfLines(labelPdf).map((lines) => lines.map(squash));
    expect(labelLines).toEqual(expect.arrayContaining(['المستلم', 'محمد عبد الله', 'الهاتف +966 50 123 4567', 'شارع الملك فهد 123', `الطلب DOC-${tag}-005`]));

    const invoicePdf = await pdfOf(operator, { kind: 'TAX_INVOICE', orderIds: [orderIds[0]], locale: 'TH' });
    const [invoiceLines] = pdfLines(invoicePdf).map((lines) => lines.map(squash));
    // The first print of an order's invoice is the original and gives it its number from the year's series.
    expect(invoiceLines).toEqual(
      expect.arrayContaining([
        'ใบกำกับภาษี / ใบเสร็จรับเงิน ต้นฉบับ',
        expect.stringMatching(/^เลขที่ INV\d{4}-\d{6}$/),
        `เลขประจำตัวผู้เสียภาษี ${sellerFromEnv().taxId}`,
        'สมศักดิ์ ใจดี',
        'ยอดรวมทั้งสิ้น 1,120.00 THB',
        'มูลค่าก่อนภาษีมูลค่าเพิ่ม 1,046.73 THB',
        'ภาษีมูลค่าเพิ่ม 73.27 THB',
      ]),
    );
  }, 120_000);

  it('prints a label per shipment waybill, and one for orders merged into a parcel', async () => {
    await database.db.execute(sql`insert into orders.carrier (code, name) values ('KERRY', 'Kerry Express') on conflict (code) do nothing`);
    const ship = (orderIndex: number, n: number, tracking: string) => database.db.execute(sql`
      insert into orders.shipment (order_id, number, warehouse_id, carrier_code, tracking_number, status)
      values (${orderIds[orderIndex]}, ${`S-${tag}-${orderIndex}-${n}`}, gen_random_uuid(), 'KERRY', ${tracking}, 'BOOKED')`);
    const [a, b, c] = [10, 11, 12];
    await ship(a, 1, `W${tag}A1`);
    await ship(a, 2, `W${tag}A2`);
    await ship(b, 1, `W${tag}P1`);
    await ship(c, 1, `W${tag}P1`);
    const operator = caller('order_operator');
    const pdf = await pdfOf(operator, { kind: 'LABEL', orderIds: [orderIds[a], orderIds[b], orderIds[c]] });
    const pages = pdfLines(pdf).map((lines) => lines.map(squash));
    const number = (i: number) => `DOC-${tag}-${String(i + 1).padStart(3, '0')}`;
    expect(pages).toHaveLength(3);
    expect(pages[0]).toEqual(expect.arrayContaining([`Order ${number(a)}`, 'Carrier Kerry Express', `Tracking no. W${tag}A1`]));
    expect(pages[1]).toEqual(expect.arrayContaining([`Order ${number(a)}`, `Tracking no. W${tag}A2`]));
    expect(pages[2]).toEqual(expect.arrayContaining([`Order ${number(b)}, ${number(c)}`, `Tracking no. W${tag}P1`]));
  }, 120_000);

  it('renders a label page to PNG to look at', async () => {
    if (mode !== 'in-process') return;
    const p = PEOPLE[4];
    const arabic = {
      number: `DOC-${tag}-005`, createdAt: new Date(), currencyCode: 'THB', carrier: 'Kerry Express', trackingNumber: `KEX${tag.toUpperCase()}4`,
      shipName: p.name, shipPhone: p.phone, shipLine1: p.line1, shipLine2: p.line2, shipCity: p.city, shipRegion: p.region, shipPostalCode: p.postal, shipCountry: p.country,
      lines: [],
    } as unknown as DocumentOrder;
    const { html, paper } = documentHtml('LABEL', [arabic], 'ar', sellerFromEnv());
    const png = await screenshotFirstPage(html, paper);
    const path = join(process.env.DOCUMENTS_PNG_DIR ?? tmpdir(), 'documents-label-ar.png');
    writeFileSync(path, png);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);

  it('lets only staff and keys holding orders:write and members:read_pii print, and only the requester download', async () => {
    const allowed = ['owner', 'admin', 'order_operator', 'customer_service'];
    for (const c of callers) {
      const body = await print(c.headers, { kind: 'PACKING_SLIP', orderIds: [orderIds[0]] });
      if (allowed.includes(c.name)) {
        expect(body.data.documentsPrint.userErrors, c.name).toEqual([]);
      } else {
        expect(body.data?.documentsPrint ?? null, c.name).toBeNull();
        expect(body.errors?.[0]?.extensions?.code, c.name).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
      }
    }
    // Handling orders without reading personal data is not enough.
    const owner = caller('owner');
    const roleName = `orders_no_pii_${mode.replace('-', '_')}`;
    const stepped = await gateway.query(`mutation ($input: StepUpConfirmInput!) { stepUpConfirm(input: $input) { stepUpToken } }`, { input: { password: 'demo-owner-password' } }, owner);
    const ownerUp = { ...owner, 'x-step-up': stepped.body.data.stepUpConfirm.stepUpToken as string };
    const role = await gateway.query(`mutation ($input: RoleCreateInput!) { roleCreate(input: $input) { userErrors { code } } }`, { input: { name: roleName, title: 'Orders without PII', scopes: ['orders:read', 'orders:write'] } }, ownerUp);
    expect(role.body.data.roleCreate.userErrors).toEqual([]);
    const email = `no-pii-${mode}@shop.test`;
    const made = await gateway.query(`mutation ($input: StaffCreateInput!) { staffCreate(input: $input) { userErrors { code } } }`, { input: { email, displayName: 'No PII', password: 'a long enough password', roles: [roleName] } }, ownerUp);
    expect(made.body.data.staffCreate.userErrors).toEqual([]);
    const noPii = { authorization: `Bearer ${await staffLogin(gateway, email, 'a long enough password')}` };
    const refused = await print(noPii, { kind: 'LABEL', orderIds: [orderIds[0]] });
    expect(refused.data?.documentsPrint ?? null).toBeNull();
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');

    // The link works for its requester only, signed and unexpired.
    const operator = caller('order_operator');
    const { id: runId, downloadUrl } = await printed(operator, { kind: 'LABEL', orderIds: [orderIds[0]] });
    // Another operator reading the run gets no link.
    expect((await gateway.query(RUN, { id: runId }, caller('customer_service'))).body.data.orderBatchRun.downloadUrl).toBeNull();
    expect((await download(downloadUrl, caller('customer_service'))).status).toBe(404);
    expect((await download(downloadUrl, noPii)).status).toBe(403);
    expect((await download(downloadUrl, caller('customer'))).status).toBe(403);
    expect((await download(downloadUrl, {})).status).toBeGreaterThanOrEqual(401);
    expect((await download(downloadUrl.replace(/signature=./, 'signature=A'), operator)).status).toBe(403);
    const expired = downloadUrl.replace(/expires=\d+/, `expires=${Date.now() - 1000}`);
    expect((await download(expired, operator)).status).toBe(403);
    expect((await download(downloadUrl, operator)).status).toBe(200);
  }, 120_000);

  it('answers userErrors for unknown, missing or too many orders, and records nothing', async () => {
    const operator = caller('order_operator');
    const before = await printCount();
    const unknown = await print(operator, { kind: 'LABEL', orderIds: [orderIds[0], '00000000-0000-4000-8000-000000000000', 'not-an-id'] });
    expect(unknown.data.documentsPrint).toMatchObject({
      run: null,
      userErrors: [
        { code: 'NOT_FOUND', field: ['input', 'orderIds', '1'] },
        { code: 'NOT_FOUND', field: ['input', 'orderIds', '2'] },
      ],
    });
    const tooMany = await print(operator, { kind: 'LABEL', orderIds: Array.from({ length: 5_001 }, (_, i) => orderIds[i % 200]) });
    expect(tooMany.data.documentsPrint.userErrors).toEqual([expect.objectContaining({ code: 'TOO_MANY', field: ['input', 'orderIds'] })]);
    const none = await print(operator, { kind: 'TAX_INVOICE', orderIds: [] });
    expect(none.data.documentsPrint.userErrors).toEqual([expect.objectContaining({ code: 'EMPTY', field: ['input', 'orderIds'] })]);
    expect(await printCount()).toBe(before);
  });

  it('answers DOCUMENTS_UNAVAILABLE when Chromium is not installed', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const body = await print(caller('order_operator'), { kind: 'LABEL', orderIds: [orderIds[0]] });
      expect(body.data.documentsPrint.userErrors).toEqual([expect.objectContaining({ code: 'DOCUMENTS_UNAVAILABLE', field: null })]);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});
