import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeTelnyx } from '../../../testing/src/fake-carriers/telnyx';
import { startFakeTelnyx } from '../../../testing/src/fake-carriers/telnyx';
import { EngineStub } from './telnyx-engine-stub';

const FROM = '+12125550111';
const STREAM = 'wss://agent.example.com/stream';
const VARIABLES = { first_name: 'Ada Lovelace', plan: 'gold' };

/** The per-call plan (a queued call's `call_config`) on Telnyx Call Control's wire. */
describe('Telnyx adapter: the per-call plan', () => {
  let fake: FakeTelnyx;
  let engine: EngineStub;

  beforeEach(async () => {
    fake = await startFakeTelnyx({
      msPerCallSecond: 20,
      ownedNumbers: [FROM],
      script: () => ({ answer: 'human', durationSeconds: 30 }),
    });
    engine = await EngineStub.start(fake);
  });
  afterEach(async () => {
    await engine.close();
    await fake.close();
  });

  it('maxDurationSeconds is time_limit_secs (Telnyx hangs up there), record is record-from-answer', async () => {
    await engine.carrier.originate(
      engine.request('att-lim', '+14155550140', FROM, {
        transferTo: '+13105550199',
        maxDurationSeconds: 8,
        record: true,
      }),
    );
    await fake.settled();
    expect(fake.calls[0]?.request).toMatchObject({ time_limit_secs: 8, record: 'record-from-answer' });
    expect(engine.completed.get('att-lim')).toMatchObject({ outcome: 'human_connected', durationSeconds: 8 });
    await engine.carrier.originate(engine.request('att-nolim', '+14155550141', FROM, {}));
    expect(fake.calls[1]?.request).not.toHaveProperty('time_limit_secs');
    expect(fake.calls[1]?.request).not.toHaveProperty('record');
    await fake.settled();
  });

  it('answerUrl is refused before dialing: Call Control fetches no answer document', async () => {
    const req = engine.request('att-url', '+14155550142', FROM, {
      agent: 'ai',
      agentStreamUrl: STREAM,
      answerUrl: 'https://customer.example.com/answer',
    });
    await expect(engine.carrier.originate(req)).rejects.toMatchObject({
      name: 'ProviderRequestError',
      retryable: false,
      reason: 'refused',
      message: expect.stringContaining('answer_url is not supported on Telnyx Call Control'),
    });
    expect(fake.calls).toHaveLength(0);
  });

  it('voice: a voice name is the speak voice, a language tag the language (default voice)', async () => {
    await engine.carrier.originate(
      engine.request('att-v1', '+14155550143', FROM, { message: 'Hola', voice: 'AWS.Polly.Lupe' }, false),
    );
    await engine.carrier.originate(
      engine.request('att-v2', '+14155550144', FROM, { message: 'Hola', voice: 'es-MX' }, false),
    );
    await fake.settled();
    const speak = (i: number) => fake.calls[i]?.commands.find((c) => c.name === 'speak')?.body;
    expect(speak(0)).toMatchObject({ payload: 'Hola', voice: 'AWS.Polly.Lupe' });
    expect(speak(0)).not.toHaveProperty('language');
    expect(speak(1)).toMatchObject({ payload: 'Hola', voice: 'female', language: 'es-MX' });
  });

  it("flowName and variables: in the dial's stream URL query (no AMD)", async () => {
    const plan = { agent: 'ai' as const, agentStreamUrl: STREAM, flowName: 'renewal', variables: VARIABLES };
    await engine.carrier.originate(engine.request('att-f1', '+14155550145', FROM, plan, false));
    await fake.settled();
    const url = new URL(String(fake.calls[0]?.request['stream_url']));
    expect(url.searchParams.get('attemptId')).toBe('att-f1');
    expect(url.searchParams.get('flowName')).toBe('renewal');
    expect(JSON.parse(url.searchParams.get('variables') ?? '')).toEqual(VARIABLES);
  });

  it('flowName and variables: custom_parameters of streaming_start (after AMD)', async () => {
    const plan = { agent: 'ai' as const, agentStreamUrl: STREAM, flowName: 'renewal', variables: VARIABLES };
    await engine.carrier.originate(engine.request('att-f2', '+14155550146', FROM, plan));
    await fake.settled();
    const stream = fake.calls[0]?.commands.find((c) => c.name === 'streaming_start');
    expect(stream?.body).toMatchObject({
      custom_parameters: [
        { name: 'attemptId', value: 'att-f2' },
        { name: 'flowName', value: 'renewal' },
        { name: 'variables', value: JSON.stringify(VARIABLES) },
      ],
    });
  });
});
