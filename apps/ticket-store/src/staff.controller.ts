import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { STAFF_ROLES, StaffRole } from '@sieve/tickets-data-access';
import { ManageStaffUseCase, StaffAuthenticator, StaffMemberView } from '@sieve/tickets-feature';
import { asStaff } from './staff-request';

/** The admin API for a brand's staff and their tokens: admins only (but anyone may ask who they are). */
@Controller('v1/staff')
export class StaffController {
  constructor(
    private readonly staff: StaffAuthenticator,
    private readonly manageStaff: ManageStaffUseCase,
  ) {}

  /**
   * Who a staff token belongs to (any role): for staff tools, and for other Sieve services that
   * take staff tokens (the gateway's app key admin asks here rather than reading this database).
   */
  @Get('me')
  me(@Headers('authorization') authorization: string | undefined): Promise<{ tenantId: string; role: StaffRole; staffId: string }> {
    return asStaff(this.staff, authorization, STAFF_ROLES, async ({ tenantId, role, credentialId }) => ({ tenantId, role, staffId: credentialId }));
  }

  @Get()
  list(@Headers('authorization') authorization: string | undefined): Promise<StaffMemberView[]> {
    return asStaff(this.staff, authorization, ['admin'], (admin) => this.manageStaff.list(admin));
  }

  @Post()
  @HttpCode(201)
  add(@Headers('authorization') authorization: string | undefined, @Body() body: unknown): Promise<StaffMemberView & { token: string }> {
    return asStaff(this.staff, authorization, ['admin'], (admin) => this.manageStaff.add(admin, body));
  }

  @Delete(':id')
  @HttpCode(204)
  revoke(@Headers('authorization') authorization: string | undefined, @Param('id') id: string): Promise<void> {
    return asStaff(this.staff, authorization, ['admin'], (admin) => this.manageStaff.revoke(admin, id));
  }
}
