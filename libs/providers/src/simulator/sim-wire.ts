import { z } from 'zod';
import { CallOutcomes } from '../call-outcome';
import { SmsReceiptStatuses, SmsStatuses } from '../sms-provider';
import { CallStates } from '../voice-provider';

/**
 * The simulator's wire format, shared by `apps/carrier-sim` (which produces it) and
 * `SimulatorProvider` (which consumes it), so the two cannot drift apart. Real carriers get their
 * own adapters and wire formats; nothing outside this folder depends on these shapes.
 */

/** HTTP paths of the simulator's carrier API. */
export const SimPaths = {
  calls: '/sim/calls',
  callByAttempt: (attemptId: string) => `/sim/calls/by-attempt/${encodeURIComponent(attemptId)}`,
  messages: '/sim/messages',
  messageById: (messageId: string) => `/sim/messages/by-id/${encodeURIComponent(messageId)}`,
} as const;

/**
 * Error codes in the body of the simulator's 404 answers. A lookup treats a 404 as "no such call"
 * only with this code: a 404 from a wrong base URL must not be read as "never originated".
 */
export const SimNotFoundCodes = { call: 'CALL_NOT_FOUND', message: 'MESSAGE_NOT_FOUND' } as const;

/** Body of every error answer of the simulator. */
export interface SimErrorBody {
  error: string;
  message: string;
  /** For validation errors: the dotted path of the first offending field. */
  field?: string;
}

const isoTime = z.iso.datetime();
const nonEmpty = z.string().min(1);

/**
 * The call's own plan settings (a queued call's `call_config`), as `POST /sim/calls` takes them
 * and `GET /sim/calls` lists them: the simulator records them, so tests can see what reached the
 * carrier, and honours `maxDurationSeconds` (talk time never exceeds it).
 */
export interface SimCallPlanFields {
  answerUrl?: string;
  maxDurationSeconds?: number;
  record?: boolean;
  voice?: string;
  flowName?: string;
  variables?: Record<string, string>;
}

/** The plan fields of an originate request, only those set. */
export function simCallPlanFields(plan: SimCallPlanFields): SimCallPlanFields {
  return {
    ...(plan.answerUrl === undefined ? {} : { answerUrl: plan.answerUrl }),
    ...(plan.maxDurationSeconds === undefined ? {} : { maxDurationSeconds: plan.maxDurationSeconds }),
    ...(plan.record === undefined ? {} : { record: plan.record }),
    ...(plan.voice === undefined ? {} : { voice: plan.voice }),
    ...(plan.flowName === undefined ? {} : { flowName: plan.flowName }),
    ...(plan.variables === undefined ? {} : { variables: plan.variables }),
  };
}

/** `POST /sim/calls` body: the simulator plays AMD and the voicemail drop itself. */
export interface SimOriginateRequest extends SimCallPlanFields {
  attemptId: string;
  to: string;
  from: string;
  callbackUrl: string;
  agent: 'ai' | 'plain';
  amd: boolean;
  voicemailDropUrl?: string;
  campaignId?: string;
}

/** `POST /sim/calls` answer (201 new call, 200 repeated attempt id). */
export const simOriginateAnswerSchema = z.object({
  providerCallId: nonEmpty,
  acceptedAt: isoTime,
  duplicate: z.boolean().optional(),
});
export type SimOriginateAnswer = z.infer<typeof simOriginateAnswerSchema>;

/** `GET /sim/calls/by-attempt/:attemptId` answer. */
export const simCallStatusSchema = z.object({
  providerCallId: nonEmpty,
  attemptId: nonEmpty,
  state: z.enum(CallStates),
  outcome: z.enum(CallOutcomes).optional(),
  durationSeconds: z.number().nonnegative().optional(),
  spamFlagged: z.boolean().optional(),
});
export type SimCallStatus = z.infer<typeof simCallStatusSchema>;

/** Body of the call-status webhook. `durationSeconds` is in simulated call seconds (unscaled). */
export const simCallStatusWebhookSchema = z.object({
  providerCallId: nonEmpty,
  attemptId: nonEmpty,
  outcome: z.enum(CallOutcomes),
  durationSeconds: z.number().nonnegative(),
  spamFlagged: z.boolean(),
  occurredAt: isoTime,
});
export type SimCallStatusWebhook = z.infer<typeof simCallStatusWebhookSchema>;

/** `POST /sim/messages` answer. */
export const simSendSmsAnswerSchema = z.object({
  providerMessageId: nonEmpty,
  acceptedAt: isoTime,
  duplicate: z.boolean().optional(),
});
export type SimSendSmsAnswer = z.infer<typeof simSendSmsAnswerSchema>;

/** `GET /sim/messages/by-id/:messageId` answer. */
export const simMessageStatusSchema = z.object({
  providerMessageId: nonEmpty,
  messageId: nonEmpty,
  status: z.enum(SmsStatuses),
  errorCode: z.string().optional(),
});
export type SimMessageStatus = z.infer<typeof simMessageStatusSchema>;

/** Body of the SMS delivery-receipt webhook. */
export const simSmsReceiptWebhookSchema = z.object({
  providerMessageId: nonEmpty,
  messageId: nonEmpty,
  status: z.enum(SmsReceiptStatuses),
  errorCode: z.string().optional(),
  occurredAt: isoTime,
});
export type SimSmsReceiptWebhook = z.infer<typeof simSmsReceiptWebhookSchema>;

/** Body of the inbound-SMS webhook. */
export const simInboundSmsWebhookSchema = z.object({
  providerMessageId: nonEmpty,
  from: nonEmpty,
  to: nonEmpty,
  body: z.string(),
  receivedAt: isoTime,
});
export type SimInboundSmsWebhook = z.infer<typeof simInboundSmsWebhookSchema>;
