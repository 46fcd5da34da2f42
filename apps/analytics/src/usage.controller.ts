import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  activeInstallsCsv,
  ActiveInstallsQuery,
  ActiveInstallsReport,
  AdjustmentView,
  BillingAuthenticator,
  BillingPeriodsUseCase,
  BillingPeriodView,
  BillingSettings,
  BillingSettingsUseCase,
  LiveUsage,
  LiveUsageView,
} from '@sieve/analytics-feature';
import { asBillingStaff } from './billing-request';

/** The billing API: a brand's active installs, its billing months and their adjustments, for its billing staff. */
@Controller('v1/usage')
export class UsageController {
  constructor(
    private readonly billingStaff: BillingAuthenticator,
    private readonly activeInstalls: ActiveInstallsQuery,
    private readonly periods: BillingPeriodsUseCase,
    private readonly settings: BillingSettingsUseCase,
    private readonly live: LiveUsage,
  ) {}

  @Get('active-installs')
  async report(
    @Headers('authorization') authorization: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ActiveInstallsReport | string> {
    const report = await asBillingStaff(this.billingStaff, authorization, (staff) => this.activeInstalls.execute(staff.tenantId, query));
    const csv = query.format === 'csv' || (query.format === undefined && /\btext\/csv\b/.test(accept ?? ''));
    if (!csv) return report;
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="active-installs-${report.granularity}-${report.from}-${report.to}.csv"`);
    return activeInstallsCsv(report);
  }

  @Get('periods')
  listPeriods(@Headers('authorization') authorization: string | undefined): Promise<{ periods: BillingPeriodView[] }> {
    return asBillingStaff(this.billingStaff, authorization, async (staff) => ({ periods: await this.periods.list(staff.tenantId) }));
  }

  @Post('periods/:month/close')
  @HttpCode(200)
  closePeriod(@Headers('authorization') authorization: string | undefined, @Param('month') month: string): Promise<BillingPeriodView> {
    return asBillingStaff(this.billingStaff, authorization, (staff) => this.periods.close(staff.tenantId, staff.staffId, month));
  }

  @Get('adjustments')
  adjustments(@Headers('authorization') authorization: string | undefined, @Query() query: unknown): Promise<{ adjustments: AdjustmentView[] }> {
    return asBillingStaff(this.billingStaff, authorization, async (staff) => ({ adjustments: await this.periods.adjustments(staff.tenantId, query) }));
  }

  @Get('live')
  liveView(@Headers('authorization') authorization: string | undefined, @Query() query: unknown): Promise<LiveUsageView> {
    return asBillingStaff(this.billingStaff, authorization, async (staff) => this.live.view(staff.tenantId, query, (await this.settings.get(staff.tenantId)).timeZone));
  }

  @Get('settings')
  getSettings(@Headers('authorization') authorization: string | undefined): Promise<BillingSettings> {
    return asBillingStaff(this.billingStaff, authorization, (staff) => this.settings.get(staff.tenantId));
  }

  @Put('settings')
  putSettings(@Headers('authorization') authorization: string | undefined, @Body() body: unknown): Promise<BillingSettings> {
    return asBillingStaff(this.billingStaff, authorization, (staff) => this.settings.set(staff.tenantId, body));
  }
}
