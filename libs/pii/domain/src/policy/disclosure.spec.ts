import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Collection, DISCLOSURE } from './disclosure';
import { appStorePrivacyLabel, renderDisclosureTable } from './render';

/**
 * The public disclosure, as published (a copy of shared/spec/data-collection-practices.txt kept
 * with the code that enforces it). Its category rows are a name line, an examples line ending in
 * "|", then the collection statement.
 */
function publishedCategories(): { name: string; collection: Collection }[] {
  const lines = readFileSync(path.join(__dirname, 'data-collection-practices.txt'), 'utf8').split('\n');
  const rows: { name: string; collection: Collection }[] = [];
  for (let i = 1; i + 2 < lines.length; i++) {
    const [name, examples, statement] = [lines[i].trim(), lines[i + 1].trim(), lines[i + 2].trim()];
    if (name.includes('|') || !examples.endsWith('|') || !lines[i - 1].trim().endsWith('|')) continue;
    if (/^(Conditional)/.test(statement)) rows.push({ name, collection: 'conditional' });
    else if (/^(Collected|All end-user session events are collected|We collect)/.test(statement)) rows.push({ name, collection: 'collected' });
    else if (/^(THE HELPSHIFT PLATFORM IS NOT DESIGNED|Not collected)/.test(statement)) rows.push({ name, collection: 'not-collected' });
  }
  return rows;
}

describe('the disclosure as code', () => {
  it('has exactly the categories of the published disclosure, in its order, with its collection status', () => {
    const published = publishedCategories();
    expect(published).toHaveLength(32);
    expect(DISCLOSURE.map(({ name, collection }) => ({ name, collection }))).toEqual(published);
  });

  it('prints every category in the generated table', () => {
    const table = renderDisclosureTable();
    for (const { name } of publishedCategories()) expect(table).toContain(` ${name} `);
  });

  it('drops, as a field, every category Sieve does not collect, except brand-defined custom issue fields', () => {
    const keptButNotCollected = DISCLOSURE.filter((c) => c.collection === 'not-collected' && c.asField !== 'drop').map((c) => c.id);
    expect(keptButNotCollected).toEqual(['usage.other']);
  });

  it('labels for the App Store: linked, not linked, not collected, never tracking', () => {
    const label = appStorePrivacyLabel();
    expect(label.dataUsedToTrackYou).toEqual([]);
    expect(label.dataLinkedToYou.map((d) => d.dataType)).toEqual(['NAME', 'EMAIL_ADDRESS', 'CUSTOMER_SUPPORT', 'SEARCH_HISTORY']);
    expect(label.dataNotLinkedToYou.map((d) => d.dataType)).toEqual([
      'COARSE_LOCATION',
      'PRODUCT_INTERACTION',
      'CRASH_DATA',
      'OTHER_DIAGNOSTIC_DATA',
      'OTHER_DATA_TYPES',
    ]);
    expect(label.dataNotCollected).toContain('DEVICE_ID');
    expect(label.dataNotCollected).toContain('PERFORMANCE_DATA');
    expect(label.dataNotCollected).toHaveLength(32 - 9);
  });
});
