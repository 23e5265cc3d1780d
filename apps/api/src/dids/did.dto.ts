import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { DidStates } from '@engine/db';
import type { DidState } from '@engine/db';
import { HealthVerdicts } from '@engine/domain';
import type { HealthVerdict } from '@engine/domain';
import { pageQuery, phoneNumber, uuid } from '../common/contract/fields';

export class CreateDidDto extends createZodDto(
  z
    .object({
      number: phoneNumber.meta({ description: 'any common format; stored as E.164' }),
      carrier_account_id: uuid.optional().meta({
        description:
          'the carrier account (one of yours) that owns the number and places its calls; ' +
          'absent: the account configured from the environment',
      }),
    })
    .strict(),
) {}

export class ListDidsQuery extends createZodDto(
  z
    .object({
      state: z.enum(DidStates).optional(),
      ...pageQuery,
    })
    .strict(),
) {}

export class DidView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ nullable: true, type: String }) areaCode!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'the carrier account that places its calls; null: the one configured from the environment',
  })
  carrierAccountId!: string | null;
  @ApiProperty({ enum: DidStates }) state!: DidState;
  @ApiProperty({ description: 'health score over the calls since scoreSince (1.0 with none)' })
  healthScore!: number;
  @ApiProperty({ description: 'upper confidence bound of the score (one-sided 99 %; 1 with no calls)' })
  healthScoreUpper!: number;
  @ApiProperty({ description: 'lower confidence bound of the score (one-sided 99 %; 0 with no calls)' })
  healthScoreLower!: number;
  @ApiProperty({
    enum: HealthVerdicts,
    description: "the engine's verdict; unrated until 10 calls since scoreSince",
  })
  healthVerdict!: HealthVerdict;
  @ApiProperty({ description: 'calls since scoreSince behind the score (at most 50)' })
  healthSampleSize!: number;
  @ApiProperty({ nullable: true, type: String }) lastCallAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastSmsAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) cooldownUntil!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'when the carrier refused the number as caller ID: out of rotation until reinstated',
  })
  suspendedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the carrier's refusal" })
  suspendedReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) scoreSince!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class DidPage {
  @ApiProperty({ type: [DidView] }) items!: DidView[];
  @ApiProperty({ nullable: true, type: String, description: 'cursor of the next page; null on the last' })
  nextCursor!: string | null;
}

export class HealthComponentsView {
  @ApiProperty() answerRate!: number;
  @ApiProperty() durationScore!: number;
  @ApiProperty() humanEngagement!: number;
  @ApiProperty() noAnswerScore!: number;
  @ApiProperty() spamScore!: number;
}

export class DidHealthView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ enum: DidStates }) state!: DidState;
  @ApiProperty({ description: 'score over the calls in the window (1.0 with none)' }) score!: number;
  @ApiProperty({ description: 'upper confidence bound of the score (one-sided 99 %; 1 with no calls)' })
  upperBound!: number;
  @ApiProperty({ description: 'lower confidence bound of the score (one-sided 99 %; 0 with no calls)' })
  lowerBound!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'standard error of the score; null with no calls',
  })
  standardError!: number | null;
  @ApiProperty({ description: 'score stored on the DID by the engine' }) storedScore!: number;
  @ApiProperty({
    enum: HealthVerdicts,
    description:
      'unrated: fewer than 10 calls since scoreSince; warning / cooldown: the upper bound is under ' +
      '0.8 / 0.7; burned: a confirmed cooldown whose last calls are under 0.5 at 99.99 %',
  })
  verdict!: HealthVerdict;
  @ApiProperty({ description: 'fewer calls since scoreSince than any verdict needs (verdict unrated)' })
  insufficientData!: boolean;
  @ApiProperty({ type: HealthComponentsView }) components!: HealthComponentsView;
  @ApiProperty({ description: 'calls in the scoring window (last 50 since scoreSince)' })
  callsInWindow!: number;
  @ApiProperty({ description: 'last calls regardless of scoreSince (at most 50), which a burn also weighs' })
  callsInRecentWindow!: number;
  @ApiProperty({ nullable: true, type: String }) lastCallAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) cooldownUntil!: string | null;
  @ApiProperty({ nullable: true, type: String }) scoreSince!: string | null;
}

export class DidHealthList {
  @ApiProperty({ type: [DidHealthView] }) items!: DidHealthView[];
}

export class DidHealthReport {
  @ApiProperty() total!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) byState!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) byVerdict!: Record<
    string,
    number
  >;
  @ApiProperty({ description: 'mean score of active DIDs' }) averageScore!: number;
  @ApiProperty({
    type: [DidHealthView],
    description:
      'cooling, or in rotation with a warning, cooldown or burned verdict (never unrated); lowest score first',
  })
  atRisk!: DidHealthView[];
  @ApiProperty() generatedAt!: string;
}
