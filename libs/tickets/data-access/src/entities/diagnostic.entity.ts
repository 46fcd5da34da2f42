import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const DIAGNOSTIC_KINDS = ['crash', 'other'] as const;
export type DiagnosticKind = (typeof DIAGNOSTIC_KINDS)[number];

/**
 * A crash or other diagnostic report. The disclosure says diagnostics are not linked to the user:
 * there is deliberately no column that joins a report to an end user, install or conversation.
 */
@Entity({ name: 'diagnostics' })
@Index('idx_diagnostics_tenant_occurred', ['tenantId', 'occurredAt'])
export class DiagnosticEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('text', { name: 'app_id' })
  appId!: string;

  @Column('text')
  kind!: DiagnosticKind;

  /** The report's name (a crash's exception type, or the diagnostic's own name). */
  @Column('text')
  name!: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('text', { name: 'sdk_version' })
  sdkVersion!: string;

  @Column('text', { name: 'app_version', nullable: true })
  appVersion!: string | null;

  /** What the report says beyond the columns (crash message and stack trace, device, diagnostic data). */
  @Column('jsonb')
  details!: Record<string, unknown>;
}
