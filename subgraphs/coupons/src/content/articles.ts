// Articles: staff writes (create, edit, publish, archive), the staff list, and the storefront's published reads.
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { anyId, changeOf, connectionOf, isId, ok, type ChangeRecord, type ConnectionArgs, type Db } from '@shop/kit';
import { articleCreateInput, articleUpdateInput, checkInput } from './checks.js';
import { contentFail, type ContentResult } from '../errors/index.js';
import { article, type ArticleRow, type ArticleStatus } from './tables.js';
import { storedArticleTexts } from './texts.js';

const withCheckedTexts = (row: ArticleRow): ArticleRow => ({ ...row, texts: storedArticleTexts.parse(row.texts) });

/** What the audit log keeps of an article: which locales changed, not the whole bodies. */
const audited = (row: ArticleRow) => ({
  slug: row.slug,
  titles: Object.fromEntries(Object.entries(row.texts).map(([locale, text]) => [locale, text!.title])),
  bodies: Object.fromEntries(Object.entries(row.texts).map(([locale, text]) => [locale, text!.body.length])),
  coverImageUrl: row.coverImageUrl,
  status: row.status,
  publishedAt: row.publishedAt?.toISOString() ?? null,
});

/** Whether another article holds this slug. */
async function slugTaken(tx: Db, slug: string, exceptId?: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: article.id })
    .from(article)
    .where(and(eq(article.slug, slug), exceptId ? sql`${article.id} <> ${exceptId}` : undefined));
  return !!row;
}

/** Creates a draft article; its Markdown is rendered to sanitised HTML once, here. `tx` is the mutation's. */
export async function createArticle(tx: Db, input: unknown, changes: ChangeRecord[]): Promise<ContentResult<ArticleRow>> {
  const checked = checkInput(articleCreateInput, input);
  if (!checked.ok) return checked;
  const { slug, texts, coverImageUrl } = checked.value;
  // The unique index settles a race; this check answers the common case.
  if (await slugTaken(tx, slug)) return contentFail('SLUG_TAKEN', ['input', 'slug']);
  const [row] = await tx
    .insert(article)
    .values({ slug, texts, coverImageUrl: coverImageUrl ?? null })
    .onConflictDoNothing()
    .returning();
  if (!row) return contentFail('SLUG_TAKEN', ['input', 'slug']);
  changes.push({ entity: 'Article', id: row.id, before: {}, after: audited(row) });
  return ok(withCheckedTexts(row));
}

/** The article locked for a write: it exists and is not archived. */
async function writableArticle(tx: Db, id: string): Promise<ContentResult<ArticleRow>> {
  if (!isId(id)) return contentFail('ARTICLE_NOT_FOUND', ['input', 'id']);
  const [row] = await tx.select().from(article).where(eq(article.id, id)).for('update');
  if (!row) return contentFail('ARTICLE_NOT_FOUND', ['input', 'id']);
  if (row.status === 'ARCHIVED') return contentFail('ARCHIVED', ['input', 'id']);
  return ok(withCheckedTexts(row));
}

async function writeArticle(tx: Db, found: ArticleRow, set: Partial<ArticleRow>, changes: ChangeRecord[]): Promise<ArticleRow> {
  const [row] = await tx
    .update(article)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(article.id, found.id))
    .returning();
  const change = changeOf('Article', found.id, audited(found), audited(row!));
  if (change) changes.push(change);
  return withCheckedTexts(row!);
}

/** Changes the slug, texts (all locales given replace the old ones) or cover; a published article stays published. */
export async function updateArticle(tx: Db, input: { id: string }, changes: ChangeRecord[]): Promise<ContentResult<ArticleRow>> {
  const found = await writableArticle(tx, input.id);
  if (!found.ok) return found;
  const checked = checkInput(articleUpdateInput, input);
  if (!checked.ok) return checked;
  const { id: _id, ...values } = checked.value;
  if (values.slug && (await slugTaken(tx, values.slug, input.id))) return contentFail('SLUG_TAKEN', ['input', 'slug']);
  const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<ArticleRow>;
  return ok(await writeArticle(tx, found.value, set, changes));
}

/**
 * Publishes an article at `publishedAt` (now when omitted; a later time
 * schedules it). Publishing a published article without a time keeps its time.
 */
export async function publishArticle(tx: Db, input: { id: string; publishedAt?: Date | null }, changes: ChangeRecord[], now: Date = new Date()): Promise<ContentResult<ArticleRow>> {
  const found = await writableArticle(tx, input.id);
  if (!found.ok) return found;
  const publishedAt = input.publishedAt ?? (found.value.status === 'PUBLISHED' ? found.value.publishedAt : now);
  return ok(await writeArticle(tx, found.value, { status: 'PUBLISHED', publishedAt }, changes));
}

/** Archives an article: storefronts stop showing it at once, and it can no longer change. */
export async function archiveArticle(tx: Db, id: string, changes: ChangeRecord[]): Promise<ContentResult<ArticleRow>> {
  const found = await writableArticle(tx, id);
  if (!found.ok) return found;
  return ok(await writeArticle(tx, found.value, { status: 'ARCHIVED' }, changes));
}

export interface ArticleFilter {
  /** Only articles in these states; by default DRAFT and PUBLISHED. */
  status?: readonly ArticleStatus[] | null;
}

/** One keyset page of articles for staff, newest first. `db` may be the pool. */
export function listArticles(db: Db, args: ConnectionArgs & { filter?: ArticleFilter | null }) {
  const statuses = args.filter?.status?.length ? [...args.filter.status] : (['DRAFT', 'PUBLISHED'] as ArticleStatus[]);
  const filter = inArray(article.status, statuses);
  return connectionOf(args, {
    sort: article.createdAt,
    id: article.id,
    descending: true,
    filter,
    rows: async (page) => (await db.select().from(article).where(page.where).orderBy(...page.orderBy).limit(page.limit)).map(withCheckedTexts),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: async () => (await db.select({ n: count() }).from(article).where(filter))[0]!.n,
  });
}

export async function articlesByIds(db: Db, ids: readonly string[]): Promise<ArticleRow[]> {
  return (await db.select().from(article).where(anyId(article.id, ids))).map(withCheckedTexts);
}

/** Published and its time has come: what a storefront may read. */
const isLive = (now: Date) => sql`${article.status} = 'PUBLISHED' and ${article.publishedAt} <= ${now.toISOString()}::timestamptz`;

/** The live article with this slug, or null (drafts, archived and scheduled ones are not found). */
export async function liveArticleBySlug(db: Db, slug: string, now: Date = new Date()): Promise<ArticleRow | null> {
  const [row] = await db
    .select()
    .from(article)
    .where(and(eq(article.slug, slug.trim().toLowerCase()), isLive(now)));
  return row ? withCheckedTexts(row) : null;
}

/** One keyset page of live articles, newest published first. */
export function liveArticles(db: Db, args: ConnectionArgs, now: Date = new Date()) {
  const filter = isLive(now);
  return connectionOf(args, {
    sort: article.publishedAt,
    id: article.id,
    descending: true,
    filter,
    rows: async (page) => (await db.select().from(article).where(page.where).orderBy(...page.orderBy).limit(page.limit)).map(withCheckedTexts),
    keyset: (row) => ({ value: row.publishedAt!.toISOString(), id: row.id }),
    count: async () => (await db.select({ n: count() }).from(article).where(filter))[0]!.n,
  });
}

