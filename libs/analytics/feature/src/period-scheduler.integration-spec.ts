import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { BillingMonths, BillingPeriodsRepository, CLOSED_BY_SCHEDULE, createAnalyticsDataSource } from '@sieve/analytics-data-access';
import { LocalKeyFile } from '@sieve/crypto';
import { quietLogger, testStack } from '@sieve/testing';
import { BillingSchedule } from './billing-schedule';
import { PeriodScheduler } from './period-scheduler';

const DAY = 86_400_000;

describe('the billing month schedule', () => {
  let dataSource: DataSource;
  let periods: BillingPeriodsRepository;
  let billingMonths: BillingMonths;

  beforeAll(async () => {
    dataSource = createAnalyticsDataSource(testStack.databaseUrl('analytics'), 'analytics-schedule-test', 2);
    await dataSource.initialize();
    periods = new BillingPeriodsRepository(dataSource);
    billingMonths = new BillingMonths(await LocalKeyFile.open(path.join(mkdtempSync(path.join(tmpdir(), 'schedule-kek-')), 'kek.json'), { create: true }));
  });

  afterAll(() => dataSource.destroy());

  it('closes months past their closing time and seals those past the late-event horizon, each once; the current month stays open', async () => {
    const tenantId = randomUUID();
    const now = new Date();
    const month = (monthsAgo: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1)).toISOString().slice(0, 7);
    // Opened as a batch would, in a zone whose month ends 14 hours after UTC's.
    await dataSource.transaction((manager) =>
      billingMonths.open(
        manager,
        [0, 1, 3].map((ago) => ({ tenantId, month: month(ago), timeZone: 'Pacific/Kiritimati', pastClosing: false })),
      ),
    );
    const schedule = new BillingSchedule({ closeDelayMs: DAY, sealDelayMs: 40 * DAY });
    const scheduler = new PeriodScheduler(periods, schedule, quietLogger, 60_000);
    await Promise.all([scheduler.tick(), scheduler.tick()]);
    const afterFirstPass = await periods.months(tenantId);
    await new PeriodScheduler(periods, schedule, quietLogger, 60_000).tick(); // another instance: nothing left to do
    expect(await periods.months(tenantId)).toEqual(afterFirstPass);

    const state = new Map(afterFirstPass.map((m) => [m.month, m]));
    expect(state.get(month(0))).toMatchObject({ closedAt: null, sealedAt: null });
    const lastMonthClosed = schedule.isPastClosing(month(1), 'Pacific/Kiritimati');
    expect(state.get(month(1))).toMatchObject(lastMonthClosed ? { closedBy: CLOSED_BY_SCHEDULE, sealedAt: null } : { closedAt: null });
    expect(state.get(month(3))).toMatchObject({ closedBy: CLOSED_BY_SCHEDULE, closedAt: expect.any(Date), sealedAt: expect.any(Date) });
    const keys = await dataSource.query(`SELECT to_char(month, 'YYYY-MM') AS month, hash_key IS NULL AS destroyed FROM billing_months WHERE tenant_id = $1 ORDER BY month`, [tenantId]);
    expect(keys).toEqual([
      { month: month(3), destroyed: true },
      { month: month(1), destroyed: false },
      { month: month(0), destroyed: false },
    ]);
  });
});
