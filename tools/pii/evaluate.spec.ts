import { Finding } from '@sieve/pii-domain';
import { LabelledText, score } from './evaluate';

const corpus: LabelledText[] = [
  { id: '1', text: 'mail ada@example.com now', entities: [{ type: 'EMAIL_ADDRESS', start: 5, end: 20 }] },
  { id: '2', text: 'call 555 0100', entities: [{ type: 'PHONE_NUMBER', start: 5, end: 13 }] },
];

const finding = (type: Finding['type'], start: number, end: number): Finding => ({ type, start, end, confidence: 1, detector: 'test' });

describe('score', () => {
  const detect = (text: string): Finding[] =>
    text.startsWith('mail') ? [finding('EMAIL_ADDRESS', 5, 20), finding('URL', 10, 20)] : [finding('PHONE_NUMBER', 5, 12)];

  it('counts exact matches, wrong spans and spurious findings per type', () => {
    const rows = score(corpus, detect, 'exact');
    const row = (type: string) => rows.find((r) => r.type === type)!;
    expect(row('EMAIL_ADDRESS')).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 0, f1: 1 });
    expect(row('PHONE_NUMBER')).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 1, precision: 0, recall: 0 });
    expect(row('URL')).toMatchObject({ truePositives: 0, falsePositives: 1, support: 0 });
    expect(row('micro')).toMatchObject({ truePositives: 1, falsePositives: 2, falseNegatives: 1 });
  });

  it('accepts an overlapping span of the right type in overlap mode', () => {
    const phone = score(corpus, detect, 'overlap').find((r) => r.type === 'PHONE_NUMBER')!;
    expect(phone).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 0 });
  });
});
