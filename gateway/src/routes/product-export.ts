import { coerceInputValue, getNamedType, getNullableType, isInputObjectType, isListType } from 'graphql';
import { pipeline } from 'node:stream/promises';
import { scopesOf, sendJson } from '@shop/kit';
import { exportProducts, type ProductFilter } from '@shop/products/bulk';
import { publicMessage } from '@shop/kit/error-mask';
import { describeArgument, findBadInput } from '../limits/input-guard.js';
import { subgraph } from '../subgraphs.js';
import type { GatewayRoute } from './route.js';

/**
 * ProductFilter from query parameters named like its fields (`?query=shirt&status=ACTIVE&status=DRAFT`
 * or `status=ACTIVE,DRAFT`), coerced by the products schema itself, so the export takes exactly
 * the filters the product list does. Throws the coercion's message on a bad value.
 */
function filterFrom(params: URLSearchParams): ProductFilter | null {
  const type = subgraph('products').schema.getType('ProductFilter');
  if (!isInputObjectType(type)) throw new Error('The products SDL has no ProductFilter input.');
  const raw: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(type.getFields())) {
    const texts = params.getAll(name).filter((v) => v !== '');
    if (!texts.length) continue;
    const scalar = getNamedType(field.type).name;
    const value = (text: string) => (scalar === 'Int' || scalar === 'Float' ? Number(text) : scalar === 'Boolean' ? text === 'true' : text);
    raw[name] = isListType(getNullableType(field.type)) ? texts.flatMap((t) => t.split(',')).map(value) : value(texts[0]!);
  }
  if (!Object.keys(raw).length) return null;
  const filter = coerceInputValue(raw, type, (path, _value, error) => {
    throw new Error(publicMessage(`${['filter', ...path].join('.')}: ${error.message}`, 'BAD_USER_INPUT'));
  }) as ProductFilter;
  // The same text rules as the product list's filter argument at the gateway.
  const bad = findBadInput(filter, type, ['filter'], true);
  if (bad) throw new Error(`${describeArgument('products', bad.path)} ${bad.reason}.`);
  return filter;
}

/**
 * GET /exports/products.csv?<ProductFilter fields>: every variant of the
 * matching products in the import's columns, streamed (constant memory).
 * Staff with catalog:read; the cost_price column only with catalog:read_cost.
 */
export const productExport: GatewayRoute = {
  method: 'GET',
  path: /^\/exports\/products\.csv$/,
  authenticated: true,
  async handle(req, res, { context, db }) {
    const principal = context!.principal;
    const scopes = scopesOf(principal);
    if (principal.kind !== 'staff' || !scopes.includes('catalog:read')) {
      sendJson(res, 403, { error: 'This needs a staff session with catalog:read.', code: 'FORBIDDEN' });
      return;
    }
    let filter: ProductFilter | null;
    try {
      filter = filterFrom(new URL(req.url ?? '/', 'http://gateway').searchParams);
    } catch (error) {
      sendJson(res, 400, { error: (error as Error).message, code: 'BAD_USER_INPUT' });
      return;
    }
    const stamp = new Date().toISOString().slice(0, 10);
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="products-${stamp}.csv"`,
      'cache-control': 'no-store',
    });
    await pipeline(exportProducts(db, filter, { includeCost: scopes.includes('catalog:read_cost') }), res);
  },
};
