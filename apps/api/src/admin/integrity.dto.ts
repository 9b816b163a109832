import { ApiPropertyOptional } from '@nestjs/swagger';
import { CHAIN_LINK_TEXT } from '@toc/event-store';
import { IsOptional, Matches } from 'class-validator';

export class IntegrityQueryDto {
  @ApiPropertyOptional({
    description: 'A link kept outside the store, as position:hash (from an earlier verify or a report): the chain must still pass through it',
    example: '1200:9f2c0d4e5b6a79810f2c3d4e5b6a79810f2c3d4e5b6a79810f2c3d4e5b6a7981',
  })
  @IsOptional()
  @Matches(CHAIN_LINK_TEXT, { message: 'anchor must be position:hash, the hash as 64 lowercase hex digits' })
  anchor?: string;
}
