import type { OpenAPIObject } from '@nestjs/swagger';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorBody } from '../src/common/contract/error-answer';
import { ErrorBodySchema, fieldError } from '../src/common/contract/error-body';
import { phoneNumber, queryInt, timeZone } from '../src/common/contract/fields';
import { declareErrorAnswers } from '../src/common/contract/openapi-document';
import { linkCreatedResources } from '../src/common/contract/resource-links';
import { validationFailure } from '../src/common/contract/validation-pipe';

describe('queryInt: integer query parameters from text', () => {
  const limit = queryInt(1, 1000);
  it.each(['1', '50', '1000'])('accepts %s', (text) => {
    expect(limit.parse(text)).toBe(Number(text));
  });
  it.each([
    '0',
    '1001',
    '-1',
    '1.5',
    '1e3',
    '0x10',
    ' 5',
    '',
    'Infinity',
    '1.7976931348623155e+308',
    '99999999999999999999',
  ])('rejects %j', (text) => {
    expect(limit.safeParse(text).success).toBe(false);
  });
});

describe('phone and time-zone fields', () => {
  it('accepts a number valid for its region in any common format, rejects others with the reason', () => {
    expect(phoneNumber.safeParse('(415) 555-0100').success).toBe(true);
    const bad = phoneNumber.safeParse('+1 415 555');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/invalid phone number "\+1 415 555"/);
  });
  it('accepts IANA zones only', () => {
    expect(timeZone.safeParse('America/Chicago').success).toBe(true);
    expect(timeZone.safeParse('Mars/Olympus').success).toBe(false);
  });
});

describe('validation failures name the field', () => {
  const schema = z
    .object({
      name: z.string().min(1),
      mode: z.object({ rate: z.number().max(10) }).strict(),
      phones: z.array(phoneNumber),
    })
    .strict();
  const fail = (input: unknown) => {
    const parsed = schema.safeParse(input);
    if (parsed.success) throw new Error('expected a failure');
    return validationFailure(parsed.error).getResponse() as {
      message: string;
      field?: string;
      errors: unknown[];
    };
  };

  it('names a nested field by its dotted path and an array element by index', () => {
    const body = fail({ name: 'x', mode: { rate: 11 }, phones: ['+14155550100', 'nope'] });
    expect(body.field).toBe('mode.rate');
    expect(body.message).toMatch(/^mode\.rate: /);
    expect(body.errors).toContainEqual({
      field: 'phones[1]',
      message: expect.stringMatching(/^phones\[1\]: invalid phone/),
    });
  });
  it('names an unknown field and a missing one', () => {
    expect(fail({ name: 'x', mode: { rate: 1, speed: 2 }, phones: [] })).toMatchObject({
      field: 'mode.speed',
      message: expect.stringMatching(/unknown field mode\.speed/),
    });
    expect(fail({ mode: { rate: 1 }, phones: [] })).toMatchObject({
      field: 'name',
      message: 'name is required',
    });
  });
  it('says when the body is not an object, or a query parameter is repeated', () => {
    expect(fail([1, 2])).toMatchObject({
      field: 'body',
      message: expect.stringMatching(/^body must be a JSON object/),
    });
    expect(fail({ name: ['a', 'b'], mode: { rate: 1 }, phones: [] })).toMatchObject({
      field: 'name',
      message: 'name must be given once, not repeated',
    });
  });
});

describe('errorBody: one shape for every error answer', () => {
  it('fills status, reason phrase and a code by status, and keeps field and code when given', () => {
    const plain = errorBody(404, 'DID x not found');
    expect(plain).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'not_found',
      message: 'DID x not found',
    });
    const named = errorBody(
      400,
      fieldError('cursor', 'is not a cursor this endpoint returned').getResponse(),
    );
    expect(named).toMatchObject({
      code: 'invalid_field',
      field: 'cursor',
      message: 'cursor: is not a cursor this endpoint returned',
    });
    expect(errorBody(400, { message: ['a', 'b'] }).message).toBe('a; b');
    for (const body of [plain, named]) expect(ErrorBodySchema.safeParse(body).success).toBe(true);
  });
});

const op = (extra: Record<string, unknown> = {}) => ({ responses: { '200': { description: '' } }, ...extra });

describe('declareErrorAnswers', () => {
  it('declares what an operation can answer from what it takes', () => {
    const doc = {
      openapi: '3.1.0',
      info: { title: '', version: '' },
      paths: {
        '/api/health': { get: op() },
        '/api/things': { post: op({ requestBody: {}, security: [{ bearer: [] }] }) },
        '/api/things/{id}': {
          get: op({ parameters: [{ in: 'path', name: 'id' }], security: [{ bearer: [] }] }),
        },
      },
    } as unknown as OpenAPIObject;
    const out = declareErrorAnswers(doc).paths as Record<string, Record<string, { responses: object }>>;
    expect(Object.keys(out['/api/health']!['get']!.responses)).toEqual(['200']);
    expect(Object.keys(out['/api/things']!['post']!.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '413',
      '429',
    ]);
    expect(Object.keys(out['/api/things/{id}']!['get']!.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '404',
      '429',
    ]);
  });
});

describe('linkCreatedResources', () => {
  it('links a creating POST to the operations on the created id', () => {
    const doc = {
      paths: {
        '/api/things': { post: { operationId: 'create', responses: { '201': { description: '' } } } },
        '/api/things/{id}': { get: { operationId: 'get' }, delete: { operationId: 'remove' } },
        '/api/things/{id}/parts/{partId}': { get: { operationId: 'part' } },
      },
    } as unknown as OpenAPIObject;
    const created = (linkCreatedResources(doc).paths['/api/things'] as any).post.responses['201'];
    expect(Object.keys(created.links).sort()).toEqual(['get', 'remove']);
    expect(created.links.get.parameters).toEqual({ id: '$response.body#/id' });
  });
});
