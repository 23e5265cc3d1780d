import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakeCallScript } from '../../../testing/src/fake-carriers/fake-carrier';
import type { TwilioRig } from './harness';
import { CALLEE, DID, startRig } from './harness';

let rig: TwilioRig;
let n = 0;
const nextAttempt = () => `att-${++n}`;

/** Places one call for a fresh attempt and waits for everything to settle. */
async function placeAndSettle(plan: Parameters<TwilioRig['engine']['originateRequest']>[3], to = CALLEE) {
  const attemptId = nextAttempt();
  const req = rig.engine.originateRequest(attemptId, to, DID, plan);
  const result = await rig.carrier.originate(req);
  await rig.fake.settled();
  const call = rig.fake.calls.find((c) => c.id === result.providerCallId);
  return { attemptId, result, call, update: rig.engine.completed(attemptId) };
}

describe('twilio adapter: calls against the fake', () => {
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(() => rig.close());
  beforeEach(() => rig.fake.script(() => ({ answer: 'human', durationSeconds: 30 })));

  it('originates with async AMD (DetectMessageEnd), the answer URL and the status callback events', async () => {
    const { attemptId, result, call } = await placeAndSettle({ agent: 'plain', message: 'hello' });
    expect(result.providerCallId).toMatch(/^CA[0-9a-f]{32}$/);
    const req = rig.engine.originateRequest(attemptId, CALLEE, DID, { agent: 'plain' });
    expect(call?.request).toMatchObject({
      To: CALLEE,
      From: DID,
      Url: req.documents?.answerUrl,
      StatusCallback: req.callbackUrl,
      StatusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
      MachineDetection: 'DetectMessageEnd',
      AsyncAmd: 'true',
      AsyncAmdStatusCallback: req.callbackUrl,
    });
    const kinds = rig.engine.events
      .filter((e) => (e.kind === 'completed' ? e.update.attemptId : e.attemptId) === attemptId)
      .map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['progress', 'answered', 'machine_detected', 'completed']));
  });

  const scripted: Array<[FakeCallScript, string, number]> = [
    [{ answer: 'human', durationSeconds: 42 }, 'human_connected', 42],
    [{ answer: 'human', durationSeconds: 3 }, 'human_hangup', 3],
    [{ answer: 'no_answer' }, 'no_answer', 0],
    [{ answer: 'busy' }, 'busy', 0],
    [{ answer: 'failed' }, 'failed', 0],
  ];
  it.each(scripted)('scripted %o completes as %s with %i s', async (script, outcome, duration) => {
    rig.fake.script(() => script);
    const { update } = await placeAndSettle({ agent: 'plain', message: 'hi' });
    expect(update).toMatchObject({
      provider: 'twilio',
      outcome,
      durationSeconds: duration,
      spamFlagged: false,
    });
    expect(update?.deliveryId).toEqual(expect.any(String));
  });

  it('a machine without a drop URL is hung up at the end of its greeting: voicemail, nothing dropped', async () => {
    rig.fake.script(() => ({ answer: 'machine', durationSeconds: 20 }));
    const { attemptId, call, update } = await placeAndSettle({ agent: 'plain', message: 'hi' });
    expect(update?.outcome).toBe('voicemail');
    expect(call?.commands.map((c) => c.name)).toEqual(['hangup']);
    expect(call?.voicemailDropped).toBe(false);
    const beep = rig.engine.events.find((e) => e.kind === 'beep' && e.attemptId === attemptId);
    expect(beep).toMatchObject({ answeredBy: 'machine' });
  });

  it('AMD beep with a drop URL: respond plays the recording then hangs up, the fake records the drop', async () => {
    rig.fake.script(() => ({ answer: 'machine', durationSeconds: 60 }));
    const before = rig.engine.reactions.length;
    const drop = 'https://cdn.example.com/vm/drop-1.mp3';
    const { call, update } = await placeAndSettle({
      agent: 'ai',
      agentStreamUrl: 'wss://agent.example.com/stream',
      voicemailDropUrl: drop,
    });
    expect(rig.engine.reactions.slice(before)).toContainEqual({
      voicemailDropped: true,
      commands: ['update'],
    });
    expect(call?.voicemailDropped).toBe(true);
    expect(call?.commands.map((c) => c.name)).toEqual(['update']);
    expect(call?.laterDocuments[0]).toMatch(
      new RegExp(`<Play>${drop.replace(/[.]/g, '\\.')}</Play><Hangup/>`),
    );
    expect(update?.outcome).toBe('voicemail');
    expect(update?.durationSeconds).toBeLessThan(60);
  });

  it('ai: the answer TwiML bridges to the agent stream with the attempt and campaign as parameters', async () => {
    const { attemptId, call } = await placeAndSettle({
      agent: 'ai',
      agentStreamUrl: 'wss://agent.example.com/stream?x=1&y=2',
      campaignId: 'camp-7',
    });
    expect(call?.answerDocument).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Connect><Stream url="wss://agent.example.com/stream?x=1&amp;y=2">' +
        `<Parameter name="attemptId" value="${attemptId}"/><Parameter name="campaignId" value="camp-7"/></Stream></Connect></Response>`,
    );
  });

  it('plain: transfer dials the number; a message is spoken then the call hangs up', async () => {
    const transfer = await placeAndSettle({ agent: 'plain', transferTo: '+13105550123', message: 'ignored' });
    expect(transfer.call?.answerDocument).toContain('<Dial><Number>+13105550123</Number></Dial>');
    const spoken = await placeAndSettle({ agent: 'plain', message: 'Your appointment is <tomorrow>' });
    expect(spoken.call?.answerDocument).toContain('<Say>Your appointment is &lt;tomorrow&gt;</Say><Hangup/>');
    expect(rig.carrier.answerDocument({ agent: 'plain', attemptId: 'a' }, 'answer')?.body).toContain(
      '<Response><Hangup/></Response>',
    );
    expect(
      rig.carrier.answerDocument(
        { agent: 'plain', attemptId: 'a', voicemailDropUrl: 'https://x/y.mp3' },
        'voicemail',
      ),
    ).toEqual({
      contentType: 'text/xml',
      body: '<?xml version="1.0" encoding="UTF-8"?><Response><Play>https://x/y.mp3</Play><Hangup/></Response>',
    });
  });

  it('a lost originate answer: findCall finds exactly that call, and the fake placed one call', async () => {
    const to = '+14155550177';
    const attemptId = nextAttempt();
    const placedAfter = new Date();
    rig.fake.loseNextAnswer();
    await expect(
      rig.carrier.originate(rig.engine.originateRequest(attemptId, to, DID, { agent: 'plain' })),
    ).rejects.toMatchObject({
      name: 'ProviderRequestError',
      retryable: true,
      reason: 'unavailable',
    });
    const placed = rig.fake.calls.filter((c) => c.to === to);
    expect(placed).toHaveLength(1);
    const found = await rig.carrier.findCall({ attemptId, to, from: DID, placedAfter });
    expect(found).toMatchObject({ providerCallId: placed[0]?.id, attemptId });
    await rig.fake.settled();
    const done = await rig.carrier.findCall({
      attemptId,
      to,
      from: DID,
      placedAfter,
      providerCallId: placed[0]?.id,
    });
    expect(done).toMatchObject({ state: 'completed', outcome: 'human_connected', durationSeconds: 30 });
    expect(rig.fake.calls.filter((c) => c.to === to)).toHaveLength(1);
  });

  it('findCall returns undefined when there is no such call', async () => {
    const probe = { attemptId: 'none', to: '+14155550999', from: DID, placedAfter: new Date() };
    await expect(rig.carrier.findCall(probe)).resolves.toBeUndefined();
    await expect(
      rig.carrier.findCall({ ...probe, providerCallId: `CA${'0'.repeat(32)}` }),
    ).resolves.toBeUndefined();
    // An older call to the same callee from the same DID is another attempt's.
    await placeAndSettle({ agent: 'plain' }, '+14155550998');
    await expect(
      rig.carrier.findCall({ ...probe, to: '+14155550998', placedAfter: new Date(Date.now() + 60_000) }),
    ).resolves.toBeUndefined();
  });
});
