import { BadRequestException, Param, PipeTransform } from '@nestjs/common';
import { isValidId } from '@toc/domain';

class IdPipe implements PipeTransform<string, string> {
  transform(value: string) {
    if (!isValidId(value)) {
      const message = 'id must be 1-100 letters, digits or _ . : - starting with a letter or digit';
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: [message], errors: [{ field: 'path:id', rule: 'matches', message }] });
    }
    return value;
  }
}

/** The `:id` path parameter, checked to be a valid entity id. */
export const IdParam = () => Param('id', new IdPipe());
