import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { BusinessTime } from '../command.dto';

/** A withdrawal without a replacement, so unlike other commands it takes no correction. */
export class RetractRecordDto {
  @BusinessTime('Business time of the retraction (ISO-8601 with time zone); not in the future')
  occurredAt!: string;

  @ApiProperty({ description: 'Why the record should not have been made' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
