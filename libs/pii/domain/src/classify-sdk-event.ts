import { ClearEventOn, clearSchemaOf, EventType, PayloadOf, TopicName, Topics } from '@sieve/contracts';
import { detectPiiInTexts } from './detectors/detect';
import { Finding } from './detectors/finding';
import { applyFieldPolicy, FieldDecision } from './policy/apply-policy';
import { SDK_FIELD_MAPS } from './policy/field-map';
import { BrandSettings, FREE_TEXT_CATEGORY, freeTextTreatment } from './policy/free-text';
import { AppliedFinding, applyTextActions } from './policy/redact-text';

/** A raw SDK event with what a person typed opened (the classifier's use case opens it from its transit key). */
type RawEvent = ClearEventOn<typeof Topics.sdkRaw>;
type RawType = RawEvent['type'];

interface Route<T extends EventType> {
  type: T;
  topic: TopicName;
  key: (payload: PayloadOf<T>) => string;
}

function route<T extends EventType>(type: T, topic: TopicName, key: (payload: PayloadOf<T>) => string): Route<EventType> {
  return { type, topic, key: key as (payload: PayloadOf<EventType>) => string };
}

/** Where each raw SDK event goes once classified, as which event, keyed for its consumers' order. */
const ROUTES: { [K in RawType]: Route<EventType> } = {
  'sdk.conversation-opened': route('support.conversation-opened', Topics.support, (p) => p.conversationId),
  'sdk.message-sent': route('support.message-sent', Topics.support, (p) => p.conversationId),
  'sdk.attachment-added': route('support.attachment-added', Topics.support, (p) => p.conversationId),
  'sdk.session-event': route('usage.session-event', Topics.usage, (p) => p.installId),
  'sdk.faq-searched': route('support.faq-searched', Topics.support, (p) => p.installId),
  'sdk.link-clicked': route('support.link-clicked', Topics.support, (p) => p.conversationId),
  'sdk.crash-reported': route('diagnostics.crash-reported', Topics.diagnostics, (p) => p.reportId),
  'sdk.diagnostic-reported': route('diagnostics.reported', Topics.diagnostics, (p) => p.reportId),
};

export interface TextFinding extends AppliedFinding {
  field: string;
  category: string;
}

export interface ClassifiedEvent {
  /** The clean event to publish, or null when nothing of it may be received (full privacy). */
  output: { type: EventType; topic: TopicName; key: string; payload: unknown } | null;
  /** Fields dropped (and why), and kept fields of personal-data categories. */
  fieldDecisions: FieldDecision[];
  /** Personal data found in free text, with the action taken and offsets in the clean text. */
  textFindings: TextFinding[];
}

/** Thrown when policy output doesn't fit the clean event's schema: a bug, not bad input. */
export class ClassificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClassificationError';
  }
}

/**
 * Applies the disclosure to one raw SDK event: every field by its category (unmapped ones
 * dropped, custom data dropped under full privacy whatever the gateway did, install ids dropped
 * from what is not linked), then the detectors over the free text that is kept, masking,
 * coarsening or tagging what they find. The result is parsed strictly by the clean event's schema.
 */
export function classifySdkEvent(raw: RawEvent, settings: BrandSettings = {}): ClassifiedEvent {
  return classifySdkEvents([raw], () => settings)[0];
}

/**
 * classifySdkEvent for a batch of raw events, with the same result for each: the free text of all
 * of them goes through the detectors together (detectPiiInTexts), which is faster than one event
 * at a time. Throws ClassificationError for the first event whose clean form is invalid.
 */
export function classifySdkEvents(raws: readonly RawEvent[], settingsOf: (raw: RawEvent) => BrandSettings = () => ({})): ClassifiedEvent[] {
  const events = raws.map(withPolicyApplied);
  const findings = detectPiiInTexts(events.flatMap(({ freeText }) => freeText.map(({ value }) => value)));
  let next = 0;
  return events.map((event) => finish(event, event.freeText.map(() => findings[next++]), settingsOf(event.raw)));
}

interface PolicyApplied {
  raw: RawEvent;
  kept: Record<string, unknown>;
  decisions: FieldDecision[];
  /** The kept free-text fields, for the detectors. */
  freeText: { path: string; value: string }[];
}

function withPolicyApplied(raw: RawEvent): PolicyApplied {
  const { kept, decisions, freeText } = applyFieldPolicy(raw.payload as Record<string, unknown>, SDK_FIELD_MAPS[raw.type], { fullPrivacy: raw.payload.fullPrivacy });
  const texts = freeText.map((path) => ({ path, value: getPath(kept, path) })).filter((field): field is { path: string; value: string } => typeof field.value === 'string');
  return { raw, kept, decisions, freeText: texts };
}

/** The free text masked, coarsened or tagged by what the detectors found, and the clean event. */
function finish({ raw, kept, decisions, freeText }: PolicyApplied, findings: Finding[][], settings: BrandSettings): ClassifiedEvent {
  const textFindings: TextFinding[] = [];
  freeText.forEach(({ path, value }, index) => {
    const { text, applied } = applyTextActions(value, findings[index], (finding) => freeTextTreatment(finding.type, settings));
    setPath(kept, path, text);
    textFindings.push(...applied.map((finding) => ({ ...finding, field: path, category: FREE_TEXT_CATEGORY[finding.type] })));
  });

  // Under full privacy an attachment is custom data as a whole: nothing of it goes on.
  if (raw.type === 'sdk.attachment-added' && !('fileName' in ((kept.attachment as object | undefined) ?? {}))) {
    return { output: null, fieldDecisions: decisions, textFindings };
  }

  // A message carries the categories found in its body, so agents see what it held.
  const message = kept.message as Record<string, unknown> | undefined;
  if (message && (raw.type === 'sdk.conversation-opened' || raw.type === 'sdk.message-sent')) {
    message.piiTags = [...new Set(textFindings.filter((finding) => finding.field === 'message.body').map((finding) => finding.category))].sort();
  }

  const destination = ROUTES[raw.type];
  // The clear form: the classifier's use case seals the personal fields before they travel.
  const schema = clearSchemaOf(destination.type);
  const parsed = schema.safeParse(shapeFor(kept, schema.shape));
  if (!parsed.success) {
    throw new ClassificationError(`classifying ${raw.type} produced an invalid ${destination.type}: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  }
  const payload = parsed.data as PayloadOf<EventType>;
  return { output: { type: destination.type, topic: destination.topic, key: destination.key(payload), payload }, fieldDecisions: decisions, textFindings };
}

/** Only the keys the clean schema has (operational raw fields like clientEventId stop here); empty objects go. */
function shapeFor(kept: Record<string, unknown>, shape: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) {
    const value = kept[key];
    if (value === undefined) continue;
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0 && key !== 'customFields' && key !== 'metadata' && key !== 'data') continue;
    out[key] = value;
  }
  return out;
}

function getPath(root: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
}

function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, root);
  parent[keys[keys.length - 1]] = value;
}
