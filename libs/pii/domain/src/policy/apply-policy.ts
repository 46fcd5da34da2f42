import { category } from './disclosure';
import { FieldRule, OPERATIONAL, ruleFor } from './field-map';

export type FieldAction = 'keep' | 'drop';

export interface FieldDecision {
  field: string;
  category: string;
  action: FieldAction;
  /** Why a value was dropped. */
  reason?: 'not-collected' | 'full-privacy' | 'unmapped' | 'not-linked' | 'disclosure-exception';
}

export interface PolicyResult {
  /** The payload with every dropped field removed. */
  kept: Record<string, unknown>;
  /** One per field that was dropped, and one per kept field of a personal-data category. */
  decisions: FieldDecision[];
  /** Paths of kept free-text values detectors must scan (strings only). */
  freeText: string[];
}

/**
 * Applies the disclosure to a structured payload: each field is kept or dropped by its category's
 * treatment as a field, custom data is dropped under full privacy, unmapped fields are dropped.
 * Leaves are plain values; a brand-defined map (`customFields.*`) is judged key by key.
 */
export function applyFieldPolicy(
  payload: Record<string, unknown>,
  map: Readonly<Record<string, FieldRule>>,
  options: { fullPrivacy: boolean },
): PolicyResult {
  const decisions: FieldDecision[] = [];
  const freeText: string[] = [];

  const visit = (value: Record<string, unknown>, prefix: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key;
      const found = ruleFor(map, path);
      if (!found && isPlainObject(child) && Object.keys(map).some((pattern) => pattern.startsWith(`${path}.`))) {
        const nested = visit(child, path);
        if (Object.keys(nested).length > 0) out[key] = nested;
        continue;
      }
      if (!found) {
        decisions.push({ field: path, category: 'unmapped', action: 'drop', reason: 'unmapped' });
        continue;
      }
      const { rule } = found;
      if (rule.category === OPERATIONAL) {
        out[key] = child;
        continue;
      }
      if (rule.customData && options.fullPrivacy) {
        decisions.push({ field: path, category: rule.category, action: 'drop', reason: 'full-privacy' });
        continue;
      }
      if (rule.override) {
        const { treatment, reason } = rule.override;
        decisions.push({ field: path, category: rule.category, action: treatment, reason });
        if (treatment === 'keep') out[key] = child;
        continue;
      }
      if (category(rule.category).asField === 'drop') {
        decisions.push({ field: path, category: rule.category, action: 'drop', reason: 'not-collected' });
        continue;
      }
      out[key] = child;
      decisions.push({ field: path, category: rule.category, action: 'keep' });
      if (rule.scan) freeText.push(...stringPaths(child, path));
    }
    return out;
  };

  return { kept: visit(payload, ''), decisions, freeText };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Paths of every string inside a value (a custom field may hold a list or an object). */
function stringPaths(value: unknown, path: string): string[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringPaths(item, `${path}.${index}`));
  if (isPlainObject(value)) return Object.entries(value).flatMap(([key, item]) => stringPaths(item, `${path}.${key}`));
  return [];
}
