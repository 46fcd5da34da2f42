import { DataSource } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EventOn, Topics } from '@sieve/contracts';
import { ConsumedEvent } from '@sieve/kafka';
import { DiagnosticEntity, InboxRepository, insertOnce } from '@sieve/tickets-data-access';

export const DIAGNOSTICS_CONSUMER = 'ticket-store.diagnostics';

/**
 * Stores crash and other diagnostic reports, unlinked as the disclosure says: what is written has
 * no end user, install or conversation in it. Idempotent like the support events (inbox).
 */
export class ApplyDiagnosticsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(batch: ConsumedEvent<typeof Topics.diagnostics>[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const fresh = await new InboxRepository(manager).recordFirstDeliveries(DIAGNOSTICS_CONSUMER, batch.map(({ event }) => event.id));
      const reports = batch.filter(({ event }) => fresh.delete(event.id)).map(({ event }) => reportOf(event));
      // TypeORM's deep-partial type can't express a jsonb record; the driver serializes it.
      await insertOnce(manager, DiagnosticEntity, reports as QueryDeepPartialEntity<DiagnosticEntity>[]);
    });
  }
}

function reportOf(event: EventOn<typeof Topics.diagnostics>): DiagnosticEntity {
  const { appId, versions } = event.payload;
  const common = { tenantId: event.tenantId, appId, sdkVersion: versions.sdk, appVersion: versions.app ?? null };
  switch (event.type) {
    case 'diagnostics.crash-reported': {
      const { reportId, crash, crashedAt, device } = event.payload;
      return { ...common, id: reportId, kind: 'crash', name: crash.type, occurredAt: new Date(crashedAt), details: { crash, ...(device ? { device } : {}) } };
    }
    case 'diagnostics.reported': {
      const { reportId, name, reportedAt, data } = event.payload;
      return { ...common, id: reportId, kind: 'other', name, occurredAt: new Date(reportedAt), details: { data } };
    }
  }
}
