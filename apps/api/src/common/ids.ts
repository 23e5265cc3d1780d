import type { PipeTransform } from '@nestjs/common';
import { BadRequestException, Injectable } from '@nestjs/common';

import { isUuid } from '@engine/db';

export { isUuid };

/** Route ids are UUIDs: anything else is a 400 naming the parameter (never a database error). */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly name = 'id') {}

  transform(value: string): string {
    if (!isUuid(value)) throw new BadRequestException(`${this.name} must be a UUID`);
    return value.toLowerCase();
  }
}

export const ParseId = new UuidParamPipe('id');
