import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ID_FORMAT, ID_PATTERN } from '@toc/domain';
import { AccessAction, AccessLogFilter, accessActions } from '@toc/runtime';
import { MomentQuery } from '../http/moment-query';


/** Filters of the access log; every given criterion must hold. */
export class AccessLogQueryDto {
  @ApiPropertyOptional({ description: 'The principal that accessed: key:<id> for an API key, the token subject for a person' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subject?: string;

  @ApiPropertyOptional({ enum: accessActions })
  @IsOptional()
  @IsIn(accessActions)
  action?: AccessAction;

  @ApiPropertyOptional({ description: 'Whom or what the access was about: a subject id, a projection name' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `target must be ${ID_FORMAT}` })
  target?: string;

  @MomentQuery('from', 'Inclusive') from?: string;
  @MomentQuery('before', 'Exclusive') to?: string;
}

export class AccessLogPageDto extends AccessLogQueryDto {
  @ApiPropertyOptional({ description: 'Cursor: entries after this id (nextCursor of the page before)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) after?: number;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
}

export class AccessLogExportDto extends AccessLogQueryDto {
  @ApiPropertyOptional({ enum: ['ndjson', 'csv'], default: 'ndjson' })
  @IsOptional() @IsIn(['ndjson', 'csv']) format?: 'ndjson' | 'csv';

  @ApiPropertyOptional({ enum: [',', ';'], default: ';' })
  @IsOptional() @IsIn([',', ';']) separator?: ',' | ';';
}

export const toAccessLogFilter = ({ subject, action, target, from, to }: AccessLogQueryDto) => ({ subject, action, target, from, to }) satisfies Omit<AccessLogFilter, 'limit'>;
