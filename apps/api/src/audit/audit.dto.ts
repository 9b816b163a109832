import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { streamCategories } from '@toc/domain';
import { EventLogFilter } from '@toc/event-store';
import { MomentQuery } from '../http/moment-query';
import { HEADER_TOKEN, HEADER_TOKEN_FORMAT } from '../http/request-context';
import { PeriodQueryDto } from '../indicators/indicator-query.dto';

// Actors, source apps and correlation ids are filtered by the header tokens they were recorded from.
const TOKEN = HEADER_TOKEN;
const TOKEN_MESSAGE = `$property must be ${HEADER_TOKEN_FORMAT}`;


/**
 * Filters of the audit log; every given criterion must hold. Times are from inclusive, to exclusive;
 * a date as `to` takes in the whole of that day (up to the next midnight in Copenhagen).
 */
export class AuditFilterDto {
  @ApiPropertyOptional() @IsOptional() @Matches(TOKEN, { message: TOKEN_MESSAGE }) actorUserId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(TOKEN, { message: TOKEN_MESSAGE }) actorRole?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(TOKEN, { message: TOKEN_MESSAGE }) sourceApp?: string;

  @ApiPropertyOptional({ description: 'Event types, comma-separated', example: 'WorkshopHeld,SeminarHeld' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((type: string) => type.trim()) : value))
  @ArrayMaxSize(50)
  @Matches(/^[A-Za-z]{1,100}$/, { each: true, message: 'types must be event type names separated by commas' })
  types?: string[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) streamId?: string;

  @ApiPropertyOptional({ enum: streamCategories, description: 'All streams of one category' })
  @IsOptional()
  @IsIn(streamCategories)
  category?: string;

  @MomentQuery('from', 'Business time, inclusive') occurredFrom?: string;
  @MomentQuery('before', 'Business time, exclusive') occurredTo?: string;
  @MomentQuery('from', 'Recording time, inclusive') recordedFrom?: string;
  @MomentQuery('before', 'Recording time, exclusive') recordedTo?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(TOKEN, { message: TOKEN_MESSAGE }) correlationId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(TOKEN, { message: TOKEN_MESSAGE }) causationId?: string;

  @ApiPropertyOptional({ description: 'Forwards cursor: positions after this' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) after?: number;

  @ApiPropertyOptional({ description: 'Backwards cursor: positions before this' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) before?: number;

  @ApiPropertyOptional({ enum: ['forwards', 'backwards'], default: 'forwards' })
  @IsOptional() @IsIn(['forwards', 'backwards']) direction?: 'forwards' | 'backwards';

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
}

export const toLogFilter = (dto: AuditFilterDto, limit = dto.limit ?? 100): EventLogFilter => ({
  limit,
  direction: dto.direction,
  after: dto.after,
  before: dto.before,
  actorUserId: dto.actorUserId,
  actorRole: dto.actorRole,
  sourceApp: dto.sourceApp,
  types: dto.types,
  streamId: dto.streamId,
  streamPrefix: dto.category ? `${dto.category}-` : undefined,
  occurredFrom: dto.occurredFrom,
  occurredTo: dto.occurredTo,
  recordedFrom: dto.recordedFrom,
  recordedTo: dto.recordedTo,
  correlationId: dto.correlationId,
  causationId: dto.causationId,
});

export class ExportFormatDto extends AuditFilterDto {
  @ApiPropertyOptional({ enum: ['ndjson', 'csv'], default: 'ndjson' })
  @IsOptional() @IsIn(['ndjson', 'csv']) format?: 'ndjson' | 'csv';

  @ApiPropertyOptional({ enum: [',', ';'], default: ';' })
  @IsOptional() @IsIn([',', ';']) separator?: ',' | ';';
}

/** A moment to look back from: business time (asOf), recording time (knownAt), or both. */
export class MomentQueryDto extends PeriodQueryDto {
  @MomentQuery('through', 'Business time: what had happened by then') asOf?: string;
  @MomentQuery('through', 'Recording time: what had been recorded by then (corrections after it are not applied)') knownAt?: string;
}

/** What had been recorded by a moment, for reports on the records themselves. */
export class KnownAtQueryDto {
  @MomentQuery('through', 'Recording time: what had been recorded by then') knownAt?: string;
}

/** Two moments to compare; each is read as asOf and knownAt are. */
export class DiffQueryDto extends PeriodQueryDto {
  @MomentQuery('through') fromAsOf?: string;
  @MomentQuery('through') fromKnownAt?: string;
  @MomentQuery('through') toAsOf?: string;
  @MomentQuery('through') toKnownAt?: string;
}

export class IndicatorExportDto extends MomentQueryDto {
  @ApiPropertyOptional({ enum: [',', ';'], default: ';', description: "';' for Danish Excel" })
  @IsOptional() @IsIn([',', ';']) separator?: ',' | ';';

  @ApiPropertyOptional({ enum: ['comma', 'point'], default: 'comma' })
  @IsOptional() @IsIn(['comma', 'point']) decimal?: 'comma' | 'point';
}
