import type { PipeTransform } from '@nestjs/common';
import { BadRequestException, Injectable } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

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
