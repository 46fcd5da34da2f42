import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ManageStaffUseCase, StaffAuthenticator, StaffMemberView } from '@sieve/tickets-feature';
import { asStaff } from './staff-request';

/** The admin API for a brand's staff and their tokens: admins only. */
@Controller('v1/staff')
export class StaffController {
  constructor(
    private readonly staff: StaffAuthenticator,
    private readonly manageStaff: ManageStaffUseCase,
  ) {}

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
