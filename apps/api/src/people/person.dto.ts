import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PersonKind, personKinds } from '@toc/runtime';

/** A person's details, as a case-worker tool records them; only these fields are accepted. */
export class PersonDto {
  @ApiProperty({ enum: personKinds, description: 'The role in which the events name this id' })
  @IsIn(personKinds)
  kind!: PersonKind;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @MaxLength(200)
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ example: '+45 12 34 56 78' })
  @IsOptional()
  @Matches(/^\+?\d[\d ]{5,18}\d$/, { message: 'phone must be 7-20 digits and spaces, optionally after +' })
  phone?: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Practical notes for contacting the person; nothing about health, beliefs or origin' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
