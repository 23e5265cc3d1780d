import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiStack } from './support/api-stack';
import { startApiStack } from './support/api-stack';

describe('SMS campaigns through the API', () => {
  let s: ApiStack;
  beforeAll(async () => {
    s = await startApiStack({ timeScale: 0.0001 });
  });
  afterAll(() => s?.close());

  it.each([
    ['an unknown variable', 'Hi {{frist_name}}', {}, /frist_name/],
    ['an unclosed placeholder', 'Hi {{first_name', {}, /message/],
    ['an empty placeholder', 'Hi {{ }}', {}, /message/],
  ])('rejects a template with %s up front', async (_what, message, mode, reason) => {
    const { http } = await s.tenant();
    const res = await http.post('/campaigns', { name: 'x', channel: 'sms', message, mode });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(reason);
  });

  it('accepts declared variables and fallbacks, and requires a message for SMS', async () => {
    const { http } = await s.tenant();
    const ok = await http.post('/campaigns', {
      name: 'ok',
      channel: 'sms',
      message: 'Hi {{first_name}}, your {{plan}} renews on {{date}}',
      mode: { template_variables: ['plan'], template_fallbacks: { date: 'soon' }, sms_gap_minutes: 15 },
    });
    expect(ok.status).toBe(201);
    const missing = await http.post('/campaigns', { name: 'no message', channel: 'sms' });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toMatch(/message/);
  });
});
