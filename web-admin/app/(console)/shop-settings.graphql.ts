import { graphql } from '@/gql';

/** The shop's settings, public: the zone, calendars, week start and currency every page formats with. */
export const ConsoleShopSettings = graphql(`
  query ConsoleShopSettings {
    shopSettings {
      timeZone
      currencyCode
      weekStartsOn
      buddhistEra
      hijri
    }
  }
`);
