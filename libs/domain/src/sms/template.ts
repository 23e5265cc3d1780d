import type { TemplateToken } from './template-lexer';
import { tokenizeTemplate } from './template-lexer';
import type { TemplateSyntaxProblem } from './template-syntax-error';
import { TemplateSyntaxError } from './template-syntax-error';

/** What a template uses. */
export interface ParsedTemplate {
  /** Distinct variable names, in order of first use. */
  readonly variables: string[];
}

/**
 * Parses an SMS template. Syntax: `{{first_name}}`, spaces or tabs allowed inside the braces
 * (`{{ first_name }}`); names are `[A-Za-z_][A-Za-z0-9_]*` and case-sensitive. A single `{` or `}`
 * is literal text. Fallbacks are declared in a separate map (see {@link renderTemplate}), never
 * inline, so fallback text needs no escaping.
 *
 * @throws TemplateSyntaxError (code `TEMPLATE_SYNTAX`) with the 0-based position of the problem.
 */
export function parseTemplate(text: string): ParsedTemplate {
  const variables = new Set<string>();
  for (const token of tokenizeTemplate(text)) if (token.kind === 'variable') variables.add(token.name);
  return { variables: [...variables] };
}

/** Problems {@link validateTemplate} reports beyond syntax. */
export const TemplateUsageProblems = [
  /** The template uses a variable the campaign has no data for. */
  'unknown_variable',
  /** A fallback is declared for a variable the campaign has no data for (likely a typo). */
  'unknown_fallback',
] as const;

/** A stable code for a template problem: syntax or usage. */
export type TemplateProblemCode = TemplateSyntaxProblem | (typeof TemplateUsageProblems)[number];

/** One problem found by {@link validateTemplate}. */
export interface TemplateProblem {
  readonly code: TemplateProblemCode;
  /** A sentence for the user that names the variable or the position. */
  readonly message: string;
  /** 0-based UTF-16 offset into the template; absent for problems not in the text (fallbacks). */
  readonly position?: number;
  /** The variable concerned, for usage problems. */
  readonly variable?: string;
}

/** What {@link validateTemplate} checks against. */
export interface TemplateContext {
  /** Variables the campaign can fill (e.g. the prospect fields). */
  readonly knownVariables: readonly string[];
  /** Declared fallbacks, by variable name. */
  readonly fallbacks?: Readonly<Record<string, string>>;
}

function suggestion(name: string, known: readonly string[]): string {
  const match = known.find((k) => k.toLowerCase() === name.toLowerCase());
  if (match !== undefined) return `; did you mean "${match}"? (names are case-sensitive)`;
  return known.length > 0 ? `; known variables: ${known.join(', ')}` : '; no variables are available';
}

/**
 * Checks a template before a campaign starts, so a bad one is rejected up front rather than
 * skipping every prospect: a syntax error (only the first, as later text cannot be trusted), then
 * each unknown variable at its first use, then each fallback declared for an unknown variable.
 * Returns an empty list when the template is usable.
 */
export function validateTemplate(text: string, context: TemplateContext): TemplateProblem[] {
  let tokens: TemplateToken[];
  try {
    tokens = tokenizeTemplate(text);
  } catch (error) {
    if (!(error instanceof TemplateSyntaxError)) throw error;
    return [{ code: error.problem, message: error.message, position: error.position }];
  }
  const known = new Set(context.knownVariables);
  const problems: TemplateProblem[] = [];
  const reported = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'variable' || known.has(token.name) || reported.has(token.name)) continue;
    reported.add(token.name);
    problems.push({
      code: 'unknown_variable',
      variable: token.name,
      position: token.position,
      message: `unknown variable "${token.name}" at position ${token.position}${suggestion(token.name, context.knownVariables)}`,
    });
  }
  for (const name of Object.keys(context.fallbacks ?? {})) {
    if (known.has(name)) continue;
    problems.push({
      code: 'unknown_fallback',
      variable: name,
      message: `fallback declared for unknown variable "${name}"${suggestion(name, context.knownVariables)}`,
    });
  }
  return problems;
}

/** Why a prospect gets no message from a template. */
export const TemplateSkipReasons = ['missing_variable'] as const;

/** One skip reason; see {@link TemplateSkipReasons}. */
export type TemplateSkipReason = (typeof TemplateSkipReasons)[number];

/** Result of {@link renderTemplate}. */
export type RenderResult =
  | { readonly ok: true; readonly body: string }
  | { readonly ok: false; readonly reason: TemplateSkipReason; readonly variable: string };

/**
 * A value counts as missing when absent, or empty or whitespace only: "Hi  , ..." is exactly what
 * a fallback is for. Own properties only, so `{{constructor}}` cannot read `Object.prototype`.
 */
function valueOf(values: Readonly<Record<string, string>>, name: string): string | undefined {
  if (!Object.hasOwn(values, name)) return undefined;
  const value = values[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * Fills a template for one prospect. A missing value (absent, empty or whitespace only) takes the
 * declared fallback, used as given even when empty; with no fallback the prospect is skipped with
 * the first missing variable named. Values and fallbacks are inserted verbatim: no trimming, no
 * escaping, and `{{...}}` inside them is not expanded again.
 *
 * @throws TemplateSyntaxError if the template does not parse (validate it first).
 */
export function renderTemplate(
  text: string,
  variables: Readonly<Record<string, string>>,
  fallbacks: Readonly<Record<string, string>> = {},
): RenderResult {
  let body = '';
  for (const token of tokenizeTemplate(text)) {
    if (token.kind === 'text') {
      body += token.text;
      continue;
    }
    const value =
      valueOf(variables, token.name) ??
      (Object.hasOwn(fallbacks, token.name) ? fallbacks[token.name] : undefined);
    if (value === undefined) return { ok: false, reason: 'missing_variable', variable: token.name };
    body += value;
  }
  return { ok: true, body };
}
