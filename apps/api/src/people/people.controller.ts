import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Put, Res } from '@nestjs/common';
import { ApiGoneResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ID_FORMAT, isValidId } from '@toc/domain';
import { PersonalDataStore, Principal, SubjectErasedError } from '@toc/runtime';
import { Logged } from '../access-log/logged';
import { Allow } from '../auth/allow';
import { CurrentPrincipal } from '../auth/current-principal';
import { invalidInput, refusal } from '../http/validation';
import { Clock } from '../runtime.module';
import { PersonDto } from './person.dto';

export const PERSONAL_DATA = Symbol('PersonalDataStore');

const subjectIdOf = (subjectId: string): string => {
  if (!isValidId(subjectId)) throw invalidInput([{ field: 'path:subjectId', rule: 'matches', message: `subjectId must be ${ID_FORMAT}` }]);
  return subjectId;
};

const erased = (message: string) => refusal(410, [{ field: 'path:subjectId', rule: 'erased', message }]);

const notRecorded = (subjectId: string) => refusal(404, [{ field: 'path:subjectId', rule: 'not-found', message: `nothing is recorded about ${subjectId}` }]);

/**
 * The personal-data register: names and contact details of the people the events know only by
 * pseudonymous id. Recorders write it; only admins read it (to answer a person's request for
 * access, rectification or erasure) and erase; evaluators work on pseudonymous records and never
 * need it. Every call is in the access log.
 */
@ApiTags('people')
@Controller('v1/people')
export class PeopleController {
  constructor(
    @Inject(PERSONAL_DATA) private readonly people: PersonalDataStore,
    private readonly clock: Clock,
  ) {}

  @Put(':subjectId')
  @Allow('recorder')
  @Logged('record-person', 'subjectId')
  @ApiOperation({ summary: "Record or replace a person's details under the pseudonymous id the events use (201 new, 204 replaced); 410 for an erased id" })
  async record(@Param('subjectId') subjectId: string, @Body() dto: PersonDto, @Res({ passthrough: true }) response: Response): Promise<void> {
    const { kind, name, email, phone, note } = dto;
    try {
      const outcome = await this.people.record(subjectIdOf(subjectId), { kind, name, email, phone, note }, this.clock.now());
      response.status(outcome === 'created' ? 201 : 204);
    } catch (error) {
      if (error instanceof SubjectErasedError) throw erased(error.message);
      throw error;
    }
  }

  @Get(':subjectId')
  @Allow('admin')
  @Logged('read-person', 'subjectId')
  @ApiOperation({ summary: "A person's details; 410 once erased, with when and by whom, never the details" })
  @ApiNotFoundResponse({ description: 'nothing recorded under this id' })
  @ApiGoneResponse({ description: 'erased' })
  async read(@Param('subjectId') subjectId: string) {
    const found = await this.people.find(subjectIdOf(subjectId));
    if (found.status === 'unknown') throw notRecorded(subjectId);
    if (found.status === 'erased') {
      const { erasedAt, erasedBy } = found.erasure;
      throw erased(`${subjectId} was erased on ${erasedAt} by ${erasedBy}`);
    }
    return { subjectId, ...found.details, recordedAt: found.recordedAt };
  }

  @Delete(':subjectId')
  @HttpCode(204)
  @Allow('admin')
  @Logged('erase-person', 'subjectId')
  @ApiOperation({ summary: "Erase a person: their key and details are destroyed and a tombstone kept; the records about the id and every figure stay as they are" })
  @ApiNotFoundResponse({ description: 'nothing recorded under this id' })
  async erase(@Param('subjectId') subjectId: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    const erasure = await this.people.erase(subjectIdOf(subjectId), principal.subject, this.clock.now());
    if (!erasure) throw notRecorded(subjectId);
  }
}
