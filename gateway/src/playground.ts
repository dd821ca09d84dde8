import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

const DEFAULT_QUERY = `# The shop graph. Paste your API key in the Headers tab below:
#   {"Authorization": "Bearer spk_..."}
# The schema (Docs, autocompletion) then shows what that key may use.
query Products {
  products(first: 5) {
    edges { node { id title variants { sku price { amount currencyCode } } } }
  }
}
`;

interface Page {
  html: string;
  gzipped: Buffer;
  etag: string;
}

let page: Page | undefined;

/**
 * Yoga's GraphiQL as one self-contained page (about 9 MB: scripts, styles and
 * editor workers inline), so it works offline and never loads from a CDN
 * (Apollo's landing page and Sandbox do). Built on first use, then kept, gzipped, with an ETag.
 * Headers are not persisted in the browser: an API key should not outlive the tab.
 */
function playgroundPage(): Page {
  if (!page) {
    const html = renderGraphiQL({
      endpoint: '/graphql',
      title: 'Shop graph playground',
      defaultQuery: DEFAULT_QUERY,
      headers: JSON.stringify({ Authorization: 'Bearer spk_paste-your-api-key' }, null, 2),
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: 'headers',
    });
    page = { html, gzipped: gzipSync(html), etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"` };
  }
  return page;
}

/** GET /playground. */
export function servePlayground(req: IncomingMessage, res: ServerResponse): void {
  const { html, gzipped, etag } = playgroundPage();
  const headers = { 'content-type': 'text/html; charset=utf-8', etag, 'cache-control': 'no-cache', vary: 'accept-encoding' };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    res.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(gzipped);
    return;
  }
  res.writeHead(200, headers).end(html);
}

/** The same page as Apollo Server's landing page, replacing its CDN-loaded default. */
export function playgroundLandingPage<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: async () => playgroundPage().html };
        },
      };
    },
  };
}
