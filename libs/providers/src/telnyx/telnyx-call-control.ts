import type { Telnyx } from 'telnyx';
import type { CallReaction } from '../call-control';
import { speechVoice } from '../speech-voice';
import type { CallEvent, CallPlan } from '../voice-provider';
import { AGENT_STREAM_SETTINGS, agentStreamParameters, agentStreamUrl } from './telnyx-agent-stream';
import { encodeClientState } from './telnyx-client-state';
import { firstTelnyxError, TelnyxErrorCodes, toProviderRequestError } from './telnyx-errors';

type LiveEvent = Exclude<CallEvent, { kind: 'completed' }>;

/** Voice of the `speak` command for `plain` messages when the plan names none. */
export const TELNYX_SPEAK_VOICE = 'female';

type SpeakLanguage = Parameters<Telnyx['calls']['actions']['speak']>[1]['language'];

/**
 * The `speak` command's voice and language from the plan's `voice` (see `speechVoice`): a voice
 * name as given (`AWS.Polly.Joanna`), a language tag as `language` in the default voice. Telnyx
 * refuses a language outside its list (the SDK's type lists them).
 */
function speakVoice(plan: CallPlan): { voice: string; language?: SpeakLanguage } {
  const { voice, language } = speechVoice(plan.voice);
  return {
    voice: voice ?? TELNYX_SPEAK_VOICE,
    ...(language === undefined ? {} : { language: language as SpeakLanguage }),
  };
}

/**
 * Sends the call-control commands a live call needs, one event at a time. Every command carries
 * a `command_id` named after its action: Telnyx ignores a repeated id on the same call, so a
 * redelivered webhook (or two events asking for the same thing) never plays or transfers twice.
 */
export class TelnyxCallController {
  constructor(private readonly client: Telnyx) {}

  async respond(event: LiveEvent, plan: CallPlan): Promise<CallReaction> {
    const commands: string[] = [];
    const run = async (name: string, send: () => Promise<unknown>): Promise<void> => {
      commands.push(name);
      await this.send(send);
    };
    switch (event.kind) {
      case 'answered': {
        // `call.hangup` has no answer time: keep it in client_state to measure talk time.
        const stamped = encodeClientState({
          attemptId: event.attemptId,
          amd: event.answeredBy === undefined,
          answeredAt: event.occurredAt,
        });
        if (event.answeredBy === undefined) {
          await run('client_state_update', () =>
            this.client.calls.actions.updateClientState(event.providerCallId, { client_state: stamped }),
          );
        } else {
          await this.connect(event.providerCallId, plan, run, stamped, false);
        }
        return { commands };
      }
      case 'machine_detected':
        if (event.answeredBy === 'machine') {
          // With a recording to drop, wait for the end of the greeting; otherwise nothing to say.
          if (!plan.voicemailDropUrl) await this.hangup(event.providerCallId, run);
        } else {
          await this.connect(event.providerCallId, plan, run, undefined, true);
        }
        return { commands };
      case 'beep':
        if (!plan.voicemailDropUrl) {
          await this.hangup(event.providerCallId, run);
          return { commands };
        }
        await run('playback_start', () =>
          this.client.calls.actions.startPlayback(event.providerCallId, {
            audio_url: plan.voicemailDropUrl,
            command_id: 'playback_start',
          }),
        );
        return { voicemailDropped: true, commands };
      case 'playback_ended':
        await this.hangup(event.providerCallId, run);
        return { commands };
      case 'progress':
        return { commands };
    }
  }

  /**
   * What a person hears: the AI agent's stream, a transfer, or the spoken message (then the
   * hangup on `call.speak.ended`). `afterAmd`: the dial had AMD, so it carried no `stream_url`.
   */
  private async connect(
    callId: string,
    plan: CallPlan,
    run: (name: string, send: () => Promise<unknown>) => Promise<void>,
    clientState: string | undefined,
    afterAmd: boolean,
  ): Promise<void> {
    const state = clientState === undefined ? {} : { client_state: clientState };
    if (plan.agent === 'ai') {
      if (afterAmd) {
        await run('streaming_start', () =>
          this.client.calls.actions.startStreaming(callId, {
            stream_url: agentStreamUrl(plan, 'respond'),
            ...AGENT_STREAM_SETTINGS,
            custom_parameters: agentStreamParameters(plan),
            command_id: 'streaming_start',
            ...state,
          }),
        );
      } else if (clientState !== undefined) {
        // The dial's stream_url already bridged the agent; only the answer time is left to keep.
        await run('client_state_update', () =>
          this.client.calls.actions.updateClientState(callId, { client_state: clientState }),
        );
      }
      return;
    }
    if (plan.transferTo) {
      const to = plan.transferTo;
      await run('transfer', () =>
        this.client.calls.actions.transfer(callId, { to, command_id: 'transfer', ...state }),
      );
      return;
    }
    if (plan.message) {
      const payload = plan.message;
      await run('speak', () =>
        this.client.calls.actions.speak(callId, {
          payload,
          ...speakVoice(plan),
          command_id: 'speak',
          ...state,
        }),
      );
      return;
    }
    await this.hangup(callId, run, clientState);
  }

  private hangup(
    callId: string,
    run: (name: string, send: () => Promise<unknown>) => Promise<void>,
    clientState?: string,
  ): Promise<void> {
    const state = clientState === undefined ? {} : { client_state: clientState };
    return run('hangup', () => this.client.calls.actions.hangup(callId, { command_id: 'hangup', ...state }));
  }

  /** A command to a call that already ended is moot, not a failure (the callee hung up first). */
  private async send(command: () => Promise<unknown>): Promise<void> {
    try {
      await command();
    } catch (cause) {
      const error = toProviderRequestError('respond', cause);
      if (
        error.status === 422 &&
        firstTelnyxError(errorBody(cause))?.code === TelnyxErrorCodes.callAlreadyEnded
      ) {
        return;
      }
      throw error;
    }
  }
}

function errorBody(cause: unknown): unknown {
  return cause && typeof cause === 'object' && 'error' in cause ? cause.error : undefined;
}
