import { Body, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandEnvelope } from '@toc/event-store';
import { Envelope } from '../../http/request-context';
import { CommandController } from '../command-response';
import { CommandSender } from '../command-sender';
import { IdParam } from '../id.param';
import { EstablishNetworkDto, HoldNetworkMeetingDto, JoinNetworkDto, LeaveNetworkDto, OrganiseJointActivityDto } from './network.dto';

@CommandController('v1/networks', 'network')
export class NetworkController {
  constructor(private readonly sender: CommandSender) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Establish a locally anchored network of staff and associations' })
  async establish(@Body() dto: EstablishNetworkDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const { networkId, name, housingArea } = dto;
    return this.sender.send(response, 'EstablishNetwork', { networkId, name, housingArea }, dto, envelope);
  }

  @Post(':id/members')
  @HttpCode(201)
  @ApiOperation({ summary: 'A registered association or staff member joins the network' })
  async join(@IdParam() id: string, @Body() dto: JoinNetworkDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const { kind, id: memberId } = dto.member;
    return this.sender.send(response, 'JoinNetwork', { networkId: id, member: { kind, id: memberId } }, dto, envelope);
  }

  @Post(':id/departures')
  @HttpCode(201)
  @ApiOperation({ summary: 'A member leaves the network' })
  async leave(@IdParam() id: string, @Body() dto: LeaveNetworkDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const { member, reason } = dto;
    return this.sender.send(response, 'LeaveNetwork', { networkId: id, member: { kind: member.kind, id: member.id }, reason }, dto, envelope);
  }

  @Post(':id/meetings')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a network meeting convened by a member' })
  async meeting(
    @IdParam() id: string,
    @Body() dto: HoldNetworkMeetingDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { meetingId, convenedBy, attendees } = dto;
    return this.sender.send(response, 'HoldNetworkMeeting', {
      networkId: id,
      meetingId,
      convenedBy: { kind: convenedBy.kind, id: convenedBy.id },
      attendees: attendees.map(({ kind, id: memberId }) => ({ kind, id: memberId })),
    }, dto, envelope);
  }

  @Post(':id/joint-activities')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record an activity a member association and a member staff member organised together' })
  async jointActivity(
    @IdParam() id: string,
    @Body() dto: OrganiseJointActivityDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { activityId, associationId, staffId, title } = dto;
    return this.sender.send(response, 'OrganiseJointActivity', { networkId: id, activityId, associationId, staffId, title }, dto, envelope);
  }
}
