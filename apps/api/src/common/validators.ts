import type { ValidationArguments, ValidationOptions } from 'class-validator';
import { registerDecorator } from 'class-validator';
import { parsePhoneNumber } from '@engine/domain';
import { isKnownTimeZone } from './time-zones';

/** An IANA time-zone name the engine can compute calling windows in. */
export function IsTimeZone(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isTimeZone',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isKnownTimeZone(value),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? propertyName} must be an IANA time zone such as "America/Chicago" (got ${JSON.stringify(args?.value)})`,
      },
    });
}

/** A phone number that normalises to E.164 (each element, with `{ each: true }`). */
export function IsPhone(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isPhone',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parsePhoneNumber(value).ok,
        defaultMessage: (args?: ValidationArguments) => {
          const value: unknown = args?.value;
          const bad = Array.isArray(value)
            ? value.find((v) => typeof v !== 'string' || !parsePhoneNumber(v).ok)
            : value;
          const result = typeof bad === 'string' ? parsePhoneNumber(bad) : undefined;
          const reason = result && !result.ok ? result.reason : 'must be a string';
          return `${args?.property ?? propertyName} has an invalid phone number ${JSON.stringify(bad)}: ${reason}`;
        },
      },
    });
}
