/**
 * Input values that never reach the audit log, a log line or an error message,
 * marked once by schema coordinate (`Type.field` for input fields,
 * `Type.field(arg:)` for arguments). Redaction goes by coordinate, never by the
 * name a client gives its variables: `$p` for a password is still
 * `StaffLoginInput.password`.
 *
 * A test walks every input field of the composed API schema: a field whose
 * name looks sensitive must be listed here or in NOT_SENSITIVE_INPUTS with the
 * reason, so a new field cannot slip through unclassified.
 */

/** secret: credentials; pii: what identifies or reaches a person; payment: card data. */
export type SensitiveClass = 'secret' | 'pii' | 'payment';

export const SENSITIVE_INPUTS: Record<string, SensitiveClass> = {
  'StaffLoginInput.password': 'secret',
  'StaffCreateInput.password': 'secret',
  'StepUpConfirmInput.password': 'secret',
  'CustomerLoginInput.password': 'secret',
  'CustomerSignUpInput.password': 'secret',

  'PaymentCardInput.number': 'payment',
  'PaymentCardInput.cvc': 'payment',
  // Stored beside a card number, the expiry is cardholder data too.
  'PaymentCardInput.expiryMonth': 'payment',
  'PaymentCardInput.expiryYear': 'payment',

  'StaffLoginInput.email': 'pii',
  'StaffCreateInput.email': 'pii',
  'StaffCreateInput.displayName': 'pii',
  'StaffUpdateInput.displayName': 'pii',
  'CustomerLoginInput.email': 'pii',
  'CustomerSignUpInput.email': 'pii',
  'CustomerSignUpInput.phone': 'pii',
  'CustomerSignUpInput.displayName': 'pii',
  'AddressInput.name': 'pii',
  'AddressInput.phone': 'pii',
  'AddressInput.email': 'pii',
  'AddressInput.line1': 'pii',
  'AddressInput.line2': 'pii',
  'AddressInput.city': 'pii',
  'AddressInput.postalCode': 'pii',
  'SupplierCreateInput.contactName': 'pii',
  'SupplierCreateInput.email': 'pii',
  'SupplierCreateInput.phone': 'pii',
  'SupplierUpdateInput.contactName': 'pii',
  'SupplierUpdateInput.email': 'pii',
  'SupplierUpdateInput.phone': 'pii',
  // An email address or phone number searched for.
  'MemberFilter.contact': 'pii',
  'MemberFilter.query': 'pii',
  // What a shopper typed into a storefront's search box: people search for names and numbers too.
  'BehaviourEventInput.query': 'pii',
  // A LINE user id or WeChat openid reaches the person as an address does.
  'MemberChannelLinkInput.externalId': 'pii',
  'MyChannelLinkInput.externalId': 'pii',
  'MemberProfileInput.displayName': 'pii',
  'MemberProfileInput.givenName': 'pii',
  'MemberProfileInput.familyName': 'pii',
  'MemberProfileInput.email': 'pii',
  'MemberProfileInput.phone': 'pii',
  'MemberProfileInput.birthday': 'pii',
  // Internal notes about a member name them often; the change record redacts Member.notes already.
  'MemberProfileInput.notes': 'pii',
  'MyProfileUpdateInput.displayName': 'pii',
  'MyProfileUpdateInput.givenName': 'pii',
  'MyProfileUpdateInput.familyName': 'pii',
  'MyProfileUpdateInput.phone': 'pii',
  'MyProfileUpdateInput.birthday': 'pii',
  'MyPasswordChangeInput.currentPassword': 'secret',
  'MyPasswordChangeInput.newPassword': 'secret',
  'CustomerPasswordResetInput.token': 'secret',
  'CustomerPasswordResetInput.newPassword': 'secret',
  'CustomerPasswordResetRequestInput.email': 'pii',
  'CustomerAddressInput.name': 'pii',
  'CustomerAddressInput.phone': 'pii',
  'CustomerAddressInput.line1': 'pii',
  'CustomerAddressInput.line2': 'pii',
  'CustomerAddressInput.city': 'pii',
  'CustomerAddressInput.postalCode': 'pii',
  // Staff write what the member said, often with their name or number in it.
  'ContactLogAddInput.summary': 'pii',
  'MemberEraseInput.reason': 'pii',
  // A review and its answer are kept in products (where an erasure can reach them), not in the append-only audit log.
  'ReviewCreateInput.title': 'pii',
  'ReviewCreateInput.body': 'pii',
  'ReviewReplyInput.body': 'pii',
};

/** Input fields whose names look sensitive but whose values are not, and why. */
export const NOT_SENSITIVE_INPUTS: Record<string, string> = {
  'SavedReportCreateInput.name': "A saved report's title, chosen by staff for colleagues: not a person's name.",
  'SavedReportUpdateInput.name': "A saved report's title, chosen by staff for colleagues: not a person's name.",
  'LoyaltySettingsUpdateInput.birthdayPoints': 'How many points every member gets on their birthday: a shop setting, no one\'s birthday.',
  'AddressInput.region': 'A province or state: coarse enough to keep for shipping and tax questions.',
  'AddressInput.country': 'A country code: needed to read shipping and tax decisions.',
  'CustomerAddressInput.region': 'A province or state: coarse enough to keep, as AddressInput.region.',
  'CustomerAddressInput.country': 'A country code, as AddressInput.country.',
  'CartSetAddressInput.addressId': "The id of one of the customer's own saved addresses, not the address itself.",
  'SegmentCreateInput.name': "A segment's label chosen by staff (e.g. win-back), not a person's name.",
  'SegmentUpdateInput.name': 'A segment label, as SegmentCreateInput.name.',
  'SegmentRuleInput.countryCodes': 'Country codes a segment rule matches: coarse, as AddressInput.country.',
  'ApiKeyCreateInput.name': 'The label of a key, not its secret (the secret is generated and only returned).',
  'CategoryCreateInput.name': 'A category name in the catalog.',
  'CategoryUpdateInput.name': 'A category name in the catalog.',
  'CheckoutCompleteInput.idempotencyKey': 'A client-chosen retry key, not a credential: it only replays the same cart’s order.',
  'OrderShipInput.trackingNumber': 'A carrier’s parcel number, shown to the customer and the shop.',
  'ShipmentCreateInput.trackingNumber': 'A carrier’s parcel number, shown to the customer and the shop.',
  'OrdersShipTogetherInput.trackingNumber': 'A carrier’s parcel number, shown to the customer and the shop.',
  'ReturnRequestExchangeInput.trackingNumber': 'A carrier’s parcel number, shown to the customer and the shop.',
  'ProductOptionInput.name': 'An option axis of a product, e.g. "Size".',
  'RoleCreateInput.name': 'A role’s name.',
  'SupplierCreateInput.name': 'A company name.',
  'SupplierUpdateInput.name': 'A company name.',
  'WarehouseCreateInput.name': 'A warehouse name.',
  'WarehouseUpdateInput.name': 'A warehouse name.',
};

/**
 * Fields of the records updates report for the audit log (`ChangeRecord`,
 * keyed `Entity.field`), whose before/after values are redacted like inputs.
 */
export const SENSITIVE_RECORD_FIELDS: Record<string, SensitiveClass> = {
  'Staff.displayName': 'pii',
  'Staff.email': 'pii',
  'Supplier.contactName': 'pii',
  'Supplier.email': 'pii',
  'Supplier.phone': 'pii',
  'Member.displayName': 'pii',
  'Member.givenName': 'pii',
  'Member.familyName': 'pii',
  'Member.email': 'pii',
  'Member.phone': 'pii',
  'Member.birthday': 'pii',
  'Member.notes': 'pii',
};

export function sensitiveInput(coordinate: string): SensitiveClass | null {
  return Object.hasOwn(SENSITIVE_INPUTS, coordinate) ? SENSITIVE_INPUTS[coordinate]! : null;
}

export function sensitiveRecordField(entity: string, field: string): SensitiveClass | null {
  const coordinate = `${entity}.${field}`;
  return Object.hasOwn(SENSITIVE_RECORD_FIELDS, coordinate) ? SENSITIVE_RECORD_FIELDS[coordinate]! : null;
}

/**
 * Words that make a field name look sensitive (split at camelCase): the
 * safety net asks for a decision on every such field.
 */
const SENSITIVE_LOOKING_WORDS = new Set([
  'password', 'passphrase', 'secret', 'token', 'key', 'credential', 'pin', 'otp',
  'email', 'mail', 'phone', 'mobile', 'fax', 'address', 'line1', 'line2', 'street', 'city', 'postal', 'zip', 'postcode',
  'region', 'country', 'card', 'cvc', 'cvv', 'pan', 'iban', 'account', 'number', 'expiry',
  'name', 'contact', 'birth', 'birthday', 'dob', 'ssn', 'passport', 'national', 'tax',
]);

export function looksSensitive(fieldName: string): boolean {
  return fieldName
    .split(/(?=[A-Z])|_/)
    .some((word) => SENSITIVE_LOOKING_WORDS.has(word.toLowerCase()));
}
