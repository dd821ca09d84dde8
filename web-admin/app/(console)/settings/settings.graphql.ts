import { graphql } from '@/gql';
import type { ShopSettingsUpdateInput } from '@/gql/graphql';

export type { CurrencyCode, ShopSettingsUpdateInput } from '@/gql/graphql';

/** Saves the shop's settings (settings:manage, step-up). */
export const ShopSettingsUpdate = graphql(`
  mutation ShopSettingsUpdate($input: ShopSettingsUpdateInput!) {
    shopSettingsUpdate(input: $input) {
      shopSettings {
        timeZone
        currencyCode
        weekStartsOn
        buddhistEra
        hijri
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** Every field of the form, as it sends them. */
export type ShopSettingsFields = Required<{ [K in keyof ShopSettingsUpdateInput]: NonNullable<ShopSettingsUpdateInput[K]> }>;
