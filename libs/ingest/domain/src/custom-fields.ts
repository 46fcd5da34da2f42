import { z } from 'zod';

export const CUSTOM_FIELD_TYPES = ['single-line', 'multi-line', 'number', 'dropdown', 'date', 'checkbox'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** A custom issue field a brand defined for an app. */
export const customFieldDefinitionSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'lowercase letters, digits and underscores, starting with a letter'),
    type: z.enum(CUSTOM_FIELD_TYPES),
    label: z.string().min(1).max(200),
    required: z.boolean(),
    options: z.array(z.string().min(1).max(255)).min(1).max(200).optional(),
  })
  .strict()
  .refine((field) => (field.type === 'dropdown') === (field.options !== undefined), { message: 'a dropdown has options, and only a dropdown', path: ['options'] });
export type CustomFieldDefinition = z.infer<typeof customFieldDefinitionSchema>;

/** What a value of each type may be, and how to say it is not. */
const VALUE_RULES: Record<CustomFieldType, (value: unknown, field: CustomFieldDefinition) => string | undefined> = {
  'single-line': (value) => (typeof value === 'string' && value.length <= 255 && !/[\r\n]/.test(value) ? undefined : 'expected one line of text, at most 255 characters'),
  'multi-line': (value) => (typeof value === 'string' && value.length <= 10_000 ? undefined : 'expected text of at most 10,000 characters'),
  number: (value) => (typeof value === 'number' && Number.isFinite(value) ? undefined : 'expected a number'),
  dropdown: (value, field) => (typeof value === 'string' && field.options!.includes(value) ? undefined : `expected one of the options: ${field.options!.join(', ')}`),
  date: (value) => (typeof value === 'string' && isCalendarDate(value) ? undefined : 'expected a date as YYYY-MM-DD'),
  checkbox: (value) => (typeof value === 'boolean' ? undefined : 'expected true or false'),
};

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Each problem of custom field values against an app's definitions, by field path; [] if none. */
export function customFieldProblems(definitions: readonly CustomFieldDefinition[], values: Record<string, unknown> | undefined): { field: string; problem: string }[] {
  const problems: { field: string; problem: string }[] = [];
  const byKey = new Map(definitions.map((definition) => [definition.key, definition]));
  for (const [key, value] of Object.entries(values ?? {})) {
    const definition = byKey.get(key);
    const problem = definition ? VALUE_RULES[definition.type](value, definition) : 'this app has no such custom field';
    if (problem) problems.push({ field: `customFields.${key}`, problem });
  }
  for (const definition of definitions) {
    if (definition.required && values?.[definition.key] === undefined) problems.push({ field: `customFields.${definition.key}`, problem: 'required' });
  }
  return problems;
}
