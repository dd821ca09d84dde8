/**
 * Classes of protected data. Policy protects data, not fields: the same phone
 * number sits on a member, an order's address and a cart's address; the same
 * internal note on a timeline entry and a refund. Each class has ONE rule, and
 * every field that carries the class, on every type, has that rule in the SDL;
 * every filter, search or sort key that could reveal the value (an oracle)
 * needs the same rule. tests/graph/data-classes.test.ts walks the supergraph:
 * a field that looks like a class (an `email`, a `note`, a field of an address
 * type, a cost) without its rule fails it.
 *
 * A rule is what the gateway checks: the scope alternatives (outer list any
 * of, inner all of) and the policies, as @requiresScopes and @policy write
 * them. The self scopes (customer:self, staff:self) let callers read their own
 * data; the subgraphs' row rules keep them to it (`mayRead` with `own`).
 */
import { selfScopesOf, type Policy, type Scope, type SelfScope } from './scopes.js';

export interface DataClassRule {
  /** Any one inner list, all of its scopes. */
  scopes: (Scope | SelfScope)[][];
  /** Any one inner list, all of its policies; absent when the class asks for none. */
  policies?: Policy[][];
}

export interface DataClass {
  title: string;
  description: string;
  rule: DataClassRule;
  /** `Type.field` of every field carrying the class whose name or type the test's patterns would not recognise. */
  fields: string[];
  /** `Input.field` or `Enum.VALUE` that filters, searches or sorts by the class, and where it is enforced. */
  oracles: Record<string, string>;
}

export const DATA_CLASSES = {
  pii: {
    title: 'Contact data (PII)',
    description:
      "People's names, email addresses, phone numbers and street address lines: members, order and cart addresses; and a customer's own free-text words on a return request, which may hold any of them. A customer reads their own.",
    rule: { scopes: [['members:read_pii'], ['customer:self']] },
    fields: [
      'Member.email', 'Member.phone', 'Member.givenName', 'Member.familyName', 'Member.birthday', 'Member.addresses',
      'CustomerProfile.email', 'CustomerProfile.phone',
      'CustomerAddress.name', 'CustomerAddress.phone', 'CustomerAddress.line1', 'CustomerAddress.line2',
      'CustomerAddress.city', 'CustomerAddress.postalCode',
      'ReturnRequest.customerNote',
    ],
    oracles: {
      'MemberFilter.contact': 'members subgraph: FORBIDDEN without members:read_pii',
      'MemberFilter.query':
        'members subgraph: an email or phone number is FORBIDDEN without members:read_pii; other text matches given and family names only for callers holding it',
      'OrderFilter.search':
        "orders subgraph: the recipient's name and phone number are searched only for callers who may read contact data; order and tracking numbers for everyone",
    },
  },
  memberProfile: {
    title: 'Member profile',
    description:
      "A member's display name, tier, points, store credit, their ledgers, enrolment date, gender, language, channel, tags, consents and their history, last-seen time and state, their storefront behaviour summary, purchase statistics and recommendations. A customer reads their own.",
    rule: { scopes: [['members:read'], ['customer:self']] },
    fields: [
      'Member.displayName', 'Member.tier', 'Member.points', 'Member.createdAt', 'Member.storeCredit',
      'Member.pointsLedger', 'Member.storeCreditLedger', 'TierRule.tier', 'Member.gender', 'Member.locale',
      'Member.acquisitionChannel', 'Member.tags', 'Member.consents', 'Member.consentHistory', 'Member.lastSeenAt',
      'Member.disabled', 'Member.mergedInto', 'Member.behaviour', 'Member.statistics', 'Member.recommendedProducts',
    ],
    oracles: {
      'MemberFilter.tier': 'only on Query.members, which requires members:read',
      'MemberSortKey.DISPLAY_NAME': 'only on Query.members, which requires members:read',
      'SegmentRuleInput.tiers': 'only in segment rules (segmentPreview and the segment mutations), which require members:read',
      'SegmentRuleKind.TIER': 'only in segment rules (segmentPreview and the segment mutations), which require members:read',
      'ReportDimension.MEMBER_TIER': 'reports subgraph: splitting or filtering a report by it is FORBIDDEN without members:read',
    },
  },
  internalNotes: {
    title: 'Internal notes',
    description:
      "What staff write for each other: timeline notes, a refund's reason, a payment's operator note, a return request's staff note, the reason for a manual points or store-credit adjustment. Staff only; customers read only customer-facing timeline entries and their ledger entries without the note.",
    rule: { scopes: [['orders:read_internal']], policies: [['staff']] },
    fields: ['OrderHistoryEntry.note', 'PaymentTransaction.note', 'PointsEntry.note', 'StoreCreditEntry.note', 'ReturnRequest.staffNote'],
    oracles: {},
  },
  memberNotes: {
    title: 'Internal member notes',
    description:
      "What staff write about a member for each other: profile notes and contact log summaries. Staff holding members:read; never partners, never the member.",
    rule: { scopes: [['members:read']], policies: [['staff']] },
    fields: ['Member.notes', 'ContactLogEntry.summary'],
    oracles: {},
  },
  privacyRequests: {
    title: 'Privacy requests',
    description:
      "A member's data exports and erasures: their progress and the export's download link, whose file holds every class above. Staff holding members:write and members:read_pii, as asking for one needs.",
    rule: { scopes: [['members:write', 'members:read_pii']], policies: [['staff']] },
    fields: ['Query.privacyRequest', 'Member.privacyRequests', 'PrivacyRequest.downloadUrl', 'PrivacyRequest.reason', 'PrivacyRequest.status'],
    oracles: {},
  },
  staffAccounts: {
    title: 'Staff accounts',
    description: "A staff member's sign-in email, roles, scopes and last sign-in. Administrators and auditors; each staff member their own.",
    rule: { scopes: [['access:admin'], ['audit:read'], ['staff:self']] },
    fields: ['Staff.email', 'Staff.roles', 'Staff.scopes', 'Staff.lastLoginAt', 'Staff.disabled'],
    oracles: {
      'StaffFilter.query': 'only on Query.staff, which requires access:admin or audit:read',
    },
  },
  staffIdentities: {
    title: 'Who of the staff acted',
    description: 'Which staff member or key made a change: timeline entries, stock movements, audit entries, flag rule changes, manual points and store-credit adjustments. Colleagues only, never customers or partners.',
    rule: { scopes: [], policies: [['staff']] },
    fields: [
      'OrderHistoryEntry.staff', 'OrderBatchRun.startedBy', 'StockMovement.actorId', 'AuditEntry.actorId', 'OrderFlagRule.updatedBy',
      'PointsEntry.actorId', 'StoreCreditEntry.actorId',
      'MemberConsentChange.staff', 'ContactLogEntry.staff',
    ],
    oracles: {
      'AuditLogFilter.actorId': 'only on Query.auditLog, which requires audit:read (staff roles only)',
    },
  },
  fraudSignals: {
    title: 'Fraud signals',
    description:
      'Flags raised on orders, their reasons and messages, and the abnormal-order rules with their thresholds. Staff only. Whether an order is on hold is order state (fulfilment needs it; a hold may be manual), not a signal.',
    rule: { scopes: [['orders:read_internal']], policies: [['staff']] },
    fields: ['Order.flags', 'Query.orderFlagRules', 'OrderFlagRulesUpdatePayload.rules'],
    oracles: {
      'OrderFilter.flagged': 'orders subgraph: FORBIDDEN unless the caller may read fraud signals',
    },
  },
  cost: {
    title: 'Cost',
    description: 'What stock costs the shop: variant cost prices, supplier costs, purchase order amounts.',
    rule: { scopes: [['catalog:read_cost']] },
    fields: [
      'ProductVariant.costPrice',
      'SupplierProduct.cost',
      'PurchaseOrderLine.unitCost',
      'PurchaseOrder.total',
    ],
    // No list sorts or filters by cost; the product import's dry run compares cost only for its readers.
    oracles: {},
  },
} as const satisfies Record<string, DataClass>;

export type DataClassName = keyof typeof DATA_CLASSES;

/** What `mayRead` needs of a principal (the kit's Principal satisfies it). */
export interface ClassReader {
  kind: 'anonymous' | 'customer' | 'staff' | 'partner';
  scopes?: readonly string[];
}

/**
 * Whether `principal` may read data of `className`, for row rules and oracles
 * inside the subgraphs. `own` says the row is the caller's own (their order,
 * their account): only then do the self scopes count.
 */
export function mayRead(className: DataClassName, principal: ClassReader, { own = false } = {}): boolean {
  const rule: DataClassRule = DATA_CLASSES[className].rule;
  const granted = principal.kind === 'staff' || principal.kind === 'partner' ? (principal.scopes ?? []) : [];
  const self = own ? selfScopesOf(principal.kind) : [];
  const held = new Set<string>([...granted, ...self]);
  const scopesHold = rule.scopes.length === 0 || rule.scopes.some((all) => all.every((s) => held.has(s)));
  const policyHolds = (policy: Policy) =>
    policy === 'public' ||
    (policy === 'staff' && principal.kind === 'staff') ||
    (policy === 'customer' && principal.kind === 'customer');
  const policiesHold = !rule.policies || rule.policies.some((all) => all.every(policyHolds));
  return scopesHold && policiesHold;
}

/** The SDL directives of a class, as every field carrying it writes them. */
export function directivesOf(className: DataClassName): string {
  const rule: DataClassRule = DATA_CLASSES[className].rule;
  const parts: string[] = [];
  if (rule.scopes.length) parts.push(`@requiresScopes(scopes: ${JSON.stringify(rule.scopes)})`);
  if (rule.policies?.length) parts.push(`@policy(policies: ${JSON.stringify(rule.policies)})`);
  return parts.join(' ');
}
