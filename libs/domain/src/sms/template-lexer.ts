import { TemplateSyntaxError } from './template-syntax-error';

/** A run of literal text, or a `{{name}}` placeholder with its 0-based UTF-16 offset. */
export type TemplateToken =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'variable'; readonly name: string; readonly position: number };

const OPEN = '{{';
const CLOSE = '}}';
const PADDING = /[ \t]/;
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

function literal(text: string, offset: number): TemplateToken {
  const stray = text.indexOf(CLOSE);
  if (stray !== -1) {
    throw new TemplateSyntaxError(
      'unopened_placeholder',
      offset + stray,
      '"}}" closes a placeholder that was never opened with "{{"',
    );
  }
  return { kind: 'text', text };
}

/** Checks the text between `{{` and `}}` (starting at `start`) and returns the name in it. */
function placeholderName(content: string, start: number, openAt: number): string {
  let first = 0;
  while (first < content.length && PADDING.test(content.charAt(first))) first++;
  let end = content.length;
  while (end > first && PADDING.test(content.charAt(end - 1))) end--;
  if (first === end) throw new TemplateSyntaxError('empty_name', openAt, 'placeholder has no variable name');
  for (let i = first; i < end; i++) {
    const char = content.charAt(i);
    const valid = i === first ? NAME_START.test(char) : NAME_CHAR.test(char);
    if (!valid) {
      const what = /\s/.test(char)
        ? `whitespace (${JSON.stringify(char)})`
        : i === first && NAME_CHAR.test(char)
          ? `a leading digit ("${char}")`
          : `the character ${JSON.stringify(String.fromCodePoint(content.codePointAt(i) ?? 0))}`;
      throw new TemplateSyntaxError(
        'invalid_name',
        start + i,
        `variable name "${content.slice(first, end)}" contains ${what}; names use letters, digits and _ and start with a letter or _`,
      );
    }
  }
  return content.slice(first, end);
}

/**
 * Splits a template into literal text and placeholders. Syntax: `{{name}}`, with optional spaces
 * or tabs inside the braces (`{{ name }}`); a name is `[A-Za-z_][A-Za-z0-9_]*`, case-sensitive.
 * `{{` always opens a placeholder and `}}` always closes one; a single `{` or `}` is literal text.
 * Fallbacks are not part of the syntax: they are a separate map, so fallback text needs no escaping.
 *
 * @throws TemplateSyntaxError at the first problem.
 */
export function tokenizeTemplate(text: string): TemplateToken[] {
  const tokens: TemplateToken[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf(OPEN, at);
    if (open === -1) break;
    if (open > at) tokens.push(literal(text.slice(at, open), at));
    const start = open + OPEN.length;
    const close = text.indexOf(CLOSE, start);
    const nextOpen = text.indexOf(OPEN, start);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      throw new TemplateSyntaxError(
        'unclosed_placeholder',
        open,
        'placeholder "{{" is never closed with "}}"',
      );
    }
    tokens.push({
      kind: 'variable',
      name: placeholderName(text.slice(start, close), start, open),
      position: open,
    });
    at = close + CLOSE.length;
  }
  if (at < text.length) tokens.push(literal(text.slice(at), at));
  return tokens;
}
