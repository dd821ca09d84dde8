import { randomUUID } from 'node:crypto';
import { DATA_CLASSES, type DataClassRule } from '../../schema/data-classes.js';
import { selfScopesOf } from '../../schema/scopes.js';
import type { TestGateway } from '../kit/gateway.js';
import { customerLogin, type Caller } from '../kit/callers.js';

/**
 * The permission matrix over data classes: for each class, the paths of the
 * supergraph that reach it (lists, single orders, a customer's own orders, a
 * member's orders, carts, profiles, timelines, filters and searches), for every
 * caller. The expectation comes from the class rules in schema/data-classes.ts
 * and the documented row rules, step by step along the path; the outcome from
 * the gateway. A cell is `value` (read), `denied` (FORBIDDEN or UNAUTHENTICATED
 * at the path or above it) or `absent` (null or missing without an error: a
 * row rule hid the row).
 */
export type Outcome = 'value' | 'denied' | 'absent';

/** A caller of the matrix: who it is and whose data is theirs. */
export interface MatrixCaller extends Caller {
  /** The customer who placed the matrix order. */
  ownsOrder: boolean;
}

type Step =
  | { rule: DataClassRule; why: string }
  | { row: (caller: MatrixCaller) => boolean; otherwise: Exclude<Outcome, 'value'>; why: string };

/** A path element: a key, or a predicate choosing the list item the case is about. */
type PathElement = string | ((item: any) => boolean);

export interface DataClassCase {
  path: string;
  query: string;
  read: PathElement[];
  steps: Step[];
}

/** What the matrix order and its people are, made through the API by `setUp`. */
export interface Fixture {
  orderId: string;
  number: string;
  memberId: string;
  cartId: string;
  guestCartId: string;
  purchaseOrderId: string;
  phone: string;
  recipient: string;
  /** The matrix member's own email and phone number, for the members search. */
  memberEmail: string;
  memberPhone: string;
  /** The matrix member's data export, asked for by the owner (pending: no job worker runs here). */
  privacyRequestId: string;
  /** A return request the customer opened (with their note) on a second, shipped order, approved by the owner with a staff note. */
  returnRequestId: string;
}

// Root rules, as the SDL writes them.
const ORDERS: Step = { rule: { scopes: [['orders:read']] }, why: 'Query.orders' };
const ORDER: Step = { rule: { scopes: [['orders:read'], ['customer:self']] }, why: 'Query.order' };
const MY_ORDERS: Step = { rule: { scopes: [], policies: [['customer']] }, why: 'Query.myOrders' };
const MY_ORDER: Step = { rule: { scopes: [], policies: [['customer']] }, why: 'Query.myOrder' };
const MEMBER: Step = { rule: { scopes: [['members:read']] }, why: 'Query.member' };
const MEMBER_ORDERS: Step = { rule: { scopes: [['orders:read']] }, why: 'Member.orders' };
const MY_PROFILE: Step = { rule: { scopes: [], policies: [['customer']] }, why: 'Query.myProfile' };
const STOCK: Step = { rule: { scopes: [['stock:read']] }, why: 'Query.suppliers / purchaseOrder' };
const STAFF_LIST: Step = { rule: { scopes: [['access:admin'], ['audit:read']] }, why: 'Query.staff' };
const AUDIT_LOG: Step = { rule: { scopes: [['audit:read']] }, why: 'Query.auditLog' };
const MEMBERS: Step = { rule: { scopes: [['members:read']] }, why: 'Query.members' };
const MY_ADDRESSES: Step = { rule: { scopes: [], policies: [['customer']] }, why: 'Query.myAddresses' };
const CONTACT_LOG: Step = { rule: { scopes: [['members:read']], policies: [['staff']] }, why: 'Query.memberContactLog' };
const SEGMENT_PREVIEW: Step = { rule: { scopes: [['members:read']] }, why: 'Query.segmentPreview' };
const CONTACT_FILTER: Step = { rule: { scopes: [['members:read_pii']] }, why: 'MemberFilter.query with an email or phone number' };
const PUBLIC: Step = { rule: { scopes: [], policies: [['public']] }, why: 'public root' };
const RETURN_REQUESTS: Step = { rule: { scopes: [['orders:read']] }, why: 'Query.returnRequests' };
const RETURN_REQUEST: Step = { rule: { scopes: [['orders:read'], ['customer:self']] }, why: 'Query.returnRequest' };
const MY_RETURN_REQUESTS: Step = { rule: { scopes: [], policies: [['customer']] }, why: 'Query.myReturnRequests' };
const cls = (name: keyof typeof DATA_CLASSES): Step => ({ rule: DATA_CLASSES[name].rule, why: name });

// Row rules, as the subgraphs apply them.
const holds = (caller: MatrixCaller, scope: string) => caller.scopes.includes(scope as never);
const OWN_ORDER_ONLY_FOR_CUSTOMERS: Step = {
  row: (c) => c.principalKind !== 'customer' || c.ownsOrder,
  otherwise: 'absent',
  why: "a customer resolves only their own orders",
};
const OWNER_ONLY: Step = { row: (c) => c.ownsOrder, otherwise: 'absent', why: 'only the customer who placed it' };
const INTERNAL_ENTRIES: Step = {
  row: (c) => c.principalKind === 'staff' && holds(c, 'orders:read_internal'),
  otherwise: 'absent',
  why: 'internal timeline entries for staff with orders:read_internal',
};
const CONTACT_SEARCH: Step = {
  row: (c) => holds(c, 'members:read_pii') || c.principalKind === 'customer',
  otherwise: 'absent',
  why: 'recipient name and phone searched only for contact-data readers',
};
const OWN_ACCOUNT_OR_ADMIN: Step = {
  row: (c) => holds(c, 'access:admin') || holds(c, 'audit:read') || c.name === 'owner',
  otherwise: 'denied',
  why: "staff account data: the author's own, administrators, auditors",
};
const OPERATORS_ONLY: Step = {
  row: (c) => c.principalKind === 'staff' || c.principalKind === 'partner',
  otherwise: 'absent',
  why: "operators' labels are internal: customers get none",
};
const CUSTOMER_ACTED: Step = { row: () => false, otherwise: 'absent', why: 'the customer placed the order: no staff member acted' };
const GUEST_CART_CONTACT: Step = {
  row: (c) => holds(c, 'members:read_pii'),
  otherwise: 'absent',
  why: "a guest cart's contact data is not read back through its (bearer) id",
};
const STAFF_ONLY: Step = { row: (c) => c.principalKind === 'staff', otherwise: 'absent', why: 'me is null for anyone but staff' };
const EXPORT_PENDING: Step = {
  row: () => false,
  otherwise: 'absent',
  why: 'no job worker runs here, so the export is pending and has no link yet (tests/graph/privacy-erase.test.ts downloads a finished one)',
};

const isNote = (e: { kind?: string }) => e.kind === 'NOTE';
const isHold = (e: { kind?: string }) => e.kind === 'HOLD';
const MATRIX_ADDRESS_LINE1 = '9 Matrix Lane';
/** The matrix member's LINE user id (U and 32 hex digits). */
const MATRIX_LINE_ID = 'U0123456789abcdef0123456789abcdef';
const isMatrixAddress = (a: { line1?: string }) => a.line1 === MATRIX_ADDRESS_LINE1;
const isManual = (e: { node?: { reason?: string } }) => e.node?.reason === 'MANUAL';
const isPlaced = (e: { kind?: string }) => e.kind === 'PLACED';

export function dataClassCases(f: Fixture): DataClassCase[] {
  const byNumber = `orders(first: 1, filter: { search: "${f.number}" })`;
  const theOrder = (e: { node?: { id?: string } | null }) => e.node?.id === f.orderId;
  const theRequest = (e: { node?: { id?: string } | null }) => e.node?.id === f.returnRequestId;
  const listed = (selection: string) => `{ ${byNumber} { edges { node { ${selection} } } } }`;
  const single = (selection: string) => `{ order(id: "${f.orderId}") { ${selection} } }`;
  const myOrder = (selection: string) => `{ myOrder(id: "${f.orderId}") { ${selection} } }`;
  const mine = (selection: string) => `{ myOrders(first: 20) { edges { node { id ${selection} } } } }`;
  const ofMember = (selection: string) => `{ member(id: "${f.memberId}") { orders(first: 20) { edges { node { id ${selection} } } } } }`;
  const contact = (field: string): DataClassCase => ({
    path: `orders.edges.node.shippingAddress.${field}`,
    query: listed(`shippingAddress { ${field} }`),
    read: ['orders', 'edges', () => true, 'node', 'shippingAddress', field],
    steps: [ORDERS, cls('pii')],
  });
  return [
    // Contact data (PII)
    contact('name'),
    contact('phone'),
    contact('email'),
    contact('line1'),
    contact('line2'),
    { path: 'orders.edges.node.shippingAddress.city (not contact data)', query: listed('shippingAddress { city }'), read: ['orders', 'edges', () => true, 'node', 'shippingAddress', 'city'], steps: [ORDERS] },
    { path: 'order(id).shippingAddress.phone', query: single('shippingAddress { phone }'), read: ['order', 'shippingAddress', 'phone'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('pii')] },
    { path: 'order(id).shippingAddress.name', query: single('shippingAddress { name }'), read: ['order', 'shippingAddress', 'name'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('pii')] },
    { path: 'myOrders.edges.node.shippingAddress.phone', query: mine('shippingAddress { phone }'), read: ['myOrders', 'edges', theOrder, 'node', 'shippingAddress', 'phone'], steps: [MY_ORDERS, OWNER_ONLY, cls('pii')] },
    { path: 'myOrder(id).shippingAddress.phone', query: myOrder('shippingAddress { phone }'), read: ['myOrder', 'shippingAddress', 'phone'], steps: [MY_ORDER, OWNER_ONLY, cls('pii')] },
    { path: 'myOrder(id).member.email', query: myOrder('member { email }'), read: ['myOrder', 'member', 'email'], steps: [MY_ORDER, OWNER_ONLY, cls('pii')] },
    { path: 'member(id).orders.edges.node.shippingAddress.phone', query: ofMember('shippingAddress { phone }'), read: ['member', 'orders', 'edges', theOrder, 'node', 'shippingAddress', 'phone'], steps: [MEMBER, MEMBER_ORDERS, cls('pii')] },
    { path: 'member(id).email', query: `{ member(id: "${f.memberId}") { email } }`, read: ['member', 'email'], steps: [MEMBER, cls('pii')] },
    { path: 'order(id).member.email', query: single('member { email }'), read: ['order', 'member', 'email'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('pii')] },
    { path: 'orders.edges.node.member.phone', query: listed('member { phone }'), read: ['orders', 'edges', () => true, 'node', 'member', 'phone'], steps: [ORDERS, cls('pii')] },
    { path: 'myProfile.email', query: `{ myProfile { email } }`, read: ['myProfile', 'email'], steps: [MY_PROFILE, cls('pii')] },
    { path: 'cart(id).shippingAddress.phone', query: `{ cart(id: "${f.cartId}") { shippingAddress { phone } } }`, read: ['cart', 'shippingAddress', 'phone'], steps: [PUBLIC, OWNER_ONLY, cls('pii')] },
    { path: "cart(id).shippingAddress.phone (a guest's cart)", query: `{ cart(id: "${f.guestCartId}") { shippingAddress { phone } } }`, read: ['cart', 'shippingAddress', 'phone'], steps: [PUBLIC, cls('pii'), GUEST_CART_CONTACT] },
    { path: 'orders(filter: { search: <phone> }) (contact oracle)', query: `{ orders(first: 1, filter: { search: "${f.phone}" }) { edges { node { id } } } }`, read: ['orders', 'edges', () => true, 'node', 'id'], steps: [ORDERS, CONTACT_SEARCH] },
    { path: "orders(filter: { search: <recipient's name> }) (contact oracle)", query: `{ orders(first: 1, filter: { search: "${f.recipient}" }) { edges { node { id } } } }`, read: ['orders', 'edges', () => true, 'node', 'id'], steps: [ORDERS, CONTACT_SEARCH] },
    { path: 'member(id).channelIds.externalId', query: `{ member(id: "${f.memberId}") { channelIds { externalId } } }`, read: ['member', 'channelIds', () => true, 'externalId'], steps: [MEMBER, cls('pii')] },
    { path: 'order(id).member.channelIds.externalId', query: single('member { channelIds { externalId } }'), read: ['order', 'member', 'channelIds', () => true, 'externalId'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('pii')] },
    { path: 'myProfile.member.channelIds.externalId', query: `{ myProfile { member { channelIds { externalId } } } }`, read: ['myProfile', 'member', 'channelIds', () => true, 'externalId'], steps: [MY_PROFILE, OWNER_ONLY, cls('pii')] },
    { path: 'member(id).linkedChannels (without the ids)', query: `{ member(id: "${f.memberId}") { linkedChannels } }`, read: ['member', 'linkedChannels', () => true], steps: [MEMBER, cls('memberProfile')] },
    { path: 'member(id).givenName', query: `{ member(id: "${f.memberId}") { givenName } }`, read: ['member', 'givenName'], steps: [MEMBER, cls('pii')] },
    { path: 'member(id).familyName', query: `{ member(id: "${f.memberId}") { familyName } }`, read: ['member', 'familyName'], steps: [MEMBER, cls('pii')] },
    { path: 'member(id).birthday', query: `{ member(id: "${f.memberId}") { birthday } }`, read: ['member', 'birthday'], steps: [MEMBER, cls('pii')] },
    { path: 'member(id).addresses.line1', query: `{ member(id: "${f.memberId}") { addresses { line1 } } }`, read: ['member', 'addresses', () => true, 'line1'], steps: [MEMBER, cls('pii')] },
    { path: 'order(id).member.givenName', query: single('member { givenName }'), read: ['order', 'member', 'givenName'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('pii')] },
    { path: 'order(id).member.addresses.phone', query: single('member { addresses { phone } }'), read: ['order', 'member', 'addresses', () => true, 'phone'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('pii')] },
    { path: 'myAddresses.phone (the matrix address)', query: `{ myAddresses { line1 phone } }`, read: ['myAddresses', isMatrixAddress, 'phone'], steps: [MY_ADDRESSES, OWNER_ONLY, cls('pii')] },
    { path: 'members(filter: { query: <email> }) (contact oracle)', query: `{ members(first: 1, filter: { query: "${f.memberEmail}" }) { totalCount } }`, read: ['members', 'totalCount'], steps: [MEMBERS, CONTACT_FILTER] },
    { path: 'members(filter: { query: <phone> }) (contact oracle)', query: `{ members(first: 1, filter: { query: "${f.memberPhone}" }) { totalCount } }`, read: ['members', 'totalCount'], steps: [MEMBERS, CONTACT_FILTER] },
    // A segment preview's sample members keep their contact data's rule (the fixture member is tagged "matrix").
    { path: 'segmentPreview.sample.email', query: `{ segmentPreview(rules: { groups: [{ rules: [{ kind: TAG, tag: "matrix" }] }] }) { sample { id email } } }`, read: ['segmentPreview', 'sample', (m) => m.id === f.memberId, 'email'], steps: [SEGMENT_PREVIEW, cls('pii')] },
    { path: 'segmentPreview.sample.phone', query: `{ segmentPreview(rules: { groups: [{ rules: [{ kind: TAG, tag: "matrix" }] }] }) { sample { id phone } } }`, read: ['segmentPreview', 'sample', (m) => m.id === f.memberId, 'phone'], steps: [SEGMENT_PREVIEW, cls('pii')] },
    // A customer's words on a return request: contact data (pii)
    { path: 'returnRequests.edges.node.customerNote', query: `{ returnRequests(first: 50) { edges { node { id customerNote } } } }`, read: ['returnRequests', 'edges', theRequest, 'node', 'customerNote'], steps: [RETURN_REQUESTS, cls('pii')] },
    { path: 'returnRequest(id).customerNote', query: `{ returnRequest(id: "${f.returnRequestId}") { customerNote } }`, read: ['returnRequest', 'customerNote'], steps: [RETURN_REQUEST, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('pii')] },
    { path: 'myReturnRequests.edges.node.customerNote', query: `{ myReturnRequests(first: 50) { edges { node { id customerNote } } } }`, read: ['myReturnRequests', 'edges', theRequest, 'node', 'customerNote'], steps: [MY_RETURN_REQUESTS, OWNER_ONLY, cls('pii')] },
    { path: 'returnRequests.edges.node.photos', query: `{ returnRequests(first: 50) { edges { node { id photos { url } } } } }`, read: ['returnRequests', 'edges', theRequest, 'node', 'photos'], steps: [RETURN_REQUESTS, cls('pii')] },
    { path: 'returnRequest(id).photos', query: `{ returnRequest(id: "${f.returnRequestId}") { photos { url } } }`, read: ['returnRequest', 'photos'], steps: [RETURN_REQUEST, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('pii')] },
    { path: 'myReturnRequests.edges.node.photos', query: `{ myReturnRequests(first: 50) { edges { node { id photos { url } } } } }`, read: ['myReturnRequests', 'edges', theRequest, 'node', 'photos'], steps: [MY_RETURN_REQUESTS, OWNER_ONLY, cls('pii')] },
    // Internal member notes
    { path: 'member(id).notes', query: `{ member(id: "${f.memberId}") { notes } }`, read: ['member', 'notes'], steps: [MEMBER, cls('memberNotes')] },
    { path: 'order(id).member.notes', query: single('member { notes }'), read: ['order', 'member', 'notes'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('memberNotes')] },
    { path: 'memberContactLog.edges.node.summary', query: `{ memberContactLog(memberId: "${f.memberId}", first: 5) { edges { node { summary } } } }`, read: ['memberContactLog', 'edges', () => true, 'node', 'summary'], steps: [CONTACT_LOG, cls('memberNotes')] },
    // Privacy requests (a member's export and its download link)
    { path: 'privacyRequest(id).status', query: `{ privacyRequest(id: "${f.privacyRequestId}") { status } }`, read: ['privacyRequest', 'status'], steps: [cls('privacyRequests')] },
    { path: 'privacyRequest(id).downloadUrl (export download)', query: `{ privacyRequest(id: "${f.privacyRequestId}") { downloadUrl } }`, read: ['privacyRequest', 'downloadUrl'], steps: [cls('privacyRequests'), EXPORT_PENDING] },
    { path: 'member(id).privacyRequests.totalCount', query: `{ member(id: "${f.memberId}") { privacyRequests(first: 5) { totalCount } } }`, read: ['member', 'privacyRequests', 'totalCount'], steps: [MEMBER, cls('privacyRequests')] },
    { path: 'member(id).privacyRequests.edges.node.downloadUrl (export download)', query: `{ member(id: "${f.memberId}") { privacyRequests(first: 5) { edges { node { downloadUrl } } } } }`, read: ['member', 'privacyRequests', 'edges', () => true, 'node', 'downloadUrl'], steps: [MEMBER, cls('privacyRequests'), EXPORT_PENDING] },
    { path: 'order(id).member.privacyRequests.totalCount', query: single('member { privacyRequests(first: 5) { totalCount } }'), read: ['order', 'member', 'privacyRequests', 'totalCount'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('privacyRequests')] },
    // Member profile
    { path: 'member(id).tags', query: `{ member(id: "${f.memberId}") { tags } }`, read: ['member', 'tags', () => true], steps: [MEMBER, cls('memberProfile')] },
    { path: 'member(id).behaviour', query: `{ member(id: "${f.memberId}") { behaviour { last30Days { productViews } } } }`, read: ['member', 'behaviour'], steps: [MEMBER, cls('memberProfile')] },
    { path: 'order(id).member.behaviour', query: single('member { behaviour { last90Days { searches } } }'), read: ['order', 'member', 'behaviour'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('memberProfile')] },
    { path: 'order(id).member.tags', query: single('member { tags }'), read: ['order', 'member', 'tags', () => true], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('memberProfile')] },
    { path: 'order(id).member.storeCredit', query: single('member { storeCredit { amount } }'), read: ['order', 'member', 'storeCredit'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('memberProfile')] },
    { path: 'member(id).wishlist.totalCount', query: `{ member(id: "${f.memberId}") { wishlist(first: 5) { totalCount } } }`, read: ['member', 'wishlist', 'totalCount'], steps: [MEMBER, cls('memberProfile')] },
    { path: 'order(id).member.wishlist.totalCount', query: single('member { wishlist(first: 5) { totalCount } }'), read: ['order', 'member', 'wishlist', 'totalCount'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('memberProfile')] },
    { path: 'member(id).statistics', query: `{ member(id: "${f.memberId}") { statistics { ordersCount totalSpent { amount } } } }`, read: ['member', 'statistics'], steps: [MEMBER, cls('memberProfile')] },
    { path: 'member(id).recommendedProducts', query: `{ member(id: "${f.memberId}") { recommendedProducts { score product { id } } } }`, read: ['member', 'recommendedProducts'], steps: [MEMBER, cls('memberProfile')] },
    { path: 'order(id).member.recommendedProducts', query: single('member { recommendedProducts(first: 3) { score } }'), read: ['order', 'member', 'recommendedProducts'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('memberProfile')] },
    { path: 'order(id).member.statistics', query: single('member { statistics { ordersCount favouriteCategories { id } } }'), read: ['order', 'member', 'statistics'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('memberProfile')] },
    { path: 'order(id).member.pointsLedger.totalCount', query: single('member { pointsLedger(first: 5) { totalCount } }'), read: ['order', 'member', 'pointsLedger', 'totalCount'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('memberProfile')] },
    { path: 'orders.edges.node.member.displayName', query: listed('member { displayName }'), read: ['orders', 'edges', () => true, 'node', 'member', 'displayName'], steps: [ORDERS, cls('memberProfile')] },
    { path: 'order(id).member.points', query: single('member { points }'), read: ['order', 'member', 'points'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('memberProfile')] },
    { path: 'myOrders.edges.node.member.tier', query: mine('member { tier }'), read: ['myOrders', 'edges', theOrder, 'node', 'member', 'tier'], steps: [MY_ORDERS, OWNER_ONLY, cls('memberProfile')] },
    // Internal notes and internal timeline entries
    { path: 'returnRequest(id).staffNote', query: `{ returnRequest(id: "${f.returnRequestId}") { staffNote } }`, read: ['returnRequest', 'staffNote'], steps: [RETURN_REQUEST, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('internalNotes')] },
    { path: 'returnRequests.edges.node.staffNote', query: `{ returnRequests(first: 50) { edges { node { id staffNote } } } }`, read: ['returnRequests', 'edges', theRequest, 'node', 'staffNote'], steps: [RETURN_REQUESTS, cls('internalNotes')] },
    { path: 'myReturnRequests.edges.node.staffNote', query: `{ myReturnRequests(first: 50) { edges { node { id staffNote } } } }`, read: ['myReturnRequests', 'edges', theRequest, 'node', 'staffNote'], steps: [MY_RETURN_REQUESTS, OWNER_ONLY, cls('internalNotes')] },
    { path: 'order(id).history.note', query: single('history { kind note }'), read: ['order', 'history', isNote, 'note'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, INTERNAL_ENTRIES, cls('internalNotes')] },
    { path: 'orders.edges.node.history.note', query: listed('history { kind note }'), read: ['orders', 'edges', () => true, 'node', 'history', isNote, 'note'], steps: [ORDERS, INTERNAL_ENTRIES, cls('internalNotes')] },
    { path: 'myOrder(id).history.note (the NOTE entry)', query: myOrder('history { kind note }'), read: ['myOrder', 'history', isNote, 'note'], steps: [MY_ORDER, OWNER_ONLY, INTERNAL_ENTRIES, cls('internalNotes')] },
    { path: 'myOrder(id).member.tier', query: myOrder('member { tier }'), read: ['myOrder', 'member', 'tier'], steps: [MY_ORDER, OWNER_ONLY, cls('memberProfile')] },
    { path: 'myOrders.edges.node.history.note (the NOTE entry)', query: mine('history { kind note }'), read: ['myOrders', 'edges', theOrder, 'node', 'history', isNote, 'note'], steps: [MY_ORDERS, OWNER_ONLY, INTERNAL_ENTRIES, cls('internalNotes')] },
    { path: 'myOrders.edges.node.history.note (the PLACED entry)', query: mine('history { kind note }'), read: ['myOrders', 'edges', theOrder, 'node', 'history', isPlaced, 'note'], steps: [MY_ORDERS, OWNER_ONLY, cls('internalNotes')] },
    { path: 'order(id).history (an internal HOLD entry)', query: single('history { kind }'), read: ['order', 'history', isHold, 'kind'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, INTERNAL_ENTRIES] },
    { path: 'myOrders.edges.node.history (an internal HOLD entry)', query: mine('history { kind }'), read: ['myOrders', 'edges', theOrder, 'node', 'history', isHold, 'kind'], steps: [MY_ORDERS, OWNER_ONLY, INTERNAL_ENTRIES] },
    { path: 'member(id).pointsLedger.edges.node.note (manual entry)', query: `{ member(id: "${f.memberId}") { pointsLedger(first: 20) { edges { node { reason note } } } } }`, read: ['member', 'pointsLedger', 'edges', isManual, 'node', 'note'], steps: [MEMBER, cls('memberProfile'), cls('internalNotes')] },
    { path: 'order(id).member.pointsLedger.edges.node.note (manual entry)', query: single('member { pointsLedger(first: 20) { edges { node { reason note } } } }'), read: ['order', 'member', 'pointsLedger', 'edges', isManual, 'node', 'note'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('memberProfile'), cls('internalNotes')] },
    { path: 'order(id).tags (operator labels)', query: single('tags'), read: ['order', 'tags', () => true], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, OPERATORS_ONLY] },
    { path: 'myOrders.edges.node.tags (operator labels)', query: mine('tags'), read: ['myOrders', 'edges', theOrder, 'node', 'tags', () => true], steps: [MY_ORDERS, OWNER_ONLY, OPERATORS_ONLY] },
    { path: 'myOrders(filter: { tag }) (label oracle)', query: `{ myOrders(first: 1, filter: { tag: "matrix" }) { totalCount } }`, read: ['myOrders', 'totalCount'], steps: [MY_ORDERS, { ...OPERATORS_ONLY, otherwise: 'denied' }] },
    // Who of the staff acted, and staff accounts
    { path: 'order(id).history.staff.displayName', query: single('history { kind staff { displayName } }'), read: ['order', 'history', isNote, 'staff', 'displayName'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, INTERNAL_ENTRIES, cls('staffIdentities')] },
    { path: 'myOrders.edges.node.history.staff (the PLACED entry)', query: mine('history { kind staff { id } }'), read: ['myOrders', 'edges', theOrder, 'node', 'history', isPlaced, 'staff'], steps: [MY_ORDERS, OWNER_ONLY, cls('staffIdentities'), CUSTOMER_ACTED] },
    { path: 'order(id).history.staff (the PLACED entry)', query: single('history { kind staff { id } }'), read: ['order', 'history', isPlaced, 'staff'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('staffIdentities'), CUSTOMER_ACTED] },
    { path: 'order(id).history.staff.email', query: single('history { kind staff { email } }'), read: ['order', 'history', isNote, 'staff', 'email'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, INTERNAL_ENTRIES, cls('staffIdentities'), cls('staffAccounts'), OWN_ACCOUNT_OR_ADMIN] },
    { path: 'order(id).history.staff.scopes', query: single('history { kind staff { scopes } }'), read: ['order', 'history', isNote, 'staff', 'scopes'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, INTERNAL_ENTRIES, cls('staffIdentities'), cls('staffAccounts'), OWN_ACCOUNT_OR_ADMIN] },
    { path: 'orders.edges.node.history.staff.lastLoginAt', query: listed('history { kind staff { lastLoginAt } }'), read: ['orders', 'edges', () => true, 'node', 'history', isNote, 'staff', 'lastLoginAt'], steps: [ORDERS, INTERNAL_ENTRIES, cls('staffIdentities'), cls('staffAccounts'), OWN_ACCOUNT_OR_ADMIN] },
    { path: 'memberContactLog.edges.node.staff.displayName', query: `{ memberContactLog(memberId: "${f.memberId}", first: 5) { edges { node { staff { displayName } } } } }`, read: ['memberContactLog', 'edges', () => true, 'node', 'staff', 'displayName'], steps: [CONTACT_LOG, cls('staffIdentities')] },
    { path: 'member(id).consentHistory.staff', query: `{ member(id: "${f.memberId}") { consentHistory { staff { id } } } }`, read: ['member', 'consentHistory', () => true, 'staff'], steps: [MEMBER, cls('memberProfile'), cls('staffIdentities')] },
    { path: 'order(id).member.consentHistory.staff', query: single('member { consentHistory { staff { id } } }'), read: ['order', 'member', 'consentHistory', () => true, 'staff'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('memberProfile'), cls('staffIdentities')] },
    { path: 'member(id).pointsLedger.edges.node.actorId (manual entry)', query: `{ member(id: "${f.memberId}") { pointsLedger(first: 20) { edges { node { reason actorId } } } } }`, read: ['member', 'pointsLedger', 'edges', isManual, 'node', 'actorId'], steps: [MEMBER, cls('memberProfile'), cls('staffIdentities')] },
    { path: 'order(id).member.pointsLedger.edges.node.actorId (manual entry)', query: single('member { pointsLedger(first: 20) { edges { node { reason actorId } } } }'), read: ['order', 'member', 'pointsLedger', 'edges', isManual, 'node', 'actorId'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('memberProfile'), cls('staffIdentities')] },
    { path: 'staff.edges.node.email', query: `{ staff(first: 1) { edges { node { email } } } }`, read: ['staff', 'edges', () => true, 'node', 'email'], steps: [STAFF_LIST, cls('staffAccounts')] },
    { path: 'me.email (own account)', query: `{ me { email roles { name } } }`, read: ['me', 'email'], steps: [PUBLIC, STAFF_ONLY, cls('staffAccounts')] },
    { path: 'auditLog.edges.node.actorId', query: `{ auditLog(first: 1, filter: { rootField: "orderNoteAdd" }) { edges { node { actorId } } } }`, read: ['auditLog', 'edges', () => true, 'node', 'actorId'], steps: [AUDIT_LOG, cls('staffIdentities')] },
    // Fraud signals
    { path: 'order(id).flags.reason', query: single('flags { reason }'), read: ['order', 'flags', () => true, 'reason'], steps: [ORDER, OWN_ORDER_ONLY_FOR_CUSTOMERS, cls('fraudSignals')] },
    { path: 'orders.edges.node.flags.message', query: listed('flags { message }'), read: ['orders', 'edges', () => true, 'node', 'flags', () => true, 'message'], steps: [ORDERS, cls('fraudSignals')] },
    { path: 'myOrders.edges.node.flags.reason', query: mine('flags { reason }'), read: ['myOrders', 'edges', theOrder, 'node', 'flags', () => true, 'reason'], steps: [MY_ORDERS, OWNER_ONLY, cls('fraudSignals')] },
    { path: 'orderFlagRules.rule', query: `{ orderFlagRules { rule } }`, read: ['orderFlagRules', () => true, 'rule'], steps: [cls('fraudSignals')] },
    { path: 'orders(filter: { flagged: true }) (fraud oracle)', query: `{ orders(first: 1, filter: { flagged: true }) { totalCount } }`, read: ['orders', 'totalCount'], steps: [ORDERS, cls('fraudSignals')] },
    { path: 'orderCounts(filter: { flagged: true }) (fraud oracle)', query: `{ orderCounts(filter: { flagged: true }) { count } }`, read: ['orderCounts', () => true, 'count'], steps: [ORDERS, cls('fraudSignals')] },
    { path: 'myOrders(filter: { flagged: true }) (fraud oracle)', query: `{ myOrders(first: 1, filter: { flagged: true }) { totalCount } }`, read: ['myOrders', 'totalCount'], steps: [MY_ORDERS, cls('fraudSignals')] },
    // Cost
    { path: 'suppliers.edges.node.products.cost', query: `{ suppliers(first: 5) { edges { node { products { cost { amount } } } } } }`, read: ['suppliers', 'edges', () => true, 'node', 'products', () => true, 'cost'], steps: [STOCK, cls('cost')] },
    { path: 'purchaseOrder(id).lines.unitCost', query: `{ purchaseOrder(id: "${f.purchaseOrderId}") { lines { unitCost { amount } } } }`, read: ['purchaseOrder', 'lines', () => true, 'unitCost'], steps: [STOCK, cls('cost')] },
    { path: 'purchaseOrders.edges.node.total', query: `{ purchaseOrders(first: 5) { edges { node { total { amount } } } } }`, read: ['purchaseOrders', 'edges', () => true, 'node', 'total'], steps: [STOCK, cls('cost')] },
    { path: 'products.edges.node.variants.costPrice', query: `{ products(first: 1) { edges { node { variants { costPrice { amount } } } } } }`, read: ['products', 'edges', () => true, 'node', 'variants', () => true, 'costPrice'], steps: [PUBLIC, cls('cost')] },
  ];
}

const heldScopes = (caller: MatrixCaller): Set<string> => new Set([...caller.scopes, ...selfScopesOf(caller.principalKind)]);

function ruleHolds(rule: DataClassRule, caller: MatrixCaller): boolean {
  const scopes = heldScopes(caller);
  const policies = new Set(['public', ...(caller.principalKind === 'staff' ? ['staff'] : []), ...(caller.principalKind === 'customer' ? ['customer'] : [])]);
  const scopesHold = rule.scopes.length === 0 || rule.scopes.some((all) => all.every((s) => scopes.has(s)));
  const policiesHold = !rule.policies || rule.policies.some((all) => all.every((p) => policies.has(p)));
  return scopesHold && policiesHold;
}

export function expectedOutcome(c: DataClassCase, caller: MatrixCaller): Outcome {
  for (const step of c.steps) {
    if ('rule' in step ? !ruleHolds(step.rule, caller) : !step.row(caller)) return 'rule' in step ? 'denied' : step.otherwise;
  }
  return 'value';
}

export function actualOutcome(c: DataClassCase, body: { data?: unknown; errors?: { path?: (string | number)[]; extensions?: { code?: string } }[] }): Outcome {
  // The concrete paths the case reaches: list predicates choose the items it is about.
  let nodes: { path: (string | number)[]; value: unknown }[] = [{ path: [], value: body.data }];
  const reached = new Set<string>();
  for (const element of c.read) {
    nodes = nodes.flatMap(({ path, value }) => {
      if (value == null) return [];
      if (typeof element === 'string') return [{ path: [...path, element], value: (value as Record<string, unknown>)[element] }];
      if (!Array.isArray(value)) return [];
      return value.flatMap((item, index) => (item != null && element(item) ? [{ path: [...path, index], value: item }] : []));
    });
    for (const node of nodes) reached.add(JSON.stringify(node.path));
  }
  const denied = (body.errors ?? []).some(
    (e) => ['FORBIDDEN', 'UNAUTHENTICATED'].includes(e.extensions?.code ?? '') && !!e.path?.length && reached.has(JSON.stringify(e.path)),
  );
  if (denied) return 'denied';
  return nodes.some((n) => n.value != null) ? 'value' : 'absent';
}

/**
 * Places the matrix order as the demo customer (checkout, with a recipient and
 * a phone number found nowhere else), then, as the owner, adds an internal note,
 * a tag and a hold (a flag and an internal HOLD entry), and buys the variant
 * from a new supplier at a cost (a purchase order); gives the member a profile
 * (names, birthday, phone, notes), a tag, a consent change, a contact log
 * entry, a manual points adjustment, a data export and, as the customer, a saved address.
 */
export async function setUp(gateway: TestGateway, customer: Caller, owner: Caller): Promise<Fixture> {
  const ask = async (caller: Caller, query: string, variables?: Record<string, unknown>) => {
    const { body } = await gateway.query(query, variables, caller.headers);
    if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const phone = '+66 80 555 0199';
  const recipient = 'Matrixrecipient Ploy';
  const products = await ask(owner, `{ products(first: 50, filter: { status: [ACTIVE] }) { edges { node { variants { id stock { available } } } } } }`);
  const variant = products.products.edges
    .flatMap((e: any) => e.node.variants)
    .find((v: any) => (v.stock?.available ?? 0) > 0);
  const created = await ask(customer, `mutation ($input: CartCreateInput!) { cartCreate(input: $input) { cart { id } userErrors { code message } } }`, {
    input: { channel: 'ONLINE_STORE', lines: [{ variantId: variant.id, quantity: 1 }] },
  });
  const cartId = created.cartCreate.cart.id as string;
  await ask(customer, `mutation ($input: CartSetAddressInput!) { cartSetAddress(input: $input) { userErrors { code message } } }`, {
    input: {
      cartId,
      address: { name: recipient, phone, email: 'matrix.recipient@example.test', line1: '1 Matrix Road', line2: 'Floor 2', city: 'Bangkok', postalCode: '10110', country: 'TH' },
    },
  });
  await ask(customer, `mutation ($input: CartSetShippingMethodInput!) { cartSetShippingMethod(input: $input) { userErrors { code } } }`, {
    input: { cartId, shippingMethod: 'STANDARD' },
  });
  const placed = await ask(customer, `mutation ($input: CheckoutCompleteInput!) { checkoutComplete(input: $input) { order { id number member { id } } userErrors { code message } } }`, {
    input: { cartId, idempotencyKey: randomUUID(), paymentProvider: 'MANUAL' },
  });
  const order = placed.checkoutComplete.order;
  if (!order) throw new Error(`checkout failed: ${JSON.stringify(placed)}`);
  await ask(owner, `mutation ($input: OrderNoteAddInput!) { orderNoteAdd(input: $input) { userErrors { code } } }`, {
    input: { id: order.id, note: 'Matrix: customer called twice, be careful' },
  });
  await ask(owner, `mutation ($input: OrderTagsInput!) { orderTagsAdd(input: $input) { userErrors { code } } }`, {
    input: { id: order.id, tags: ['matrix'] },
  });
  const held = await ask(owner, `mutation ($input: OrderHoldInput!) { orderHold(input: $input) { userErrors { code message } } }`, {
    input: { orderId: order.id, reason: 'Matrix: check the address' },
  });
  if (held.orderHold.userErrors.length) throw new Error(`orderHold: ${JSON.stringify(held)}`);
  const guest = await ask({ ...customer, headers: {} }, `mutation ($input: CartCreateInput!) { cartCreate(input: $input) { cart { id } } }`, {
    input: { channel: 'ONLINE_STORE', lines: [{ variantId: variant.id, quantity: 1 }] },
  });
  const guestCartId = guest.cartCreate.cart.id as string;
  await ask({ ...customer, headers: {} }, `mutation ($input: CartSetAddressInput!) { cartSetAddress(input: $input) { userErrors { code } } }`, {
    input: { cartId: guestCartId, address: { name: 'Guest Matrix', phone: '+66 80 555 0198', city: 'Bangkok', country: 'TH' } },
  });
  const memberId = order.member.id as string;
  const memberPhone = '+66 80 555 0177';
  const updated = await ask(owner, `mutation ($input: MemberUpdateInput!) { memberUpdate(input: $input) { member { email } userErrors { code message } } }`, {
    input: { id: memberId, profile: { givenName: 'Matrixgiven', familyName: 'Matrixfamily', birthday: '1990-04-01', phone: memberPhone, notes: 'Matrix: prefers calls after 6pm' } },
  });
  if (updated.memberUpdate.userErrors.length) throw new Error(`memberUpdate: ${JSON.stringify(updated)}`);
  await ask(owner, `mutation ($input: MemberTagsSetInput!) { memberTagsSet(input: $input) { userErrors { code } } }`, { input: { id: memberId, tags: ['matrix'] } });
  const consent = await ask(owner, `mutation ($input: MemberConsentSetInput!) { memberConsentSet(input: $input) { userErrors { code message } } }`, {
    input: { id: memberId, consents: [{ channel: 'SMS', granted: true }] },
  });
  if (consent.memberConsentSet.userErrors.length) throw new Error(`memberConsentSet: ${JSON.stringify(consent)}`);
  const logged = await ask(owner, `mutation ($input: ContactLogAddInput!) { contactLogAdd(input: $input) { userErrors { code message } } }`, {
    input: { memberId, channel: 'CALL', summary: 'Matrix: asked about the delivery' },
  });
  if (logged.contactLogAdd.userErrors.length) throw new Error(`contactLogAdd: ${JSON.stringify(logged)}`);
  const address = await ask(customer, `mutation ($input: MyAddressAddInput!) { myAddressAdd(input: $input) { userErrors { code message } } }`, {
    input: { address: { name: 'Matrix Home', phone: '+66 80 555 0176', line1: MATRIX_ADDRESS_LINE1, city: 'Bangkok', country: 'TH' } },
  });
  if (address.myAddressAdd.userErrors.length) throw new Error(`myAddressAdd: ${JSON.stringify(address)}`);
  // The member's LINE id, linked by their own storefront (LINE login's userId).
  const linked = await ask(customer, `mutation ($input: MyChannelLinkInput!) { myChannelLink(input: $input) { userErrors { code message } } }`, {
    input: { channel: 'LINE', externalId: MATRIX_LINE_ID },
  });
  if (linked.myChannelLink.userErrors.length) throw new Error(`myChannelLink: ${JSON.stringify(linked)}`);
  // A manual points adjustment needs a step-up confirmation: it writes the note and the actor the ledger paths read.
  const stepUp = await ask(owner, `mutation ($input: StepUpConfirmInput!) { stepUpConfirm(input: $input) { stepUpToken } }`, { input: { password: 'demo-owner-password' } });
  const steppedUp = { ...owner, headers: { ...owner.headers, 'x-step-up': stepUp.stepUpConfirm.stepUpToken as string } };
  const adjusted = await ask(steppedUp, `mutation ($input: MemberPointsAdjustInput!) { memberPointsAdjust(input: $input) { userErrors { code message } } }`, {
    input: { memberId, delta: 5, reason: 'Matrix: goodwill for the late parcel' },
  });
  if (adjusted.memberPointsAdjust.userErrors.length) throw new Error(`memberPointsAdjust: ${JSON.stringify(adjusted)}`);
  const exported = await ask(steppedUp, `mutation ($input: MemberDataExportInput!) { memberDataExport(input: $input) { privacyRequest { id } userErrors { code message } } }`, {
    input: { memberId },
  });
  const privacyRequestId = exported.memberDataExport.privacyRequest?.id as string;
  if (!privacyRequestId) throw new Error(`memberDataExport: ${JSON.stringify(exported)}`);
  const warehouses = await ask(owner, `{ warehouses { id } }`);
  const supplier = await ask(owner, `mutation ($input: SupplierCreateInput!) { supplierCreate(input: $input) { supplier { id } userErrors { code message } } }`, {
    input: { name: 'Matrix Supplies', leadTimeDays: 5, currencyCode: 'THB' },
  });
  const supplierId = supplier.supplierCreate.supplier.id as string;
  await ask(owner, `mutation ($input: SupplierProductSetInput!) { supplierProductSet(input: $input) { userErrors { code message } } }`, {
    input: { supplierId, variantId: variant.id, cost: '12.50' },
  });
  const purchase = await ask(owner, `mutation ($input: PurchaseOrderCreateInput!) { purchaseOrderCreate(input: $input) { purchaseOrder { id } userErrors { code message } } }`, {
    input: { supplierId, warehouseId: warehouses.warehouses[0].id, lines: [{ variantId: variant.id, quantity: 3 }] },
  });
  const purchaseOrderId = purchase.purchaseOrderCreate.purchaseOrder?.id as string;
  if (!purchaseOrderId) throw new Error(`purchaseOrderCreate: ${JSON.stringify(purchase)}`);
  const returnRequestId = await returnRequestOf(ask, customer, owner, memberId, variant.id);
  return { orderId: order.id, number: order.number, memberId, cartId, guestCartId, purchaseOrderId, phone, recipient, memberEmail: updated.memberUpdate.member.email as string, memberPhone, privacyRequestId, returnRequestId };
}

type Ask = (caller: Caller, query: string, variables?: Record<string, unknown>) => Promise<any>;

/**
 * A second order of the member, placed, paid, fulfilled and shipped by the
 * owner, on which the customer opens a return with their own note and the
 * owner approves it with a staff note.
 */
async function returnRequestOf(ask: Ask, customer: Caller, owner: Caller, memberId: string, variantId: string): Promise<string> {
  const must = async (caller: Caller, name: string, input: Record<string, unknown>, select = '') => {
    const type = name.startsWith('returnRequestApprove') ? 'ReturnRequestDecideInput' : `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
    const data = await ask(caller, `mutation ($input: ${type}!) { ${name}(input: $input) { ${select} userErrors { code message } } }`, { input });
    if (data[name].userErrors.length) throw new Error(`${name}: ${JSON.stringify(data)}`);
    return data[name];
  };
  const created = await must(owner, 'orderCreate', {
    channel: 'MOBILE_APP', memberId, lines: [{ variantId, quantity: 1 }],
    address: { name: 'Matrix Return', phone: '+66 80 555 0166', line1: '7 Return Road', city: 'Chiang Mai', postalCode: '50000', country: 'TH' },
  }, 'order { id lines { id } }');
  const orderId = created.order.id as string;
  await must(owner, 'orderMarkPaid', { orderId, method: 'CASH' });
  // Rules may hold a new order (a repeated phone); releasing one that holds nothing is no mistake.
  await ask(owner, `mutation ($input: OrderReleaseInput!) { orderRelease(input: $input) { userErrors { code } } }`, { input: { orderId } });
  await must(owner, 'orderFulfil', { id: orderId });
  await must(owner, 'orderShip', { id: orderId, carrier: 'Kerry', trackingNumber: 'KEMATRIX1' });
  const opened = await must(customer, 'myReturnRequestCreate', {
    orderId, kind: 'RETURN', reasonCode: 'QUALITY_DEFECT', note: 'Matrix: the zip broke on day one', lines: [{ orderLineId: created.order.lines[0].id, quantity: 1 }],
  }, 'returnRequest { id }');
  const id = opened.returnRequest.id as string;
  await must(owner, 'returnRequestApprove', { id, note: 'Matrix: approved after the photo' });
  return id;
}

/** The matrix's callers: signInAll's, the customer marked as the order's, and a second customer. */
export async function matrixCallers(gateway: TestGateway, callers: Caller[]): Promise<MatrixCaller[]> {
  const other = await customerLogin(gateway, 'member2@example.test', 'demo-customer-password');
  return [
    ...callers.map((c) => ({ ...c, ownsOrder: c.name === 'customer' })),
    { name: 'other customer', principalKind: 'customer', scopes: [], headers: { authorization: `Bearer ${other}` }, ownsOrder: false },
  ];
}
