import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';

import { ContentTabs } from '@/components/content/content-tabs';
import type { ContentLocale } from '@/components/content/locales';
import { PlacementEditor, type PlacementDraft } from '@/components/content/placement-editor';
import { PlacementList, type PlacementListRow } from '@/components/content/placement-list';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { shopDateTimeFormat } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { toShopLocal } from '@/lib/shop-time';
import { getViewer } from '@/lib/viewer';

import type { PlacementKind } from './actions';
import { AnnouncementDetail, AnnouncementsList, BannerDetail, BannersList, type OrderChannel } from './content.graphql';


const englishTitle = (texts: readonly { locale: string; title: string }[]) => texts.find((text) => text.locale === 'en')?.title ?? texts[0]?.title ?? '';

/** The list of banners or announcements in display order (every one not archived: the order covers them all). */
export async function PlacementListPage({ kind }: { kind: PlacementKind }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'content')) return <Forbidden />;
  const [locale, t, shop] = await Promise.all([getLocale(), getTranslations('content'), getShopSettings()]);
  // A moment on the shop's clock, in the viewer's words.
  const shopTime = (iso: string) => shopDateTimeFormat(locale, shop).format(new Date(iso));
  const { data, errors } = kind === 'banner' ? await request(BannersList, { first: 100 }) : await request(AnnouncementsList, { first: 100 });
  const connection = data && ('banners' in data ? data.banners : data.announcements);
  if (!connection) return pageFailure(errors);
  const rows: PlacementListRow[] = connection.edges.map(({ node }) => ({
    id: node.id,
    title: englishTitle(node.texts),
    imageUrl: (node as { imageUrl?: string }).imageUrl ?? null,
    channels: node.channels,
    locales: node.locales,
    schedule: node.endsAt
      ? t('scheduleRange', { from: shopTime(node.startsAt), to: shopTime(node.endsAt) })
      : t('scheduleFrom', { from: shopTime(node.startsAt) }),
    status: node.status,
  }));
  const segment = kind === 'banner' ? 'banners' : 'announcements';
  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          viewer.scopes.includes('marketing:write') ? (
            <Link href={`/content/${segment}/new`} data-testid={`${kind}-new`}>
              {t(kind === 'banner' ? 'newBanner' : 'newAnnouncement')}
            </Link>
          ) : undefined
        }
      />
      <ContentTabs />
      <PlacementList kind={kind} rows={rows} editable={viewer.scopes.includes('marketing:write')} />
    </>
  );
}

/** A new banner or announcement (no id), or one to edit. */
export async function PlacementEditorPage({ kind, id }: { kind: PlacementKind; id: string | null }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'content')) return <Forbidden />;
  const t = await getTranslations('content');
  const shop = await getShopSettings();
  const { timeZone } = shop;
  let draft: PlacementDraft = { id: null, texts: {}, imageUrl: '', linkUrl: '', channels: [], locales: [], startsAt: '', endsAt: '' };
  let archived = false;
  if (id) {
    const { data, errors } = kind === 'banner' ? await request(BannerDetail, { id }) : await request(AnnouncementDetail, { id });
    const node = data && ('banner' in data ? data.banner : data.announcement);
    if (!node) return errors.length ? pageFailure(errors) : notFound();
    archived = node.status === 'ARCHIVED';
    draft = {
      id: node.id,
      texts: Object.fromEntries(node.texts.map((text) => [text.locale as ContentLocale, { title: text.title, body: text.body ?? '' }])),
      imageUrl: (node as { imageUrl?: string }).imageUrl ?? '',
      linkUrl: node.linkUrl ?? '',
      channels: node.channels as OrderChannel[],
      locales: node.locales,
      startsAt: toShopLocal(node.startsAt, timeZone),
      endsAt: node.endsAt ? toShopLocal(node.endsAt, timeZone) : '',
    };
  }
  const title = id ? t(kind === 'banner' ? 'editBanner' : 'editAnnouncement') : t(kind === 'banner' ? 'newBanner' : 'newAnnouncement');
  return (
    <>
      <PageHeader title={title} description={archived ? t('status.ARCHIVED') : undefined} />
      <PlacementEditor kind={kind} draft={draft} editable={viewer.scopes.includes('marketing:write') && !archived} timeZone={timeZone} />
    </>
  );
}
