import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeCallScript } from '../../../testing/src/fake-carriers/fake-carrier';
import type { FakeTelnyx } from '../../../testing/src/fake-carriers/telnyx';
import { startFakeTelnyx } from '../../../testing/src/fake-carriers/telnyx';
import { EngineStub } from './telnyx-engine-stub';

const FROM = '+12125550111';
const decode = (state: unknown) => Buffer.from(String(state), 'base64').toString('utf8');

describe('Telnyx adapter: calls against the fake', () => {
  let fake: FakeTelnyx;
  let engine: EngineStub;
  const scripts = new Map<string, FakeCallScript>();

  beforeEach(async () => {
    scripts.clear();
    // 20 ms per call second: the answer-time stamp (a webhook and a command) must beat a 3 s call.
    fake = await startFakeTelnyx({
      msPerCallSecond: 20,
      ownedNumbers: [FROM],
      script: (to) => scripts.get(to) ?? { answer: 'human', durationSeconds: 30 },
    });
    engine = await EngineStub.start(fake);
  });
  afterEach(async () => {
    await engine.close();
    await fake.close();
  });

  it('originate dials with premium AMD, the callback URL, client_state and command_id = attempt id', async () => {
    const result = await engine.carrier.originate(engine.request('att-1', '+14155550100', FROM));
    expect(result.providerCallId).toMatch(/^v3:/);
    const call = fake.calls[0];
    expect(fake.calls).toHaveLength(1);
    expect(call?.id).toBe(result.providerCallId);
    expect(call?.request).toMatchObject({
      connection_id: fake.credentials['connectionId'],
      to: '+14155550100',
      from: FROM,
      webhook_url: engine.callbackUrl('att-1'),
      answering_machine_detection: 'premium',
      command_id: 'att-1',
    });
    expect(decode(call?.request['client_state'])).toBe('att-1;amd');
    await fake.settled();
  });

  it('without AMD, client_state is exactly base64(attempt id) and no AMD is asked for', async () => {
    await engine.carrier.originate(engine.request('att-plain', '+14155550100', FROM, {}, false));
    expect(fake.calls[0]?.request['client_state']).toBe(Buffer.from('att-plain').toString('base64'));
    expect(fake.calls[0]?.request).not.toHaveProperty('answering_machine_detection');
    await fake.settled();
  });

  it.each([
    ['human, 30 s', { answer: 'human', durationSeconds: 30 }, 'human_connected', 30],
    ['human, 3 s', { answer: 'human', durationSeconds: 3 }, 'human_hangup', 3],
    ['machine (no drop URL)', { answer: 'machine' }, 'voicemail', undefined],
    ['no answer', { answer: 'no_answer' }, 'no_answer', 0],
    ['busy', { answer: 'busy' }, 'busy', 0],
    ['failed', { answer: 'failed' }, 'failed', 0],
  ] as const)('scripted %s ends as %s with its talk time', async (_name, script, outcome, duration) => {
    scripts.set('+14155550123', script);
    // A transfer keeps the line open: the callee decides when the call ends.
    await engine.carrier.originate(
      engine.request('att-2', '+14155550123', FROM, { transferTo: '+13105550199' }),
    );
    await fake.settled();
    expect(engine.finalOutcome('att-2')).toBe(outcome);
    const update = engine.completed.get('att-2');
    if (duration !== undefined) expect(update?.durationSeconds).toBe(duration);
    expect(update?.providerCallId).toBe(fake.calls[0]?.id);
    expect(update?.deliveryId).toMatch(/^[0-9a-f-]{36}$/);
    const found = await engine.carrier.findCall({
      attemptId: 'att-2',
      to: '+14155550123',
      from: FROM,
      placedAfter: new Date(Date.now() - 5_000),
    });
    expect(found).toMatchObject({ providerCallId: fake.calls[0]?.id, state: 'completed', outcome });
  });

  it('machine without a drop URL is hung up as soon as AMD says machine', async () => {
    scripts.set('+14155550124', { answer: 'machine' });
    await engine.carrier.originate(engine.request('att-m', '+14155550124', FROM));
    await fake.settled();
    expect(fake.calls[0]?.commands.map((c) => c.name)).toEqual(['client_state_update', 'hangup']);
    expect(fake.calls[0]?.voicemailDropped).toBe(false);
  });

  it('AMD beep with a drop URL: playback_start with the recording, then hangup when playback ends', async () => {
    scripts.set('+14155550125', { answer: 'machine', durationSeconds: 60 });
    const drop = 'https://cdn.example.com/drop.mp3';
    await engine.carrier.originate(
      engine.request('att-vm', '+14155550125', FROM, { voicemailDropUrl: drop }),
    );
    await fake.settled();
    const call = fake.calls[0];
    expect(call?.commands.map((c) => c.name)).toEqual(['client_state_update', 'playback_start', 'hangup']);
    expect(call?.commands[1]?.body).toMatchObject({ audio_url: drop });
    expect(call?.voicemailDropped).toBe(true);
    const beep = engine.reactions.find((r) => r.kind === 'beep');
    expect(beep?.reaction).toEqual({ voicemailDropped: true, commands: ['playback_start'] });
    expect(engine.finalOutcome('att-vm')).toBe('voicemail');
    // Greeting at +6 s, playback 5 s: the caller (we) hung up 11 s after the answer.
    expect(engine.completed.get('att-vm')?.durationSeconds).toBe(11);
  });

  it('ai without AMD: stream_url (with the attempt and campaign) on the dial, the attempt in client_state', async () => {
    const req = engine.request(
      'att-ai',
      '+14155550126',
      FROM,
      { agent: 'ai', agentStreamUrl: 'wss://agent.example.com/stream', campaignId: 'camp-1' },
      false,
    );
    await engine.carrier.originate(req);
    await fake.settled();
    const dial = fake.calls[0]?.request;
    const url = new URL(String(dial?.['stream_url']));
    expect(url.origin + url.pathname).toBe('wss://agent.example.com/stream');
    expect(url.searchParams.get('attemptId')).toBe('att-ai');
    expect(url.searchParams.get('campaignId')).toBe('camp-1');
    expect(dial?.['stream_track']).toBe('inbound_track');
    expect(decode(dial?.['client_state'])).toBe('att-ai');
    expect(fake.calls[0]?.commands.map((c) => c.name)).toEqual(['client_state_update']);
    expect(engine.completed.get('att-ai')).toMatchObject({ outcome: 'human_connected', durationSeconds: 30 });
  });

  it('ai with AMD: streaming_start with custom parameters once AMD says human (never to a machine)', async () => {
    const req = engine.request('att-ai2', '+14155550127', FROM, {
      agent: 'ai',
      agentStreamUrl: 'wss://agent.example.com/stream',
      campaignId: 'camp-1',
    });
    await engine.carrier.originate(req);
    await fake.settled();
    expect(fake.calls[0]?.request).not.toHaveProperty('stream_url');
    const stream = fake.calls[0]?.commands.find((c) => c.name === 'streaming_start');
    expect(stream?.body).toMatchObject({
      custom_parameters: [
        { name: 'attemptId', value: 'att-ai2' },
        { name: 'campaignId', value: 'camp-1' },
      ],
      command_id: 'streaming_start',
    });
    expect(String((stream?.body as Record<string, unknown>)['stream_url'])).toContain('attemptId=att-ai2');
  });

  it('plain with transferTo: transfer on the human verdict', async () => {
    await engine.carrier.originate(
      engine.request('att-t', '+14155550128', FROM, { transferTo: '+13105550199' }),
    );
    await fake.settled();
    expect(fake.calls[0]?.commands.map((c) => c.name)).toEqual(['client_state_update', 'transfer']);
    expect(fake.calls[0]?.commands[1]?.body).toMatchObject({ to: '+13105550199', command_id: 'transfer' });
  });

  it('plain with a message and AMD off: speak on answer (stamping the answer time), hangup after it', async () => {
    await engine.carrier.originate(
      engine.request('att-s', '+14155550129', FROM, { message: 'Your order shipped.' }, false),
    );
    await fake.settled();
    const commands = fake.calls[0]?.commands ?? [];
    expect(commands.map((c) => c.name)).toEqual(['speak', 'hangup']);
    expect(commands[0]?.body).toMatchObject({ payload: 'Your order shipped.', voice: 'female' });
    expect(decode((commands[0]?.body as Record<string, unknown>)['client_state'])).toMatch(
      /^att-s;answered=/,
    );
    // Speak lasted 3 s, then we hung up: 3 s of talk (measured from the stamped answer).
    expect(engine.completed.get('att-s')).toMatchObject({ outcome: 'human_hangup', durationSeconds: 3 });
  });

  it('a redelivered event does not repeat the command (command_id)', async () => {
    scripts.set('+14155550130', { answer: 'human', durationSeconds: 60 });
    const req = engine.request('att-r', '+14155550130', FROM, { transferTo: '+13105550199' }, false);
    await engine.carrier.originate(req);
    await expect.poll(() => engine.reactions.some((r) => r.kind === 'answered')).toBe(true);
    const answered = engine.eventsOf('att-r').find((e) => e.kind === 'answered');
    if (!answered || answered.kind === 'completed') throw new Error('no answered event');
    await engine.carrier.respond(answered, req.plan, { answerUrl: '', voicemailUrl: '' });
    await fake.settled();
    expect(fake.calls[0]?.commands.map((c) => c.name)).toEqual(['transfer']);
  });

  it('a lost originate answer: findCall finds exactly that call, and the fake has one call', async () => {
    fake.loseNextAnswer();
    const placedAfter = new Date();
    const req = engine.request('att-lost', '+14155550131', FROM, { transferTo: '+13105550199' });
    await expect(engine.carrier.originate(req)).rejects.toMatchObject({
      retryable: true,
      reason: 'unavailable',
    });
    const live = await engine.carrier.findCall({
      attemptId: 'att-lost',
      to: req.to,
      from: FROM,
      placedAfter,
    });
    expect(live?.providerCallId).toBe(fake.calls[0]?.id);
    expect(live?.state).not.toBe('completed');
    await fake.settled();
    const ended = await engine.carrier.findCall({
      attemptId: 'att-lost',
      to: req.to,
      from: FROM,
      placedAfter,
    });
    expect(ended).toMatchObject({
      providerCallId: fake.calls[0]?.id,
      state: 'completed',
      outcome: 'human_connected',
      durationSeconds: 30,
    });
    expect(fake.calls).toHaveLength(1);
  });

  it('findCall returns undefined when there is no call', async () => {
    await engine.carrier.originate(engine.request('att-other', '+14155550132', FROM));
    await expect(
      engine.carrier.findCall({
        attemptId: 'att-none',
        to: '+14155550132',
        from: FROM,
        placedAfter: new Date(Date.now() - 1000),
      }),
    ).resolves.toBeUndefined();
    await fake.settled();
    await expect(
      engine.carrier.findCall({
        attemptId: 'att-none',
        to: '+14155550132',
        from: FROM,
        placedAfter: new Date(Date.now() - 1000),
      }),
    ).resolves.toBeUndefined();
  });
});
