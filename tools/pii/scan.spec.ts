import { execFileSync } from 'node:child_process';
import path from 'node:path';

const workspaceRoot = path.resolve(__dirname, '../..');

function scan(input: string): unknown[] {
  const output = execFileSync(process.execPath, [path.join(workspaceRoot, 'dist/tools/pii/scan.js')], { input });
  return output
    .toString()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

describe('npm run pii:scan', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(workspaceRoot, 'tools/build/build.cjs')], { stdio: 'ignore' });
  });

  it('answers each JSON line with the findings, their offsets and the action the classifier takes', () => {
    const lines = [
      { id: 'a', text: 'card 4111 1111 1111 1111, mail ada@example.com' },
      { id: 'b', text: 'app version 10.2.3.4 crashes' },
    ];
    expect(scan(lines.map((line) => JSON.stringify(line)).join('\n'))).toEqual([
      {
        id: 'a',
        findings: [
          { type: 'CREDIT_CARD', start: 5, end: 24, confidence: expect.any(Number), action: 'mask' },
          { type: 'EMAIL_ADDRESS', start: 31, end: 46, confidence: expect.any(Number), action: 'tag' },
        ],
      },
      { id: 'b', findings: [] },
    ]);
  });

  it('reports a bad line and goes on with the next', () => {
    expect(scan('not json\n{"id":"c"}\n{"id":"d","text":"ip 192.168.1.20"}\n')).toEqual([
      { id: null, error: 'line 1 is not valid JSON' },
      { id: 'c', error: 'line 2 has no "text" string' },
      { id: 'd', findings: [expect.objectContaining({ type: 'IP_ADDRESS', start: 3, end: 15, action: 'tag' })] },
    ]);
  });
});
