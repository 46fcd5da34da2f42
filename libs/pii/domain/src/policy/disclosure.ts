/**
 * The data-collection disclosure (data-collection-practices.txt beside this file, the public text)
 * as data: every category, whether Sieve collects it, whether it is linked to the user, why, and
 * what Sieve does with a value of the category in each place one can appear. The classifier, the
 * `npm run disclosure` table and the App Store privacy label are all generated from this table, so
 * what is published and what the code does cannot drift apart.
 */

/** collected: always; conditional: only when the brand's integration provides it; not-collected: never stored. */
export type Collection = 'collected' | 'conditional' | 'not-collected';

/**
 * What happens to a value of a category.
 * keep: stored as is. keep-encrypted: stored, encrypted at rest (envelope encryption, ticket store).
 * drop: removed before anything stores it. mask: replaced, keeping at most a non-identifying tail.
 * coarsen: reduced below the precision the disclosure calls precise. tag: kept where it was found,
 * and recorded as a finding so agents can redact it.
 */
export type Treatment = 'keep' | 'keep-encrypted' | 'drop' | 'mask' | 'coarsen' | 'tag';

export type AppStoreDataType =
  | 'NAME' | 'EMAIL_ADDRESS' | 'PHONE_NUMBER' | 'PHYSICAL_ADDRESS' | 'OTHER_CONTACT_INFO'
  | 'HEALTH' | 'FITNESS' | 'PAYMENT_INFORMATION' | 'CREDIT_INFO' | 'OTHER_FINANCIAL_INFO'
  | 'PRECISE_LOCATION' | 'COARSE_LOCATION' | 'SENSITIVE_INFO' | 'CONTACTS'
  | 'EMAILS_OR_TEXT_MESSAGES' | 'PHOTOS_OR_VIDEOS' | 'AUDIO' | 'GAMEPLAY_CONTENT' | 'CUSTOMER_SUPPORT' | 'OTHER_USER_CONTENT'
  | 'BROWSING_HISTORY' | 'SEARCH_HISTORY' | 'USER_ID' | 'DEVICE_ID' | 'PURCHASE_HISTORY'
  | 'PRODUCT_INTERACTION' | 'ADVERTISING_DATA' | 'OTHER_USAGE_DATA'
  | 'CRASH_DATA' | 'PERFORMANCE_DATA' | 'OTHER_DIAGNOSTIC_DATA' | 'OTHER_DATA_TYPES';

export type AppStorePurpose = 'APP_FUNCTIONALITY' | 'ANALYTICS';

export interface DisclosureCategory {
  id: string;
  group: string;
  /** The row's name, exactly as the disclosure writes it. */
  name: string;
  examples: string;
  collection: Collection;
  /** Linked to the user when collected. */
  linked: boolean;
  /** The disclosure's purpose, or null where it says "Not applicable". */
  purpose: string | null;
  appStore: { dataType: AppStoreDataType; purposes: AppStorePurpose[] };
  /** As a field of an SDK event mapped to this category. */
  asField: Treatment;
  /** Found by a detector inside free text (messages, custom field values): unsolicited (Appendix A). */
  inFreeText: Treatment;
  note?: string;
}

const CS = 'Customer service processing';
const SUPPORT = { purposes: ['APP_FUNCTIONALITY'] as AppStorePurpose[] };
const NOT_DESIGNED = { collection: 'not-collected', linked: false, purpose: null, asField: 'drop' } as const;

export const DISCLOSURE: readonly DisclosureCategory[] = [
  // CONTACT INFO
  { id: 'contact.name', group: 'Contact Info', name: 'Name', examples: 'Such as first or last name', collection: 'conditional', linked: true, purpose: CS, appStore: { dataType: 'NAME', ...SUPPORT }, asField: 'keep-encrypted', inFreeText: 'tag', note: 'Only when the app passes the user identity; never under full privacy.' },
  { id: 'contact.email', group: 'Contact Info', name: 'Email Address', examples: 'Including but not limited to a hashed email address', collection: 'conditional', linked: true, purpose: CS, appStore: { dataType: 'EMAIL_ADDRESS', ...SUPPORT }, asField: 'keep-encrypted', inFreeText: 'tag', note: 'Only when the app passes the user identity; never under full privacy.' },
  { id: 'contact.phone', group: 'Contact Info', name: 'Phone Number', examples: 'Including but not limited to a hashed phone number', ...NOT_DESIGNED, linked: true, purpose: CS, appStore: { dataType: 'PHONE_NUMBER', ...SUPPORT }, inFreeText: 'tag', note: 'No SDK field carries one; a number an end user types into a message is kept as support data, encrypted and tagged.' },
  { id: 'contact.physical-address', group: 'Contact Info', name: 'Physical Address', examples: 'Such as home address, physical address, or mailing address', ...NOT_DESIGNED, appStore: { dataType: 'PHYSICAL_ADDRESS', ...SUPPORT }, inFreeText: 'tag' },
  { id: 'contact.other', group: 'Contact Info', name: 'Other User Contact Info', examples: 'Any other information that can be used to contact the user outside the app', ...NOT_DESIGNED, appStore: { dataType: 'OTHER_CONTACT_INFO', ...SUPPORT }, inFreeText: 'tag' },
  // HEALTH AND FITNESS
  { id: 'health.health', group: 'Health and Fitness', name: 'Health', examples: 'Health and medical data', ...NOT_DESIGNED, appStore: { dataType: 'HEALTH', ...SUPPORT }, inFreeText: 'tag' },
  { id: 'health.fitness', group: 'Health and Fitness', name: 'Fitness', examples: 'Fitness and exercise data', ...NOT_DESIGNED, appStore: { dataType: 'FITNESS', ...SUPPORT }, inFreeText: 'tag' },
  // FINANCIAL INFO
  { id: 'financial.payment', group: 'Financial Info', name: 'Payment Info', examples: 'Such as form of payment, payment card number, or bank account number', ...NOT_DESIGNED, appStore: { dataType: 'PAYMENT_INFORMATION', ...SUPPORT }, inFreeText: 'mask', note: 'Card numbers and bank account numbers in messages are masked before storage (a card keeps its last four digits).' },
  { id: 'financial.credit', group: 'Financial Info', name: 'Credit Info', examples: 'Such as credit score', ...NOT_DESIGNED, appStore: { dataType: 'CREDIT_INFO', ...SUPPORT }, inFreeText: 'tag' },
  { id: 'financial.other', group: 'Financial Info', name: 'Other Financial Info', examples: 'Such as salary, income, assets, debts', ...NOT_DESIGNED, appStore: { dataType: 'OTHER_FINANCIAL_INFO', ...SUPPORT }, inFreeText: 'tag' },
  // LOCATION
  { id: 'location.precise', group: 'Location', name: 'Precise Location', examples: 'Latitude and longitude with three or more decimal places', ...NOT_DESIGNED, appStore: { dataType: 'PRECISE_LOCATION', ...SUPPORT }, inFreeText: 'coarsen', note: 'Coordinates in messages are coarsened to two decimals.' },
  { id: 'location.coarse', group: 'Location', name: 'Coarse Location', examples: 'Lower resolution than three decimal places', collection: 'collected', linked: false, purpose: CS, appStore: { dataType: 'COARSE_LOCATION', ...SUPPORT }, asField: 'keep', inFreeText: 'tag', note: 'An ISO 3166 country code derived server-side per case; the client address itself is never stored.' },
  // SENSITIVE INFO, CONTACTS
  { id: 'sensitive', group: 'Sensitive Info', name: 'Sensitive Info', examples: 'Such as racial or ethnic data, sexual orientation, religious beliefs, biometric data', ...NOT_DESIGNED, appStore: { dataType: 'SENSITIVE_INFO', ...SUPPORT }, inFreeText: 'tag' },
  { id: 'contacts', group: 'Contacts', name: 'Contacts', examples: "Such as a list of contacts in the user's phone", ...NOT_DESIGNED, appStore: { dataType: 'CONTACTS', ...SUPPORT }, inFreeText: 'tag' },
  // USER CONTENT
  { id: 'content.messages', group: 'User Content', name: 'Emails or Text Messages', examples: 'Subject line, sender, recipients, and contents', ...NOT_DESIGNED, appStore: { dataType: 'EMAILS_OR_TEXT_MESSAGES', ...SUPPORT }, inFreeText: 'tag' },
  { id: 'content.photos', group: 'User Content', name: 'Photos or Videos', examples: "The user's photos or videos", ...NOT_DESIGNED, appStore: { dataType: 'PHOTOS_OR_VIDEOS', ...SUPPORT }, inFreeText: 'tag', note: 'Attachments an end user sends to an agent are customer-support data.' },
  { id: 'content.audio', group: 'User Content', name: 'Audio Data', examples: "The user's voice or sound recordings", ...NOT_DESIGNED, appStore: { dataType: 'AUDIO', ...SUPPORT }, inFreeText: 'tag' },
  { id: 'content.gameplay', group: 'User Content', name: 'Gameplay Content', examples: 'Such as user-generated content in-game', ...NOT_DESIGNED, appStore: { dataType: 'GAMEPLAY_CONTENT', ...SUPPORT }, inFreeText: 'tag' },
  { id: 'content.customer-support', group: 'User Content', name: 'Customer Support', examples: 'Data generated by the user during a customer support request', collection: 'collected', linked: true, purpose: CS, appStore: { dataType: 'CUSTOMER_SUPPORT', ...SUPPORT }, asField: 'keep-encrypted', inFreeText: 'tag', note: 'Messages and attachments; scanned for unsolicited personal data.' },
  { id: 'content.other', group: 'User Content', name: 'Other User Content', examples: 'Any other user-generated content', ...NOT_DESIGNED, appStore: { dataType: 'OTHER_USER_CONTENT', ...SUPPORT }, inFreeText: 'tag' },
  // BROWSING AND SEARCH HISTORY
  { id: 'history.browsing', group: 'Browsing History', name: 'Browsing History', examples: 'Content the user has viewed that is not part of the app, such as websites', ...NOT_DESIGNED, appStore: { dataType: 'BROWSING_HISTORY', ...SUPPORT }, inFreeText: 'tag', note: 'Exception: a click on a link in an agent reply is recorded, linked to the conversation.' },
  { id: 'history.search', group: 'Search History', name: 'Search History', examples: 'Information about searches performed in the app', collection: 'collected', linked: true, purpose: CS, appStore: { dataType: 'SEARCH_HISTORY', ...SUPPORT }, asField: 'keep-encrypted', inFreeText: 'tag', note: 'FAQ searches.' },
  // IDENTIFIERS
  { id: 'identifiers.user-id', group: 'Identifiers', name: 'User ID', examples: 'Screen name, handle, account ID, customer number', ...NOT_DESIGNED, appStore: { dataType: 'USER_ID', ...SUPPORT }, inFreeText: 'mask', note: 'National identifiers such as US Social Security numbers in messages are masked.' },
  { id: 'identifiers.device-id', group: 'Identifiers', name: 'Device ID', examples: "Such as the device's advertising identifier, or other device-level ID", ...NOT_DESIGNED, appStore: { dataType: 'DEVICE_ID', ...SUPPORT }, inFreeText: 'tag', note: 'An advertising id sent by an SDK is dropped.' },
  // PURCHASES
  { id: 'purchases', group: 'Purchases', name: 'Purchase History', examples: "An account's or individual's purchases", ...NOT_DESIGNED, appStore: { dataType: 'PURCHASE_HISTORY', ...SUPPORT }, inFreeText: 'tag' },
  // USAGE DATA
  { id: 'usage.product-interaction', group: 'Usage Data', name: 'Product Interaction', examples: 'App launches, taps, clicks, scrolling', collection: 'collected', linked: false, purpose: 'Active usage calculation for analytics and billing', appStore: { dataType: 'PRODUCT_INTERACTION', purposes: ['ANALYTICS'] }, asField: 'keep', inFreeText: 'tag', note: 'Session events; install ids are stored only as keyed hashes rotated per billing period.' },
  { id: 'usage.advertising', group: 'Usage Data', name: 'Advertising Data', examples: 'Advertisements the user has seen', ...NOT_DESIGNED, appStore: { dataType: 'ADVERTISING_DATA', ...SUPPORT }, inFreeText: 'tag' },
  { id: 'usage.other', group: 'Usage Data', name: 'Other Usage Data', examples: 'Any other data about user activity in the app', ...NOT_DESIGNED, appStore: { dataType: 'OTHER_USAGE_DATA', ...SUPPORT }, asField: 'keep', inFreeText: 'tag', note: "Custom issue fields and metadata a brand defines are kept, linked to the service request (not the user), and scanned for unsolicited personal data." },
  // DIAGNOSTICS
  { id: 'diagnostics.crash', group: 'Diagnostics', name: 'Crash Data', examples: 'Such as crash logs', collection: 'collected', linked: false, purpose: null, appStore: { dataType: 'CRASH_DATA', ...SUPPORT }, asField: 'keep', inFreeText: 'tag', note: 'Stored with no link to a user or a conversation.' },
  { id: 'diagnostics.performance', group: 'Diagnostics', name: 'Performance Data', examples: 'Such as launch time, hang rate, or energy use', ...NOT_DESIGNED, appStore: { dataType: 'PERFORMANCE_DATA', ...SUPPORT }, inFreeText: 'tag', note: 'Rejected at the gateway with a reason.' },
  { id: 'diagnostics.other', group: 'Diagnostics', name: 'Other Diagnostic Data', examples: 'Any other data for measuring technical diagnostics', collection: 'collected', linked: false, purpose: null, appStore: { dataType: 'OTHER_DIAGNOSTIC_DATA', ...SUPPORT }, asField: 'keep', inFreeText: 'tag', note: 'Includes the SDK, app and OS versions and the device platform and model sent with a request.' },
  // OTHER DATA
  { id: 'other.idfv', group: 'Other Data', name: 'Other Data Types*', examples: 'A unique ID for vendor (IDFV) per app installation', collection: 'collected', linked: false, purpose: 'Exchange messages with the specific app instance in which an end user requested customer service', appStore: { dataType: 'OTHER_DATA_TYPES', ...SUPPORT }, asField: 'keep', inFreeText: 'tag' },
];

export type CategoryId = (typeof DISCLOSURE)[number]['id'];

const byId = new Map(DISCLOSURE.map((category) => [category.id, category]));

export function category(id: string): DisclosureCategory {
  const found = byId.get(id);
  if (!found) throw new Error(`unknown disclosure category ${id}`);
  return found;
}
