import { SdkConversationOpenedV1, SupportConversationOpenedV1 } from '@sieve/contracts';

/** What the classifier did with one field of an SDK event. */
export interface FieldDecision {
  field: string;
  category: string;
  action: 'keep' | 'drop';
}

export interface Classified<T> {
  clean: T;
  decisions: FieldDecision[];
}

/**
 * Applies the disclosure to an opened conversation. This first cut knows the fields of this one
 * event; the full policy (every category, free-text detectors, masking) replaces it later.
 *
 * - device.advertisingId: Identifiers / Device ID — not collected: dropped.
 * - identity, customFields, metadata: custom data — dropped when full privacy is on, whatever the
 *   gateway did (the SDK flag is enforced twice).
 * - clientEventId, fullPrivacy: transport details, consumed here.
 */
export function classifyConversationOpened(raw: SdkConversationOpenedV1): Classified<SupportConversationOpenedV1> {
  const decisions: FieldDecision[] = [];
  const { advertisingId, ...device } = raw.device ?? {};
  if (advertisingId !== undefined) {
    decisions.push({ field: 'device.advertisingId', category: 'identifiers.device-id', action: 'drop' });
  }

  const customData = raw.fullPrivacy ? {} : pick(raw, ['identity', 'customFields', 'metadata']);
  if (raw.fullPrivacy) {
    for (const field of ['identity', 'customFields', 'metadata'] as const) {
      if (raw[field] !== undefined) decisions.push({ field, category: 'custom-data', action: 'drop' });
    }
  }

  const clean: SupportConversationOpenedV1 = {
    appId: raw.appId,
    installId: raw.installId,
    conversationId: raw.conversationId,
    countryCode: raw.countryCode,
    message: raw.message,
    versions: raw.versions,
    ...(raw.device ? { device } : {}),
    ...customData,
  };
  return { clean, decisions };
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
