import { CategoryId } from './disclosure';

/** Not personal data: ids and flags Sieve itself assigns or needs to route an event. */
export const OPERATIONAL = 'operational';

export interface FieldRule {
  category: CategoryId | typeof OPERATIONAL;
  /**
   * Where this field's treatment differs from its category's, and why: the disclosure's own
   * exceptions (a link clicked in an agent reply) and its "not linked" promises (no install id on
   * a crash report).
   */
  override?: { treatment: 'keep' | 'drop'; reason: 'disclosure-exception' | 'not-linked' };
  /** Free text: detectors look for unsolicited personal data in it. */
  scan?: boolean;
  /** Custom data in the disclosure's sense: none of it is received under full privacy. */
  customData?: boolean;
}

const operational: FieldRule = { category: OPERATIONAL };
const diagnostics: FieldRule = { category: 'diagnostics.other' };

/**
 * Every field each SDK event can carry, by path (`*` stands for any key of a brand-defined map),
 * mapped to its disclosure category. A field missing here is dropped and reported, never passed on.
 */
const rawBase = {
  appId: operational,
  clientEventId: operational,
  fullPrivacy: operational,
  installId: { category: 'other.idfv' },
  'versions.sdk': diagnostics,
  'versions.app': diagnostics,
  'versions.os': diagnostics,
} as const satisfies Record<string, FieldRule>;

/** Diagnostics are not linked to a user: the install id is dropped from them. */
const unlinked = { ...rawBase, installId: { category: 'other.idfv', override: { treatment: 'drop', reason: 'not-linked' } } } as const satisfies Record<string, FieldRule>;

export const SDK_FIELD_MAPS = {
  'sdk.conversation-opened': {
    ...rawBase,
    conversationId: operational,
    'message.id': operational,
    countryCode: { category: 'location.coarse' },
    'message.body': { category: 'content.customer-support', scan: true },
    'identity.name': { category: 'contact.name', customData: true },
    'identity.email': { category: 'contact.email', customData: true },
    'device.platform': diagnostics,
    'device.model': diagnostics,
    'device.advertisingId': { category: 'identifiers.device-id' },
    'customFields.*': { category: 'usage.other', scan: true, customData: true },
    'metadata.*': { category: 'usage.other', scan: true, customData: true },
  },
  'sdk.message-sent': {
    ...rawBase,
    conversationId: operational,
    'message.id': operational,
    'message.body': { category: 'content.customer-support', scan: true },
  },
  'sdk.attachment-added': {
    ...rawBase,
    conversationId: operational,
    'attachment.id': operational,
    'attachment.blobKey': operational,
    'attachment.sizeBytes': operational,
    'attachment.contentType': { category: 'content.customer-support', customData: true },
    'attachment.fileName': { category: 'content.customer-support', scan: true, customData: true },
  },
  'sdk.session-event': {
    ...rawBase,
    eventTime: { category: 'usage.product-interaction' },
    kind: { category: 'usage.product-interaction' },
    'properties.*': { category: 'usage.other', scan: true, customData: true },
  },
  'sdk.faq-searched': {
    ...rawBase,
    searchId: operational,
    searchedAt: operational,
    query: { category: 'history.search', scan: true },
  },
  'sdk.link-clicked': {
    ...rawBase,
    conversationId: operational,
    messageId: operational,
    clickedAt: operational,
    url: { category: 'history.browsing', override: { treatment: 'keep', reason: 'disclosure-exception' } },
  },
  'sdk.crash-reported': {
    ...unlinked,
    reportId: operational,
    crashedAt: operational,
    'device.platform': diagnostics,
    'device.model': diagnostics,
    'crash.type': { category: 'diagnostics.crash' },
    'crash.message': { category: 'diagnostics.crash', scan: true },
    'crash.stackTrace': { category: 'diagnostics.crash', scan: true },
  },
  'sdk.diagnostic-reported': {
    ...unlinked,
    reportId: operational,
    reportedAt: operational,
    name: { category: 'diagnostics.other' },
    'data.*': { category: 'diagnostics.other', scan: true },
  },
} as const satisfies Record<string, Record<string, FieldRule>>;

/** The rule for a concrete path (`customFields.level`), or undefined if nobody mapped it. */
export function ruleFor(map: Readonly<Record<string, FieldRule>>, path: string): { pattern: string; rule: FieldRule } | undefined {
  if (map[path]) return { pattern: path, rule: map[path] };
  const dot = path.indexOf('.');
  if (dot > 0) {
    const pattern = `${path.slice(0, dot)}.*`;
    if (map[pattern]) return { pattern, rule: map[pattern] };
  }
  return undefined;
}
