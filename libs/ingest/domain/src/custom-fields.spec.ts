import { CustomFieldDefinition, customFieldDefinitionSchema, customFieldProblems } from './custom-fields';

const FIELDS: CustomFieldDefinition[] = [
  { key: 'order', type: 'single-line', label: 'Order', required: true },
  { key: 'details', type: 'multi-line', label: 'Details', required: false },
  { key: 'level', type: 'number', label: 'Level', required: false },
  { key: 'tier', type: 'dropdown', label: 'Tier', required: false, options: ['bronze', 'gold'] },
  { key: 'bought_on', type: 'date', label: 'Bought on', required: false },
  { key: 'ok', type: 'checkbox', label: 'OK to contact', required: false },
];

describe('customFieldProblems', () => {
  it('accepts values that fit their fields', () => {
    expect(customFieldProblems(FIELDS, { order: 'A-1', details: 'line one\nline two', level: 3.5, tier: 'gold', bought_on: '2024-02-29', ok: false })).toEqual([]);
  });

  it('names each field whose value does not fit, and says why', () => {
    const problems = customFieldProblems(FIELDS, { order: 'two\nlines', level: '3', tier: 'silver', bought_on: '2023-02-29', ok: 'yes', surprise: 1 });
    expect(Object.fromEntries(problems.map(({ field, problem }) => [field, problem]))).toEqual({
      'customFields.order': 'expected one line of text, at most 255 characters',
      'customFields.level': 'expected a number',
      'customFields.tier': 'expected one of the options: bronze, gold',
      'customFields.bought_on': 'expected a date as YYYY-MM-DD',
      'customFields.ok': 'expected true or false',
      'customFields.surprise': 'this app has no such custom field',
    });
  });

  it('requires required fields, also when no custom fields are sent', () => {
    expect(customFieldProblems(FIELDS, undefined)).toEqual([{ field: 'customFields.order', problem: 'required' }]);
    expect(customFieldProblems(FIELDS, { order: 'x'.repeat(256) })).toEqual([{ field: 'customFields.order', problem: 'expected one line of text, at most 255 characters' }]);
  });
});

describe('a custom field definition', () => {
  it('has options if and only if it is a dropdown', () => {
    expect(customFieldDefinitionSchema.safeParse({ key: 'tier', type: 'dropdown', label: 'Tier', required: false }).success).toBe(false);
    expect(customFieldDefinitionSchema.safeParse({ key: 'level', type: 'number', label: 'Level', required: false, options: ['1'] }).success).toBe(false);
    expect(customFieldDefinitionSchema.safeParse({ key: 'Level!', type: 'number', label: 'Level', required: false }).success).toBe(false);
  });
});
