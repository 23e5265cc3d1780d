/** What is wrong with a template's placeholders, as a stable code. */
export const TemplateSyntaxProblems = [
  /** `{{` with no `}}` before the end or before the next `{{`. */
  'unclosed_placeholder',
  /** `}}` with no `{{` before it, e.g. the typo `{first_name}}`. */
  'unopened_placeholder',
  /** `{{}}` or `{{   }}`. */
  'empty_name',
  /** A name with a character outside `[A-Za-z0-9_]`, a leading digit, or inner whitespace. */
  'invalid_name',
] as const;

/** One syntax problem; see {@link TemplateSyntaxProblems}. */
export type TemplateSyntaxProblem = (typeof TemplateSyntaxProblems)[number];

/** A template whose placeholders cannot be parsed; `position` points at the offending text. */
export class TemplateSyntaxError extends Error {
  readonly code = 'TEMPLATE_SYNTAX';
  constructor(
    readonly problem: TemplateSyntaxProblem,
    /**
     * 0-based UTF-16 offset into the template, the unit of `String#slice` and of a textarea's
     * `selectionStart`, so an editor can put the cursor on it.
     */
    readonly position: number,
    /** What is wrong, fit to show to the user; the message adds the position. */
    readonly reason: string,
  ) {
    super(`${reason} at position ${position}`);
    this.name = 'TemplateSyntaxError';
  }
}
