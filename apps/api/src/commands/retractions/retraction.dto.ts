import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** A withdrawal without a replacement, so unlike other commands it takes no correction. */
export class RetractRecordDto {
  @ApiProperty({ description: 'Business time of the retraction (ISO-8601 with time zone); not in the future', example: '2010-03-15T10:00:00+01:00' })
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt!: string;

  @ApiProperty({ description: 'Why the record should not have been made' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
