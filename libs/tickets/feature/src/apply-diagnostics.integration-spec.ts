import { randomUUID } from 'node:crypto';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { DataSource } from 'typeorm';
import { buildEvent, EventOn, Topics } from '@sieve/contracts';
import { ConsumedEvent } from '@sieve/kafka';
import { testStack } from '@sieve/testing';
import { createTicketsDataSource, DiagnosticEntity } from '@sieve/tickets-data-access';
import { ApplyDiagnosticsUseCase } from './apply-diagnostics.usecase';

describe('storing diagnostics reports', () => {
  let dataSource: DataSource;
  let apply: ApplyDiagnosticsUseCase;

  beforeAll(async () => {
    dataSource = createTicketsDataSource(testStack.databaseUrl('tickets'), 'diagnostics-test', 2);
    await dataSource.initialize();
    apply = new ApplyDiagnosticsUseCase(dataSource);
  });

  afterAll(() => dataSource.destroy());

  const consumed = (event: EventOn<typeof Topics.diagnostics>): ConsumedEvent<typeof Topics.diagnostics> => ({ event, key: null, partition: 0, offset: '0', traceContext: ROOT_CONTEXT });
  const meta = (tenantId: string) => ({ tenantId, producer: 'test', correlationId: randomUUID(), causationId: null });

  it('stores crashes and other reports once, however often they come', async () => {
    const tenantId = randomUUID();
    const appId = randomUUID();
    const crash = consumed(
      buildEvent(
        'diagnostics.crash-reported',
        { appId, versions: { sdk: '10.3.0', app: '5.2.1' }, reportId: randomUUID(), crashedAt: '2026-11-29T10:00:00.000Z', device: { platform: 'ios' }, crash: { type: 'NSRangeException', message: 'index 3 beyond bounds' } },
        meta(tenantId),
      ),
    );
    const other = consumed(
      buildEvent('diagnostics.reported', { appId, versions: { sdk: '10.3.0' }, reportId: randomUUID(), reportedAt: '2026-11-29T11:00:00.000Z', name: 'webview-error', data: { code: -1009 } }, meta(tenantId)),
    );
    await apply.execute([crash, other]);
    await apply.execute([other, crash]);

    const stored = await dataSource.getRepository(DiagnosticEntity).find({ where: { tenantId }, order: { occurredAt: 'ASC' } });
    expect(stored).toMatchObject([
      { kind: 'crash', name: 'NSRangeException', appVersion: '5.2.1', details: { crash: { type: 'NSRangeException', message: 'index 3 beyond bounds' }, device: { platform: 'ios' } } },
      { kind: 'other', name: 'webview-error', appVersion: null, details: { data: { code: -1009 } } },
    ]);
  });

  it('has no column that could link a report to an end user, an install or a conversation (the disclosure: "not linked")', async () => {
    const columns: { column_name: string }[] = await dataSource.query(`select column_name from information_schema.columns where table_name = 'diagnostics'`);
    expect(columns.map((c) => c.column_name).sort()).toEqual(['app_id', 'app_version', 'details', 'id', 'kind', 'name', 'occurred_at', 'sdk_version', 'tenant_id']);
  });
});
