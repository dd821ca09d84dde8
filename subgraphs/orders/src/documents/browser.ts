// One headless Chromium per process that prints HTML documents to PDF, offline and a bounded number of pages at once.
import { access, readFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fontFile } from './fonts.js';

/** The page's own origin: every request goes through the route below, which answers from memory or disk only. */
export const DOCUMENT_ORIGIN = 'http://documents.invalid';

/** Flags that keep Chromium from talking to anything (updates, sync, probes) and from needing a GPU or sandbox. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Pages printing at once: each holds a renderer process, and the machine has few cores. */
const MAX_PAGES = Math.max(1, Number(process.env.DOCUMENTS_MAX_PAGES ?? 2) || 2);

/** Chromium is not installed (or would not start): the caller answers DOCUMENTS_UNAVAILABLE. */
export class DocumentsUnavailableError extends Error {
  constructor() {
    super('The document printer (Chromium) is not available on this server.');
  }
}

export const chromiumPath = (): string => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Whether the configured Chromium exists and is executable, so a request can be refused before any work. */
export async function printerAvailable(): Promise<boolean> {
  try {
    await access(chromiumPath(), constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** How long one print may take before it fails. */
const PRINT_TIMEOUT_MS = 180_000;

let browser: Promise<Browser> | null = null;

function launch(): Promise<Browser> {
  const launching = chromium
    .launch({ executablePath: chromiumPath(), args: FLAGS, headless: true, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false })
    .then((b) => {
      // A crashed browser is launched afresh by the next print.
      b.on('disconnected', () => {
        if (browser === launching) browser = null;
      });
      return b;
    });
  launching.catch(() => {
    if (browser === launching) browser = null;
  });
  return launching;
}

let active = 0;
const waiting: (() => void)[] = [];

async function withSlot<T>(run: () => Promise<T>): Promise<T> {
  if (active >= MAX_PAGES) await new Promise<void>((resolve) => waiting.push(resolve));
  else active++;
  try {
    return await run();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else active--;
  }
}

export interface PaperSize {
  width: string;
  height: string;
}

/**
 * Opens one HTML document in a fresh page and hands the page to `use`. The page may load only fonts
 * (served from the bundled packages by the route); every other request is aborted, so a text that
 * smuggles in a URL reaches nothing.
 */
async function withDocumentPage<T>(html: string, use: (page: Page) => Promise<T>): Promise<T> {
  if (!(await printerAvailable())) throw new DocumentsUnavailableError();
  return withSlot(async () => {
    let current: Browser;
    try {
      current = await (browser ??= launch());
    } catch {
      throw new DocumentsUnavailableError();
    }
    // Twice the pixels: a screenshot shows marks and joins clearly; a PDF is vector either way.
    const context = await current.newContext({ deviceScaleFactor: 2 });
    try {
      const page = await context.newPage();
      // A print of 500 orders on a busy machine takes longer than Playwright's 30-second default.
      page.setDefaultTimeout(PRINT_TIMEOUT_MS);
      await page.route('**/*', async (route) => {
        const url = route.request().url();
        if (url === `${DOCUMENT_ORIGIN}/document.html`) {
          return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
        }
        const font = url.startsWith(`${DOCUMENT_ORIGIN}/fonts/`) ? fontFile(url.slice(DOCUMENT_ORIGIN.length + 7)) : null;
        if (font) return route.fulfill({ status: 200, contentType: 'font/woff2', body: await readFile(font) });
        return route.abort('blockedbyclient');
      });
      await page.goto(`${DOCUMENT_ORIGIN}/document.html`, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready');
      return await use(page);
    } finally {
      await context.close();
    }
  });
}

/** Prints one HTML document to a tagged PDF (Chromium then writes each shaped glyph's text as ActualText). */
export function printPdf(html: string, paper: PaperSize): Promise<Buffer> {
  return withDocumentPage(html, (page) =>
    page.pdf({ width: paper.width, height: paper.height, printBackground: true, preferCSSPageSize: true, tagged: true }),
  );
}

/** The first page of a document as PNG, as it prints (for looking at one, e.g. in tests). */
export function screenshotFirstPage(html: string, paper: PaperSize): Promise<Buffer> {
  return withDocumentPage(html, async (page) => {
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: Math.round(parseFloat(paper.width) * 3.78), height: Math.round(parseFloat(paper.height) * 3.78) });
    return page.locator('.page').first().screenshot();
  });
}

/** Closes the browser (shutdown, tests, benchmarks); the next print launches a new one. */
export async function closeDocumentsBrowser(): Promise<void> {
  const open = browser;
  browser = null;
  if (open) await (await open.catch(() => null))?.close();
}
