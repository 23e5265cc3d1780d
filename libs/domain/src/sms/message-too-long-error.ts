import type { SmsAnalysis } from './sms-analysis';

/**
 * A body that needs more SMS parts than allowed. Thrown from workflow code it would fail the
 * workflow task, so workflows catch it and treat it as a per-prospect outcome.
 */
export class MessageTooLongError extends Error {
  readonly code = 'SMS_TOO_LONG';
  /** Parts the body needs. */
  readonly segments: number;
  /** The configured maximum. */
  readonly limit: number;
  constructor(
    /** The full analysis, so callers can report encoding, length and the offending characters. */
    readonly analysis: SmsAnalysis,
    limit: number,
  ) {
    super(
      `SMS needs ${analysis.segments} segments (${analysis.characters} ${
        analysis.encoding === 'gsm7' ? 'GSM-7 septets' : 'UCS-2 code units'
      }), more than the limit of ${limit}`,
    );
    this.name = 'MessageTooLongError';
    this.segments = analysis.segments;
    this.limit = limit;
  }
}
