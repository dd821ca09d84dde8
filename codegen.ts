/**
 * `pnpm codegen`: resolver types for every subgraph, from its SDL exactly as served
 * (kit `subgraphSdl`), into subgraphs/<domain>/src/generated/resolvers-types.ts.
 * `pnpm compose` runs it after composing; tests/graph/generated-types.test.ts fails
 * while a committed file differs from a fresh generation.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';
import { Kind, print, type DocumentNode, type TypeNode } from 'graphql';
import { DOMAIN_NAMES, type DomainName } from './gateway/src/domains.js';
import { subgraphSdl } from './subgraphs/kit/src/sdl.js';

/**
 * What each domain's resolvers hand to the fields below them, per GraphQL type:
 * `<module relative to src/generated>#<type>` (aliased where the names clash). A type without a mapper is
 * returned shaped as the schema says. Connections need none here: see `connectionMappers`.
 */
const MAPPERS: Record<DomainName, Record<string, string>> = {
  access: {
    Staff: '../staff/service.js#Staff as StaffModel',
    Role: '../tables.js#RoleRow',
    ApiKey: '../api-keys/service.js#ApiKey as ApiKeyModel',
    WebhookSubscription: '../webhooks/service.js#WebhookSubscription as WebhookSubscriptionModel',
    WebhookDelivery: '../webhooks/tables.js#WebhookDeliveryRow',
    WebhookAttempt: '../webhooks/tables.js#WebhookAttemptRow',
    ShopSettings: '@shop/kit/shop-settings#ShopSettings as ShopSettingsModel',
  },
  products: {
    Product: '../service.js#ProductNode',
    ProductVariant: '../tables.js#VariantRow',
    ProductMedia: '../tables.js#MediaRow',
    ProductTranslation: '../tables.js#TranslationRow',
    Category: '../categories/tables.js#CategoryRow',
    Collection: '../collections/tables.js#CollectionRow',
    Brand: '../tables.js#BrandRow',
    Review: '../reviews/tables.js#ReviewRow',
    Job: '../bulk/service.js#JobView',
  },
  stock: {
    Warehouse: '../tables.js#WarehouseRow',
    StockSummary: '../service.js#StockSummaryView',
    StockLevel: '../service.js#StockLevelView',
    StockMovement: '../ledger/tables.js#MovementRow',
    StockAlert: '../alerts/tables.js#AlertRow',
    StockTransfer: '../transfers/tables.js#TransferRow',
    StockTransferLine: '../transfers/service.js#TransferLineRow',
    StockReservationLine: '../reservations/service.js#ReservedLine',
    Supplier: '../purchasing/tables.js#SupplierRow',
    SupplierProduct: '../purchasing/suppliers.js#SupplierProductInCurrency',
    PurchaseOrder: '../purchasing/tables.js#PurchaseOrderRow',
    PurchaseOrderLine: '../purchasing/purchase-orders.js#PurchaseOrderLineInCurrency',
    PurchaseOrderReceipt: '../purchasing/tables.js#PurchaseOrderReceiptRow',
    ReplenishmentSuggestion: '../purchasing/replenishment.js#ReplenishmentSuggestion as ReplenishmentSuggestionModel',
    StocktakeLine: '../stocktake/service.js#StocktakeLine as StocktakeLineModel',
  },
  members: {
    Member: '../service.js#Member as MemberModel',
    MemberConsent: '../tables.js#MemberConsentRow',
    MemberConsentChange: '../tables.js#MemberConsentEventRow',
    CustomerAddress: '../addresses/tables.js#CustomerAddressRow',
    ContactLogEntry: '../contacts/tables.js#ContactLogRow',
    PointsEntry: '../loyalty/tables.js#PointsEntryRow',
    StoreCreditEntry: '../loyalty/tables.js#CreditEntryRow',
    TierRule: '../loyalty/tiers.js#TierRule as TierRuleModel',
    LoyaltySettings: '../loyalty/tables.js#LoyaltySettingsRow',
    MyPoints: '../loyalty/service.js#OwnPoints',
    WishlistItem: '../wishlist/tables.js#WishlistItemRow',
    MemberStatistics: '../statistics/tables.js#MemberStatisticsRow',
    PrivacyRequest: '../privacy/tables.js#PrivacyRequestRow',
    ProductRecommendation: '../recommendations/service.js#Recommendation',
    Product: '../recommendations/service.js#ProductRef',
    Segment: '../segments/tables.js#SegmentRow',
    SegmentRule: '../segments/rules.js#SegmentRule as SegmentRuleModel',
  },
  orders: {
    Order: '../tables.js#OrderRow',
    OrderLine: '../tables.js#OrderLineRow',
    OrderHistoryEntry: '../tables.js#OrderHistoryRow',
    Cart: '../cart/tables.js#CartRow',
    CartLine: '../cart/tables.js#CartLineRow',
    Payment: '../payments/tables.js#PaymentRow',
    PaymentTransaction: '../payments/tables.js#PaymentTransactionRow',
    PaymentReconciliationEntry: '../payments/reconciliation.js#ReconciliationEntry',
    OrderFlag: '../flags/tables.js#OrderFlagRow',
    ReturnRequest: '../after-sales/tables.js#ReturnRequestRow',
    ReturnRequestLine: '../after-sales/tables.js#ReturnRequestLineRow',
    OrderFlagRule: '../flags/rules.js#FlagRuleSettings',
    OrderBatchRun: '../batch/tables.js#BatchRunRow',
    OrderBatchReportRow: '../batch/tables.js#BatchReportRow',
    Carrier: '../carriers/tables.js#CarrierRow',
    Shipment: '../shipments/tables.js#ShipmentRow',
    ShipmentLine: '../shipments/queries.js#ShipmentLineView',
    TrackingEvent: '../shipments/tables.js#TrackingEventRow',
    Parcel: '../shipments/queries.js#ParcelView',
    UnshippedLine: '../shipments/queries.js#UnshippedLineView',
    ShipmentMergeSuggestion: '../shipments/queries.js#MergeSuggestion',
    DeliveryException: '../delivery-exceptions/tables.js#DeliveryExceptionRow',
    QualityAlert: '../quality/tables.js#QualityAlertRow',
    QualitySettings: '../quality/settings.js#QualityRule',
    ProductReturnStats: '../quality/service.js#ProductReturnStats as ProductReturnStatsModel',
  },
  coupons: {
    Coupon: '../tables.js#CouponRow',
    ClaimableCoupon: '../tables.js#CouponRow',
    CouponBatch: '../issuance/tables.js#CouponBatchRow',
    MyCoupon: '../issuance/wallet.js#WalletCoupon',
    Promotion: '../promotions/tables.js#PromotionRow',
    Banner: '../content/tables.js#PlacementRow',
    Announcement: '../content/tables.js#PlacementRow',
    Article: '../content/tables.js#ArticleRow',
    GroupBuyCampaign: '../group-buys/tables.js#GroupBuyCampaignRow',
    GroupBuyGroup: '../group-buys/tables.js#GroupBuyGroupRow',
    FlashSale: '../flash-sales/tables.js#FlashSaleRow',
    FlashSaleItem: '../flash-sales/tables.js#FlashSaleItemRow',
  },
  reports: {
    SavedReport: '../saved-reports/tables.js#SavedReportRow',
    ReportSchedule: '../schedules/tables.js#ReportScheduleRow',
    ReportDelivery: '../schedules/tables.js#ReportDeliveryRow',
    ReportExport: '../exports/tables.js#ReportExportRow',
    AnomalyRule: '../anomalies/tables.js#AnomalyRuleRow',
    AnomalyAlert: '../anomalies/tables.js#AnomalyAlertRow',
  },
};

/**
 * Enums whose GraphQL names differ from the values the tables hold, as `<module>#<type of the table's values>`:
 * resolvers and inputs then see the table's values, and the enum's resolver map translates at the edge.
 */
const ENUM_VALUES: Partial<Record<DomainName, Record<string, string>>> = {
  members: { MemberLocale: '../service.js#MemberLocale' },
  access: { WebhookEventType: '@shop/kit/domain-events#DomainEventType' },
  coupons: { CouponLocale: '../templates/input.js#CouponLocaleValue' },
};

/** Shared by every domain: Money as the kit builds it (`money()`), with a plain string currency code. */
const SHARED_MAPPERS = { Money: '@shop/kit#MoneyValue' };

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/**
 * Every `XConnection` as the kit builds it (`Connection<Node>`, whose totalCount
 * is a lazy function the default resolver calls), with the node as its resolvers receive it.
 */
function connectionMappers(sdl: DocumentNode): Record<string, string> {
  const fields = new Map(
    sdl.definitions.flatMap((definition) =>
      definition.kind === Kind.OBJECT_TYPE_DEFINITION
        ? [[definition.name.value, new Map((definition.fields ?? []).map((f) => [f.name.value, namedType(f.type)]))] as const]
        : [],
    ),
  );
  return Object.fromEntries(
    [...fields].flatMap(([name, own]) => {
      const edge = own.get('edges');
      const node = edge ? fields.get(edge)?.get('node') : undefined;
      return name.endsWith('Connection') && own.has('totalCount') && node
        ? [[name, `@shop/kit#Connection<ResolversParentTypes['${node}']>`]]
        : [];
    }),
  );
}

const HEADER = [
  "// Generated by `pnpm codegen` (codegen.ts) from this domain's SDL: do not edit.",
  "import type { Loaders } from '../loaders.js';",
];

const config: CodegenConfig = {
  silent: true,
  generates: Object.fromEntries(
    DOMAIN_NAMES.map((name) => {
      const sdl = subgraphSdl(name);
      return [
        `subgraphs/${name}/src/generated/resolvers-types.ts`,
        {
          schema: print(sdl),
          plugins: [{ add: { content: HEADER } }, 'typescript', 'typescript-resolvers'],
          config: {
            federation: true,
            useTypeImports: true,
            contextType: '@shop/kit#SubgraphContext<Loaders>',
            // What the kit's scalars parse to and accept (subgraphs/kit/src/scalars.ts).
            scalars: { Decimal: 'string', DateTime: 'Date' },
            // Enum values travel as the strings the tables hold.
            enumsAsTypes: true,
            mappers: { ...SHARED_MAPPERS, ...connectionMappers(sdl), ...MAPPERS[name] },
            enumValues: ENUM_VALUES[name] ?? {},
          },
        },
      ];
    }),
  ),
};

export default config;
