import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BillingMonths, BillingPeriodsRepository, UsageCountsRepository } from '@sieve/analytics-data-access';
import { StaffDirectory } from '@sieve/service-runtime';
import { ActiveInstallsQuery } from './active-installs.query';
import { BillingAuthenticator } from './billing-authenticator';
import { BillingPeriodsUseCase } from './billing-periods.usecase';
import { BillingSchedule } from './billing-schedule';
import { BillingSettingsUseCase } from './billing-settings.usecase';
import { LiveUsage } from './live-usage';

export interface AnalyticsDependencies {
  dataSource: DataSource;
  billingMonths: BillingMonths;
  schedule: BillingSchedule;
  staffDirectory: StaffDirectory;
  live: LiveUsage;
}

/** The billing API's services (the Kafka edge builds its use case in main.ts). */
@Module({})
export class AnalyticsModule {
  static register({ dataSource, billingMonths, schedule, staffDirectory, live }: AnalyticsDependencies): DynamicModule {
    const periods = new BillingPeriodsRepository(dataSource);
    const counts = new UsageCountsRepository(dataSource);
    const providers = [
      { provide: BillingAuthenticator, useValue: new BillingAuthenticator(staffDirectory) },
      { provide: ActiveInstallsQuery, useValue: new ActiveInstallsQuery(periods, counts, schedule) },
      { provide: BillingPeriodsUseCase, useValue: new BillingPeriodsUseCase(dataSource, periods, counts, billingMonths, schedule) },
      { provide: BillingSettingsUseCase, useValue: new BillingSettingsUseCase(periods) },
      { provide: LiveUsage, useValue: live },
    ];
    return { module: AnalyticsModule, providers, exports: providers.map((provider) => provider.provide) };
  }
}
