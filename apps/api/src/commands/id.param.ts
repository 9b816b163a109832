import { Param, PipeTransform } from '@nestjs/common';
import { ID_FORMAT, isValidId } from '@toc/domain';
import { invalidInput } from '../http/validation';

class IdPipe implements PipeTransform<string, string> {
  transform(value: string) {
    if (!isValidId(value)) throw invalidInput([{ field: 'path:id', rule: 'matches', message: `id must be ${ID_FORMAT}` }]);
    return value;
  }
}

/** The `:id` path parameter, checked to be a valid entity id. */
export const IdParam = () => Param('id', new IdPipe());
