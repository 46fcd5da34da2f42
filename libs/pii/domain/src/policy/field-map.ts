import { CategoryId } from './disclosure';

/** Not personal data: ids and flags Sieve itself assigns or needs to route an event. */
export const OPERATIONAL = 'operational';

export interface FieldRule {
  category: CategoryId | typeof OPERATIONAL;
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
export const SDK_FIELD_MAPS = {
  'sdk.conversation-opened': {
    appId: operational,
    conversationId: operational,
    clientEventId: operational,
    fullPrivacy: operational,
    'message.id': operational,
    installId: { category: 'other.idfv' },
    countryCode: { category: 'location.coarse' },
    'message.body': { category: 'content.customer-support', scan: true },
    'identity.name': { category: 'contact.name', customData: true },
    'identity.email': { category: 'contact.email', customData: true },
    'device.platform': diagnostics,
    'device.model': diagnostics,
    'device.advertisingId': { category: 'identifiers.device-id' },
    'versions.sdk': diagnostics,
    'versions.app': diagnostics,
    'versions.os': diagnostics,
    'customFields.*': { category: 'usage.other', scan: true, customData: true },
    'metadata.*': { category: 'usage.other', scan: true, customData: true },
  },
} as const satisfies Record<string, Record<string, FieldRule>>;

export type MappedEventType = keyof typeof SDK_FIELD_MAPS;

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
