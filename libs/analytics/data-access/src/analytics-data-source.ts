import { DataSource } from 'typeorm';
import { createContextDataSource } from '@sieve/persistence';
import { ActiveInstallCountEntity } from './entities/active-install-count.entity';
import { BillingAccountEntity } from './entities/billing-account.entity';
import { BillingMonthEntity } from './entities/billing-month.entity';
import { MonthlyActiveInstallEntity } from './entities/monthly-active-install.entity';
import { UsageAdjustmentEntity } from './entities/usage-adjustment.entity';
import { ANALYTICS_MIGRATIONS } from './migrations';

export const ANALYTICS_ENTITIES = [BillingAccountEntity, BillingMonthEntity, MonthlyActiveInstallEntity, ActiveInstallCountEntity, UsageAdjustmentEntity];

/** The analytics context's database: hashed active installs and their counts, nothing else. */
export function createAnalyticsDataSource(url: string, applicationName: string, poolSize?: number): DataSource {
  return createContextDataSource({ url, applicationName, poolSize, entities: ANALYTICS_ENTITIES, migrations: ANALYTICS_MIGRATIONS });
}

/** The app id that stands for all of a brand's apps together: brand-wide sets and counts. */
export const BRAND_WIDE = '00000000-0000-0000-0000-000000000000';
