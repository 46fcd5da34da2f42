import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Lints `source` as if it were a file at `file` (relative to the workspace), boundary rule only. */
async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const output = execFileSync(process.execPath, [path.join(__dirname, 'boundary-probe.mjs'), file], {
    input: source,
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  return JSON.parse(output.toString()) as string[];
}

describe('Nx module boundaries', () => {
  jest.setTimeout(60_000);

  it('forbid domain code from importing infrastructure, in-scope or not', async () => {
    const errors = await boundaryErrors(
      'libs/pii/domain/src/probe.ts',
      "import { EventPublisher } from '@sieve/kafka';\nimport { DataSource } from 'typeorm';\nexport const probe = [EventPublisher, DataSource];\n",
    );
    expect(errors).toEqual([
      expect.stringContaining('"type:domain" can only depend on libs tagged with "type:domain", "type:util", "type:contracts"'),
      expect.stringContaining('"type:domain" is not allowed to import "typeorm"'),
    ]);
  });

  it('forbid one bounded context from importing another', async () => {
    const errors = await boundaryErrors(
      'libs/pii/feature/src/probe.ts',
      "import { ApplySupportEventsUseCase } from '@sieve/tickets-feature';\nexport const probe = ApplySupportEventsUseCase;\n",
    );
    expect(errors).toEqual([expect.stringContaining('"scope:pii" can only depend on libs tagged with "scope:pii", "scope:shared"')]);
  });

  it('allow an app its own context and the shared kernel', async () => {
    const errors = await boundaryErrors(
      'apps/ticket-store/src/probe.ts',
      "import { TicketsModule } from '@sieve/tickets-feature';\nimport { Topics } from '@sieve/contracts';\nexport const probe = [TicketsModule, Topics];\n",
    );
    expect(errors).toEqual([]);
  });

  it('forbid deep imports into another project instead of its index', async () => {
    const errors = await boundaryErrors(
      'apps/ticket-store/src/probe.ts',
      "import { TicketsModule } from '../../../libs/tickets/feature/src/tickets.module';\nexport const probe = TicketsModule;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });
});
