import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TwilioRig } from './harness';
import { CALLEE, DID, startRig } from './harness';
import { CUSTOMER_ANSWER_PATH, CUSTOMER_TWIML } from './engine-stub';

let rig: TwilioRig;
let n = 0;

async function placeAndSettle(plan: Parameters<TwilioRig['engine']['originateRequest']>[3]) {
  const attemptId = `plan-${++n}`;
  const result = await rig.carrier.originate(rig.engine.originateRequest(attemptId, CALLEE, DID, plan));
  await rig.fake.settled();
  const call = rig.fake.calls.find((c) => c.id === result.providerCallId);
  return { attemptId, call, update: rig.engine.completed(attemptId) };
}

/** The per-call plan (a queued call's `call_config`) on Twilio's wire. */
describe('twilio adapter: the per-call plan', () => {
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(() => rig.close());
  beforeEach(() => rig.fake.script(() => ({ answer: 'human', durationSeconds: 30 })));

  it('maxDurationSeconds is TimeLimit (the call ends there) and record is Record', async () => {
    rig.fake.script(() => ({ answer: 'human', durationSeconds: 300 }));
    const { call, update } = await placeAndSettle({ agent: 'plain', maxDurationSeconds: 12, record: true });
    expect(call?.request).toMatchObject({ TimeLimit: '12', Record: 'true' });
    expect(update).toMatchObject({ outcome: 'human_connected', durationSeconds: 12 });
    const plainCall = await placeAndSettle({ agent: 'plain' });
    expect(plainCall.call?.request).not.toHaveProperty('TimeLimit');
    expect(plainCall.call?.request).not.toHaveProperty('Record');
  });

  it("answerUrl: Twilio fetches the customer's TwiML, and AMD still drops the voicemail through our callback", async () => {
    rig.fake.script(() => ({ answer: 'machine', durationSeconds: 60 }));
    const answerUrl = `${rig.engine.publicUrl}${CUSTOMER_ANSWER_PATH}`;
    const drop = 'https://cdn.example.com/vm/drop-2.mp3';
    const { call, update } = await placeAndSettle({ agent: 'ai', answerUrl, voicemailDropUrl: drop });
    expect(call?.request).toMatchObject({ Url: answerUrl, MachineDetection: 'DetectMessageEnd' });
    expect(call?.answerDocument).toBe(CUSTOMER_TWIML);
    expect(call?.voicemailDropped).toBe(true);
    expect(call?.laterDocuments[0]).toContain(`<Play>${drop}</Play><Hangup/>`);
    expect(update?.outcome).toBe('voicemail');
  });

  it('voice: a voice name is <Say voice>, a language tag <Say language>', async () => {
    const named = await placeAndSettle({ agent: 'plain', message: 'Hola', voice: 'Polly.Lupe' });
    expect(named.call?.answerDocument).toContain('<Say voice="Polly.Lupe">Hola</Say><Hangup/>');
    const language = await placeAndSettle({ agent: 'plain', message: 'Hola', voice: 'es-MX' });
    expect(language.call?.answerDocument).toContain('<Say language="es-MX">Hola</Say><Hangup/>');
  });

  it('flowName and variables are <Parameter>s of the agent <Stream>', async () => {
    const { attemptId, call } = await placeAndSettle({
      agent: 'ai',
      agentStreamUrl: 'wss://agent.example.com/stream',
      campaignId: 'queue-1',
      flowName: 'renewal',
      variables: { first_name: 'Ada "A" Lovelace', plan: 'gold' },
    });
    expect(call?.answerDocument).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Connect><Stream url="wss://agent.example.com/stream">' +
        `<Parameter name="attemptId" value="${attemptId}"/><Parameter name="campaignId" value="queue-1"/>` +
        '<Parameter name="flowName" value="renewal"/>' +
        '<Parameter name="variables" value="{&quot;first_name&quot;:&quot;Ada \\&quot;A\\&quot; Lovelace&quot;,&quot;plan&quot;:&quot;gold&quot;}"/>' +
        '</Stream></Connect></Response>',
    );
  });
});
