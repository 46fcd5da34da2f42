import { Collection, DISCLOSURE, DisclosureCategory } from './disclosure';

const COLLECTION_TEXT: Record<Collection, string> = {
  collected: 'Collected',
  conditional: 'Conditional',
  'not-collected': 'Not collected',
};

/** The disclosure as a plain-text table, one row per category, generated from the policy. */
export function renderDisclosureTable(categories: readonly DisclosureCategory[] = DISCLOSURE): string {
  const rows = categories.map((c) => [
    c.group,
    c.name,
    COLLECTION_TEXT[c.collection],
    c.collection === 'not-collected' ? (c.linked ? 'Yes, if collected' : 'No') : c.linked ? 'Yes' : 'No',
    c.purpose ?? 'Not applicable',
    c.asField,
    c.inFreeText,
  ]);
  const header = ['Group', 'Category', 'Collected?', 'Linked to user?', 'Purpose', 'As a field', 'In free text'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ').trimEnd();
  const notes = categories.filter((c) => c.note).map((c) => `- ${c.name}: ${c.note}`);
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line), '', 'Notes', ...notes].join('\n');
}

export interface AppStorePrivacyLabel {
  dataUsedToTrackYou: [];
  dataLinkedToYou: { dataType: string; purposes: string[] }[];
  dataNotLinkedToYou: { dataType: string; purposes: string[] }[];
  dataNotCollected: string[];
}

/**
 * The App Store privacy "nutrition label" for the data the SDK sends to Sieve. Conditional
 * categories are declared (a brand that passes them must disclose them). Nothing is used to track.
 */
export function appStorePrivacyLabel(categories: readonly DisclosureCategory[] = DISCLOSURE): AppStorePrivacyLabel {
  const declared = categories.filter((c) => c.collection !== 'not-collected');
  const entry = (c: DisclosureCategory) => ({ dataType: c.appStore.dataType, purposes: c.appStore.purposes });
  return {
    dataUsedToTrackYou: [],
    dataLinkedToYou: declared.filter((c) => c.linked).map(entry),
    dataNotLinkedToYou: declared.filter((c) => !c.linked).map(entry),
    dataNotCollected: categories.filter((c) => c.collection === 'not-collected').map((c) => c.appStore.dataType),
  };
}
