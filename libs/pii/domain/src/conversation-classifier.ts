import { SdkConversationOpenedV1, SupportConversationOpenedV1 } from '@sieve/contracts';
import { detectPii } from './detectors/detect';
import { applyFieldPolicy, FieldDecision } from './policy/apply-policy';
import { SDK_FIELD_MAPS } from './policy/field-map';
import { BrandSettings, FREE_TEXT_CATEGORY, freeTextTreatment } from './policy/free-text';
import { AppliedFinding, applyTextActions } from './policy/redact-text';

export interface TextFinding extends AppliedFinding {
  field: string;
  category: string;
}

export interface Classified<T> {
  clean: T;
  /** Fields dropped (and why), and kept fields of personal-data categories. */
  fieldDecisions: FieldDecision[];
  /** Personal data found in free text, with the action taken and offsets in the clean text. */
  textFindings: TextFinding[];
}

/**
 * Applies the disclosure to an opened conversation: every field by its category (unmapped ones
 * dropped, custom data dropped under full privacy, whatever the gateway did), then the detectors
 * over the free text that is kept (the message, custom field and metadata values), masking,
 * coarsening or tagging what they find.
 */
export function classifyConversationOpened(raw: SdkConversationOpenedV1, settings: BrandSettings = {}): Classified<SupportConversationOpenedV1> {
  const { kept, decisions, freeText } = applyFieldPolicy(raw, SDK_FIELD_MAPS['sdk.conversation-opened'], { fullPrivacy: raw.fullPrivacy });
  const textFindings: TextFinding[] = [];
  for (const path of freeText) {
    const value = getPath(kept, path);
    if (typeof value !== 'string') continue;
    const { text, applied } = applyTextActions(value, detectPii(value), (finding) => freeTextTreatment(finding.type, settings));
    setPath(kept, path, text);
    textFindings.push(...applied.map((finding) => ({ ...finding, field: path, category: FREE_TEXT_CATEGORY[finding.type] })));
  }
  const payload = kept as Partial<SdkConversationOpenedV1>;
  const clean: SupportConversationOpenedV1 = {
    appId: raw.appId,
    installId: raw.installId,
    conversationId: raw.conversationId,
    countryCode: raw.countryCode,
    message: { id: raw.message.id, body: payload.message?.body ?? '' },
    versions: payload.versions ?? { sdk: raw.versions.sdk },
    ...(payload.identity && Object.keys(payload.identity).length > 0 ? { identity: payload.identity } : {}),
    ...(payload.device && Object.keys(payload.device).length > 0 ? { device: payload.device } : {}),
    ...(payload.customFields ? { customFields: payload.customFields } : {}),
    ...(payload.metadata ? { metadata: payload.metadata } : {}),
  };
  return { clean, fieldDecisions: decisions, textFindings };
}

function getPath(root: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
}

function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, root);
  parent[keys[keys.length - 1]] = value;
}
