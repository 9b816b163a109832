import { Body, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandEnvelope } from '@toc/event-store';
import { Envelope } from '../../http/request-context';
import { CommandController } from '../command-response';
import { CommandSender } from '../command-sender';
import { IdParam } from '../id.param';
import { LeaveForumSeatDto, RecordForumInputDto, RegisterForumDto, TakeForumSeatDto } from './forum.dto';

@CommandController('v1/forums', 'forums')
export class ForumsController {
  constructor(private readonly sender: CommandSender) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a formal forum (resident board, local council, ...)' })
  async register(@Body() dto: RegisterForumDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const { forumId, name, forumType, housingArea, seats } = dto;
    return this.sender.send(response, 'RegisterForum', { forumId, name, forumType, housingArea, seats }, dto, envelope);
  }

  @Post(':id/seats')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a seat taken in the forum' })
  async takeSeat(@IdParam() id: string, @Body() dto: TakeForumSeatDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const { seatHolderId, background, nominatedByAssociationId } = dto;
    return this.sender.send(response, 'TakeForumSeat', { forumId: id, seatHolderId, background, ...(nominatedByAssociationId !== undefined && { nominatedByAssociationId }) }, dto, envelope);
  }

  @Post(':id/seat-departures')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a seat holder leaving the forum' })
  async leaveSeat(
    @IdParam() id: string,
    @Body() dto: LeaveForumSeatDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.sender.send(response, 'LeaveForumSeat', { forumId: id, seatHolderId: dto.seatHolderId }, dto, envelope);
  }

  @Post(':id/inputs')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record an input (hearing response, dialogue meeting, proposal) to the forum' })
  async input(@IdParam() id: string, @Body() dto: RecordForumInputDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const { inputId, kind, associationId, summary } = dto;
    return this.sender.send(response, 'RecordForumInput', { forumId: id, inputId, kind, ...(associationId !== undefined && { associationId }), summary }, dto, envelope);
  }
}
