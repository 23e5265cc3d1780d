import type { CallReaction } from '../call-control';
import type { CallDocumentUrls, CallEvent, CallPlan } from '../voice-provider';
import { ProviderRequestError } from '../errors/provider-request-error';
import type { PlivoClient } from './plivo-client';
import type { PlivoLiveCallEvent } from './plivo-call-events';
import { PLIVO_MAX_RECORDING_SECONDS } from './plivo-documents';
import { plivoCall } from './plivo-errors';
import { PlivoHttpError } from './plivo-transport';

type TransferParams = Parameters<PlivoClient['calls']['transfer']>[1];

/** How many live calls the CallUUID lookup inspects before giving up. */
const LIVE_LOOKUP_LIMIT = 100;
/** How many handled calls are remembered to make `respond` idempotent within a process. */
const HANDLED_MEMORY = 10_000;

function machineAnswered(event: PlivoLiveCallEvent): boolean {
  return event.kind === 'beep' || (event.kind === 'machine_detected' && event.answeredBy === 'machine');
}

/** A 404 on a live-call command: the call already ended (the machine or callee hung up). */
function callGone(err: unknown): boolean {
  return err instanceof PlivoHttpError && err.status === 404;
}

/**
 * Acts on a live Plivo call. The answer document does the work for people (agent stream, bridge
 * or message), so only AMD's machine verdict needs a command: transfer the call to the voicemail
 * document when there is a recording to drop, else hang up.
 *
 * A plan with the customer's own `answerUrl` and `record`: the customer's XML is not ours to add
 * a `<Record>` to, so the recording is started by Plivo's Record API (`POST /Call/{uuid}/Record/`)
 * at AMD's verdict, the first event of an answered call, unless the call is being hung up.
 */
export class PlivoCallControl {
  private readonly handled = new Set<string>();

  constructor(private readonly client: PlivoClient) {}

  async respond(
    event: Exclude<CallEvent, { kind: 'completed' }>,
    plan: CallPlan,
    urls: CallDocumentUrls,
  ): Promise<CallReaction> {
    const live = event as PlivoLiveCallEvent;
    const machine = machineAnswered(live);
    const recordHere =
      plan.record === true && plan.answerUrl !== undefined && live.kind === 'machine_detected';
    if (!machine && !recordHere) return {};
    const callUuid = live.callUuid ?? (await this.callUuidOf(live.providerCallId));
    if (callUuid === undefined) return {};
    const commands: string[] = [];
    const sent = (): CallReaction => (commands.length > 0 ? { commands } : {});
    if (recordHere && (!machine || plan.voicemailDropUrl)) {
      if (await this.startRecording(callUuid, plan)) commands.push('record');
    }
    if (!machine) return sent();
    // Plivo may deliver the verdict twice (at least once): a second transfer would restart it.
    const key = `${callUuid}:machine`;
    if (this.handled.has(key)) return sent();
    if (plan.voicemailDropUrl) {
      // The SDK's typings ask for b-leg fields too; an a-leg transfer needs none.
      const transfer = { legs: 'aleg', alegUrl: urls.voicemailUrl, alegMethod: 'POST' } as TransferParams;
      const transferred = await this.command(() => this.client.calls.transfer(callUuid, transfer));
      this.remember(key);
      return transferred ? { voicemailDropped: true, commands: [...commands, 'transfer'] } : sent();
    }
    await this.command(() => this.client.calls.hangup(callUuid));
    this.remember(key);
    return { commands: ['hangup'] };
  }

  /** Starts the call's recording once (a redelivered verdict does not start a second one). */
  private async startRecording(callUuid: string, plan: CallPlan): Promise<boolean> {
    const key = `${callUuid}:record`;
    if (this.handled.has(key)) return false;
    const timeLimit = plan.maxDurationSeconds ?? PLIVO_MAX_RECORDING_SECONDS;
    const started = await this.command(() => this.client.calls.record(callUuid, { timeLimit }));
    this.remember(key);
    return started;
  }

  /** Runs a live-call command; false when the call had already ended. */
  private async command(run: () => Promise<unknown>): Promise<boolean> {
    try {
      await plivoCall('respond', run);
      return true;
    } catch (err) {
      if (err instanceof ProviderRequestError && callGone(err.cause)) return false;
      throw err;
    }
  }

  /**
   * The CallUUID of a live call known by its request UUID, for an event that lost its `callUuid`
   * (rebuilt by the engine rather than passed on as parsed). Live call details carry both ids.
   */
  private async callUuidOf(requestUuid: string): Promise<string | undefined> {
    const live = await plivoCall('respond', () => this.client.calls.listLiveCalls({}));
    for (const call of live.slice(0, LIVE_LOOKUP_LIMIT)) {
      const id = (call as { id?: unknown }).id;
      if (typeof id !== 'string') continue;
      const details = await plivoCall('respond', () => this.client.calls.getLiveCall(id));
      if (details.requestUuid === requestUuid) return details.callUuid;
    }
    return undefined;
  }

  private remember(key: string): void {
    if (this.handled.size >= HANDLED_MEMORY) {
      const oldest = this.handled.values().next().value;
      if (oldest !== undefined) this.handled.delete(oldest);
    }
    this.handled.add(key);
  }
}
