import { graphql } from '@/gql';
import type { ArticleDetailQuery, BannerDetailQuery, AnnouncementDetailQuery } from '@/gql/graphql';

export const BannersList = graphql(`
  query BannersList($first: Int, $filter: PlacementFilter) {
    banners(first: $first, filter: $filter) {
      totalCount
      edges {
        node {
          id
          texts {
            locale
            title
          }
          imageUrl
          channels
          locales
          position
          startsAt
          endsAt
          status
        }
      }
    }
  }
`);

export const AnnouncementsList = graphql(`
  query AnnouncementsList($first: Int, $filter: PlacementFilter) {
    announcements(first: $first, filter: $filter) {
      totalCount
      edges {
        node {
          id
          texts {
            locale
            title
          }
          channels
          locales
          position
          startsAt
          endsAt
          status
        }
      }
    }
  }
`);

export const BannerDetail = graphql(`
  query BannerDetail($id: ID!) {
    banner(id: $id) {
      id
      texts {
        locale
        title
        body
      }
      imageUrl
      linkUrl
      channels
      locales
      startsAt
      endsAt
      status
    }
  }
`);

export const AnnouncementDetail = graphql(`
  query AnnouncementDetail($id: ID!) {
    announcement(id: $id) {
      id
      texts {
        locale
        title
        body
      }
      linkUrl
      channels
      locales
      startsAt
      endsAt
      status
    }
  }
`);

export const ArticlesList = graphql(`
  query ArticlesList($first: Int, $after: String, $last: Int, $before: String, $filter: ArticleFilter) {
    contentArticles(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          slug
          texts {
            locale
            title
          }
          status
          live
          publishedAt
          updatedAt
        }
      }
    }
  }
`);

export const ArticleDetail = graphql(`
  query ArticleDetail($id: ID!) {
    contentArticle(id: $id) {
      id
      slug
      texts {
        locale
        title
        summary
        body
      }
      status
      live
      publishedAt
      coverImageUrl
    }
  }
`);

export const BannerCreate = graphql(`
  mutation BannerCreate($input: BannerCreateInput!) {
    bannerCreate(input: $input) {
      banner {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const BannerUpdate = graphql(`
  mutation BannerUpdate($input: BannerUpdateInput!) {
    bannerUpdate(input: $input) {
      banner {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const BannerArchive = graphql(`
  mutation BannerArchive($input: BannerArchiveInput!) {
    bannerArchive(input: $input) {
      banner {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const BannerReorder = graphql(`
  mutation BannerReorder($input: BannerReorderInput!) {
    bannerReorder(input: $input) {
      banners {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const AnnouncementCreate = graphql(`
  mutation AnnouncementCreate($input: AnnouncementCreateInput!) {
    announcementCreate(input: $input) {
      announcement {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const AnnouncementUpdate = graphql(`
  mutation AnnouncementUpdate($input: AnnouncementUpdateInput!) {
    announcementUpdate(input: $input) {
      announcement {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const AnnouncementArchive = graphql(`
  mutation AnnouncementArchive($input: AnnouncementArchiveInput!) {
    announcementArchive(input: $input) {
      announcement {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const AnnouncementReorder = graphql(`
  mutation AnnouncementReorder($input: AnnouncementReorderInput!) {
    announcementReorder(input: $input) {
      announcements {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const ArticleCreate = graphql(`
  mutation ArticleCreate($input: ArticleCreateInput!) {
    articleCreate(input: $input) {
      article {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const ArticleUpdate = graphql(`
  mutation ArticleUpdate($input: ArticleUpdateInput!) {
    articleUpdate(input: $input) {
      article {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const ArticlePublish = graphql(`
  mutation ArticlePublish($input: ArticlePublishInput!) {
    articlePublish(input: $input) {
      article {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const ArticleArchive = graphql(`
  mutation ArticleArchive($input: ArticleArchiveInput!) {
    articleArchive(input: $input) {
      article {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export type BannerDetailNode = NonNullable<BannerDetailQuery['banner']>;
export type AnnouncementDetailNode = NonNullable<AnnouncementDetailQuery['announcement']>;
export type ArticleDetailNode = NonNullable<ArticleDetailQuery['contentArticle']>;
export type { ArticleStatus, OrderChannel, PlacementStatus } from '@/gql/graphql';
