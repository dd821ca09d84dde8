// Recommendations by item-to-item collaborative filtering over members' copy of orders (member_order).
import { sql } from 'drizzle-orm';
import { isId, type Db } from '@shop/kit';
import { offerableProductIds } from '@shop/products/commands';
import { memberOrder, UNCOUNTED_STATUSES } from '../statistics/index.js';
import { productNeighbour } from './tables.js';

/**
 * Neighbours kept per product: twice the most a caller may ask for, so that
 * `first` results usually remain after inactive and sold-out products are
 * filtered out at read time.
 */
export const NEIGHBOURS_KEPT = 40;

/** The most recommendations one field answers. */
export const MAX_RECOMMENDATIONS = 20;

/** Candidates read per member before filtering, for the same reason as NEIGHBOURS_KEPT. */
const MEMBER_CANDIDATES = 3 * MAX_RECOMMENDATIONS;

/** A product of the products domain, as members refer to it. */
export interface ProductRef {
  id: string;
}

/** One recommended product: its score, and for bought-together the orders that held both. */
export interface Recommendation {
  /** The product (bought together) or member (for you) the recommendation is for. */
  ownerId: string;
  productId: string;
  score: number;
  coCount: number | null;
}

const uncounted = () => sql`${sql.param([...UNCOUNTED_STATUSES])}::text[]`;

/**
 * Rebuilds product_neighbour from every counted order in member_order, set-based
 * in PostgreSQL (Node holds no order or pair; the server spills big sorts to
 * temp files), and replaces the old rows in the same transaction, so readers
 * see the old neighbours until it commits and the new ones after. Similarity is
 * cosine over orders: co(a,b) / sqrt(n(a) · n(b)), where n counts the orders
 * holding a product and co those holding both (a product listed twice in an
 * order counts once). Ties rank by co_count, then neighbour id. Idempotent;
 * two runs at once take turns. `db` is the pool.
 */
export async function recomputeRecommendations(db: Db): Promise<{ neighbours: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('members.recommendations', 0))`);
    await tx.delete(productNeighbour);
    const inserted = await tx.execute(sql`
      with items as (
        select distinct o.order_id, p::uuid as product_id
        from ${memberOrder} o, unnest(o.product_ids) as p
        where o.status <> all(${uncounted()})),
      orders_per_product as (
        select product_id, count(*)::float8 as n from items group by product_id),
      pairs as (
        select a.product_id, b.product_id as neighbour_id, count(*)::int as co_count
        from items a join items b on b.order_id = a.order_id and b.product_id <> a.product_id
        group by a.product_id, b.product_id),
      scored as (
        select p.product_id, p.neighbour_id, p.co_count, p.co_count / sqrt(na.n * nb.n) as score
        from pairs p
        join orders_per_product na on na.product_id = p.product_id
        join orders_per_product nb on nb.product_id = p.neighbour_id),
      ranked as (
        select s.*, row_number() over (partition by s.product_id order by s.score desc, s.co_count desc, s.neighbour_id) as rank
        from scored s)
      insert into ${productNeighbour} (product_id, neighbour_id, score, co_count)
      select product_id, neighbour_id, score, co_count from ranked where rank <= ${NEIGHBOURS_KEPT}`);
    // Fresh statistics for the read-time queries: with the old ones the planner scanned the whole table
    // for one member's neighbours (1 s instead of 27 ms at 200,000 orders) until autovacuum came by.
    await tx.execute(sql`analyze ${productNeighbour}`);
    return { neighbours: inserted.count ?? 0 };
  });
}

/** Keeps the recommendations of products a shopper may be offered now (products' read command), in order. */
async function offerable(db: Db, rows: Recommendation[]): Promise<Recommendation[]> {
  const ids = await offerableProductIds(db, rows.map((row) => row.productId));
  return rows.filter((row) => ids.has(row.productId));
}

/** Each product's stored neighbours that may be offered, best first, for the per-request loader. */
export async function boughtTogetherOf(db: Db, productIds: readonly string[]): Promise<Recommendation[]> {
  const rows = await db.execute<{ owner_id: string; product_id: string; score: number; co_count: number }>(sql`
    select product_id as owner_id, neighbour_id as product_id, score, co_count from ${productNeighbour}
    where product_id = any(${sql.param(productIds.filter(isId))}::uuid[])
    order by owner_id, score desc, co_count desc, neighbour_id`);
  return offerable(
    db,
    rows.map((row) => ({ ownerId: row.owner_id, productId: row.product_id, score: row.score, coCount: row.co_count })),
  );
}

/**
 * "For you", computed at read time: for each member, every product that
 * neighbours one they bought in a counted order, scored by the sum of those
 * neighbour scores, without the products they bought; the best
 * MEMBER_CANDIDATES per member, then those that may be offered, best first.
 * Ties rank by product id.
 */
export async function recommendationsFor(db: Db, memberIds: readonly string[]): Promise<Recommendation[]> {
  const rows = await db.execute<{ owner_id: string; product_id: string; score: number }>(sql`
    with bought as (
      select distinct o.member_id, p::uuid as product_id
      from ${memberOrder} o, unnest(o.product_ids) as p
      where o.member_id = any(${sql.param([...memberIds])}::uuid[]) and o.status <> all(${uncounted()})),
    candidates as (
      select b.member_id, n.neighbour_id as product_id, sum(n.score) as score
      from bought b join ${productNeighbour} n on n.product_id = b.product_id
      where not exists (select 1 from bought x where x.member_id = b.member_id and x.product_id = n.neighbour_id)
      group by b.member_id, n.neighbour_id),
    ranked as (
      select c.*, row_number() over (partition by c.member_id order by c.score desc, c.product_id) as rank
      from candidates c)
    select member_id as owner_id, product_id, score from ranked
    where rank <= ${MEMBER_CANDIDATES} order by member_id, rank`);
  return offerable(
    db,
    rows.map((row) => ({ ownerId: row.owner_id, productId: row.product_id, score: row.score, coCount: null })),
  );
}
