import { BusinessTime, TextField } from '../command.dto';

/** A withdrawal without a replacement, so unlike other commands it takes no correction. */
export class RetractRecordDto {
  @BusinessTime('Business time of the retraction (ISO-8601 with time zone); not in the future')
  occurredAt!: string;

  @TextField(1000, 'Why the record should not have been made')
  reason!: string;
}
