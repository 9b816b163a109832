import { Body, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandEnvelope } from '@toc/event-store';
import { Envelope } from '../../http/request-context';
import { CommandController } from '../command-response';
import { CommandSender } from '../command-sender';
import { IdParam } from '../id.param';
import { CorrectStaffMemberDetailsDto, RegisterStaffMemberDto } from './staff.dto';

@CommandController('v1/staff-members', 'staff')
export class StaffController {
  constructor(private readonly sender: CommandSender) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a staff member in a vulnerable housing area' })
  async register(@Body() dto: RegisterStaffMemberDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const { staffId, role, employer, housingArea } = dto;
    return this.sender.send(response, 'RegisterStaffMember', { staffId, role, employer, housingArea }, dto, envelope);
  }

  @Post(':id/corrections')
  @HttpCode(201)
  @ApiOperation({ summary: "Correct a staff member's registered details" })
  async correct(
    @IdParam() id: string,
    @Body() dto: CorrectStaffMemberDetailsDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { role, employer, housingArea, reason } = dto;
    return this.sender.send(response, 'CorrectStaffMemberDetails', { staffId: id, role, employer, housingArea, reason }, dto, envelope);
  }
}
