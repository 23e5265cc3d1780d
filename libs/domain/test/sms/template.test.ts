import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TemplateSyntaxProblem } from '../../src/sms';
import { parseTemplate, renderTemplate, TemplateSyntaxError, validateTemplate } from '../../src/sms';

function syntaxErrorOf(text: string): TemplateSyntaxError {
  try {
    parseTemplate(text);
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

describe('parseTemplate', () => {
  it.each([
    ['Hi {{first_name}}!', ['first_name']],
    ['Hi {{ first_name }}, {{last_name}}', ['first_name', 'last_name']],
    ['{{\tfirst_name\t}}', ['first_name']],
    ['{{a}}{{b}}{{a}}', ['a', 'b']],
    ['{{_x9}} {{X}} {{x}}', ['_x9', 'X', 'x']],
    ['No placeholders at all', []],
    ['', []],
    ['Use code {SAVE10} or } or {', []],
    ['{{name}}}', ['name']],
    ['😀 {{name}} 😀', ['name']],
  ])('%j uses %j', (text, variables) => {
    expect(parseTemplate(text)).toEqual({ variables });
  });

  it.each<[string, TemplateSyntaxProblem, number, RegExp]>([
    ['Hi {{first_name', 'unclosed_placeholder', 3, /never closed/],
    ['Hi {{first_name, see {{link}}', 'unclosed_placeholder', 3, /never closed/],
    ['{{', 'unclosed_placeholder', 0, /never closed/],
    ['Hi {{}}', 'empty_name', 3, /no variable name/],
    ['Hi {{   }}', 'empty_name', 3, /no variable name/],
    ['Hi {first_name}}', 'unopened_placeholder', 14, /never opened/],
    ['Hi first_name}}', 'unopened_placeholder', 13, /never opened/],
    ['{{a}}}}', 'unopened_placeholder', 5, /never opened/],
    ['Hi {{first name}}', 'invalid_name', 10, /whitespace/],
    ['{{first\nname}}', 'invalid_name', 7, /whitespace \("\\n"\)/],
    ['{{first-name}}', 'invalid_name', 7, /character "-"/],
    ['{{1st}}', 'invalid_name', 2, /leading digit/],
    ['{{{a}}}', 'invalid_name', 2, /character "\{"/],
    ['{{name|Friend}}', 'invalid_name', 6, /character "\|"/],
    ['{{名前}}', 'invalid_name', 2, /character "名"/],
    ['{{ok}} {{x😀}}', 'invalid_name', 10, /character "😀"/],
    ['{{\u00a0name}}', 'invalid_name', 2, /whitespace/],
  ])('%j -> %s at %i', (text, problem, position, reason) => {
    const error = syntaxErrorOf(text);
    expect(error).toMatchObject({ code: 'TEMPLATE_SYNTAX', name: 'TemplateSyntaxError', problem, position });
    expect(error.reason).toMatch(reason);
    expect(error.message).toContain(`at position ${position}`);
  });
});

describe('validateTemplate', () => {
  const knownVariables = ['first_name', 'last_name', 'company'];

  it('accepts a template that only uses known variables', () => {
    expect(validateTemplate('Hi {{first_name}} from {{ company }}', { knownVariables })).toEqual([]);
  });

  it('rejects an unknown variable up front, naming it and where it is', () => {
    expect(validateTemplate('Hi {{frist_name}}, {{frist_name}}!', { knownVariables })).toEqual([
      {
        code: 'unknown_variable',
        variable: 'frist_name',
        position: 3,
        message:
          'unknown variable "frist_name" at position 3; known variables: first_name, last_name, company',
      },
    ]);
  });

  it('reports every distinct unknown variable', () => {
    const problems = validateTemplate('{{a}} {{first_name}} {{b}} {{a}}', { knownVariables });
    expect(problems.map((p) => [p.variable, p.position])).toEqual([
      ['a', 0],
      ['b', 21],
    ]);
  });

  it('suggests the right case, since names are case-sensitive', () => {
    const [problem] = validateTemplate('Hi {{First_Name}}', { knownVariables });
    expect(problem?.message).toContain('did you mean "first_name"?');
  });

  it('says when no variables are available at all', () => {
    const [problem] = validateTemplate('Hi {{x}}', { knownVariables: [] });
    expect(problem?.message).toContain('no variables are available');
  });

  it('turns a syntax error into a single problem with its position', () => {
    expect(validateTemplate('Hi {{first_name', { knownVariables })).toEqual([
      {
        code: 'unclosed_placeholder',
        position: 3,
        message: 'placeholder "{{" is never closed with "}}" at position 3',
      },
    ]);
  });

  it('flags a fallback declared for an unknown variable (a typo would otherwise never apply)', () => {
    const problems = validateTemplate('Hi {{first_name}}', {
      knownVariables,
      fallbacks: { first_name: 'there', firstname: 'there' },
    });
    expect(problems).toEqual([expect.objectContaining({ code: 'unknown_fallback', variable: 'firstname' })]);
    expect(problems[0]).not.toHaveProperty('position');
  });
});

describe('renderTemplate', () => {
  const text = 'Hi {{first_name}}, {{ company }} here.';

  it('fills every placeholder', () => {
    expect(renderTemplate(text, { first_name: 'Ann', company: 'Acme' })).toEqual({
      ok: true,
      body: 'Hi Ann, Acme here.',
    });
  });

  it('inserts values verbatim: no trimming, no HTML escaping, no second expansion', () => {
    expect(renderTemplate(text, { first_name: ' Ann ', company: '<b>A&B</b> {{first_name}}' })).toEqual({
      ok: true,
      body: 'Hi  Ann , <b>A&B</b> {{first_name}} here.',
    });
  });

  it('uses the declared fallback for a missing value', () => {
    expect(renderTemplate(text, { company: 'Acme' }, { first_name: 'there' })).toEqual({
      ok: true,
      body: 'Hi there, Acme here.',
    });
  });

  it.each([
    ['absent', {}],
    ['empty', { first_name: '' }],
    ['whitespace only', { first_name: ' \t' }],
  ])('treats an %s value as missing', (_label, values) => {
    expect(renderTemplate(text, { ...values, company: 'Acme' }, { first_name: 'there' })).toEqual({
      ok: true,
      body: 'Hi there, Acme here.',
    });
    expect(renderTemplate(text, { ...values, company: 'Acme' })).toEqual({
      ok: false,
      reason: 'missing_variable',
      variable: 'first_name',
    });
  });

  it('uses an empty fallback as declared', () => {
    expect(renderTemplate('Hi{{ sp }}{{first_name}}!', { first_name: 'Ann' }, { sp: '' })).toEqual({
      ok: true,
      body: 'HiAnn!',
    });
  });

  it('names the first missing variable in template order', () => {
    expect(renderTemplate(text, {})).toEqual({
      ok: false,
      reason: 'missing_variable',
      variable: 'first_name',
    });
    expect(renderTemplate(text, { first_name: 'Ann' })).toEqual({
      ok: false,
      reason: 'missing_variable',
      variable: 'company',
    });
  });

  it('never reads inherited properties as values', () => {
    expect(renderTemplate('{{constructor}}{{toString}}', {})).toEqual({
      ok: false,
      reason: 'missing_variable',
      variable: 'constructor',
    });
    expect(renderTemplate('{{constructor}}', {}, {})).toMatchObject({ ok: false });
  });

  it('throws TemplateSyntaxError on a template that does not parse', () => {
    expect(() => renderTemplate('Hi {{first_name', { first_name: 'Ann' })).toThrow(TemplateSyntaxError);
  });

  it('renders any literal text and values exactly (property)', () => {
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
    // Literal text that cannot form "{{" or "}}" with its neighbours.
    const literal = fc.string().map((s) => s.replace(/[{}]/g, ''));
    const value = fc.string().filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(fc.array(fc.tuple(literal, name, value), { maxLength: 6 }), literal, (pieces, tail) => {
        const values: Record<string, string> = Object.create(null) as Record<string, string>;
        for (const [, n, v] of pieces) values[n] ??= v;
        const template = pieces.map(([l, n]) => `${l}{{ ${n} }}`).join('') + tail;
        const expected = pieces.map(([l, n]) => l + (values[n] ?? '')).join('') + tail;
        expect(renderTemplate(template, values)).toEqual({ ok: true, body: expected });
        expect(parseTemplate(template).variables).toEqual([...new Set(pieces.map(([, n]) => n))]);
      }),
    );
  });
});
