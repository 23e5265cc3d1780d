/** One indivisible unit of a body: a code point and what it costs in its encoding. */
export interface SizedChar {
  readonly text: string;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2): 1 or 2. */
  readonly cost: number;
}

/** A body cut into parts; see {@link splitIntoParts}. */
export interface SplitBody<Capacity extends number> {
  readonly characters: number;
  readonly parts: string[];
  /** `single` when the body fits one message, else `multipart`. */
  readonly perSegment: Capacity;
}

/**
 * Cuts a body into SMS parts. A body within `single` is one message. A longer one is packed
 * greedily into parts of `multipart`, and a two-unit character that would straddle a boundary
 * moves whole to the next part: a split ESC sequence prints garbage and a split surrogate pair
 * prints two replacement characters, so such a part holds one unit less.
 */
export function splitIntoParts<Single extends number, Multipart extends number>(
  chars: readonly SizedChar[],
  single: Single,
  multipart: Multipart,
): SplitBody<Single | Multipart> {
  const characters = chars.reduce((sum, c) => sum + c.cost, 0);
  if (characters <= single) {
    return { characters, perSegment: single, parts: [chars.map((c) => c.text).join('')] };
  }
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const c of chars) {
    if (used + c.cost > multipart) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += c.text;
    used += c.cost;
  }
  parts.push(current);
  return { characters, perSegment: multipart, parts };
}
