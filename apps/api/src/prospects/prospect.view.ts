import { ApiProperty } from '@nestjs/swagger';
import { ProspectStatuses } from '@engine/db';
import type { Prospect, ProspectStatus } from '@engine/db';

/** Responses of /api/campaigns/:id/prospects. */

export class RejectedRow {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: '1-based position of the record in the upload (CSV: data rows, header not counted)',
  })
  row!: number;
  @ApiProperty() reason!: string;
}

export class ImportResultView {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'rows stored' }) accepted!: number;
  @ApiProperty({ type: [RejectedRow], description: 'the first 1,000 rejected rows' })
  rejected!: RejectedRow[];
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'all rejected rows, including those past the list cap',
  })
  rejectedCount!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'valid rows dropped because the number is already there',
  })
  duplicates!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) durationMs!: number;
}

export class ProspectView {
  @ApiProperty({ type: 'integer', description: 'ascending in load order' }) id!: number;
  @ApiProperty({ description: 'E.164' }) phone!: string;
  @ApiProperty({ nullable: true, type: String }) areaCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) timezone!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "ISO 3166-2 region ('US-FL', 'CA-ON')" })
  state!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'US ZIP or Canadian postal code' })
  postalCode!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when consent was given' })
  consentedAt!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) variables!: Record<
    string,
    string
  >;
  @ApiProperty({ enum: ProspectStatuses }) status!: ProspectStatus;
  @ApiProperty({ type: 'integer', minimum: 0 }) attemptCount!: number;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt!: string;
  @ApiProperty({ nullable: true, type: String }) lastOutcome!: string | null;
  @ApiProperty({ nullable: true, type: String }) statusReason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ProspectPage {
  @ApiProperty({ type: [ProspectView], description: 'in load order' }) items!: ProspectView[];
  @ApiProperty({ nullable: true, type: String, description: 'cursor of the next page; null on the last' })
  nextCursor!: string | null;
}

export function toProspectView(p: Prospect): ProspectView {
  return {
    id: p.id,
    phone: p.phone,
    areaCode: p.area_code,
    timezone: p.timezone,
    state: p.state,
    postalCode: p.postal_code,
    consentedAt: p.consented_at?.toISOString() ?? null,
    variables: p.variables,
    status: p.status,
    attemptCount: p.attempt_count,
    nextAttemptAt: p.next_attempt_at.toISOString(),
    lastOutcome: p.last_outcome,
    statusReason: p.status_reason,
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
  };
}
