import { randomUUID } from 'node:crypto';
import type { CanActivate, ExecutionContext, INestApplication } from '@nestjs/common';
import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Module,
  NotFoundException,
  Post,
  Req,
} from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyStore } from '@engine/redis';
import type { TestRedis } from '@engine/testing';
import { createTestRedis } from '@engine/testing';
import { AllExceptionsFilter } from '../src/common/all-exceptions.filter';
import { ApiValidationPipe } from '../src/common/contract/validation-pipe';
import { Idempotent, IdempotencyModule } from '../src/common/idempotency';
import { REDIS } from '../src/infrastructure/tokens';
import { ApiClient } from './support/api-stack';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// Margins for a loaded 2-core machine: renewals every 500 ms keep a 1.5-s claim.
const LOCK_TTL_MS = 1500;
const WAIT_MS = 2000;

class NamedDto extends createZodDto(z.object({ name: z.string() }).strict()) {}

/** Routes that fail on purpose; `runs` counts how often each handler really ran. */
@Controller('t')
class FailingController {
  static runs = new Map<string, number>();
  private ran(what: string): number {
    const n = (FailingController.runs.get(what) ?? 0) + 1;
    FailingController.runs.set(what, n);
    return n;
  }

  @Post('flaky')
  @Idempotent()
  flaky(@Body() body: { id: string }) {
    // The first run of each id crashes (500); the next one succeeds.
    if (this.ran(`flaky:${body.id}`) === 1) throw new Error('database went away');
    return { id: body.id, ok: true };
  }

  @Post('slow')
  @Idempotent()
  async slow(@Body() body: { id: string; ms: number }) {
    const n = this.ran(`slow:${body.id}`);
    await sleep(body.ms);
    return { id: body.id, run: n };
  }

  @Post('conflict')
  @Idempotent()
  conflict(@Body() body: { id: string }) {
    throw new ConflictException(`busy ${this.ran(`conflict:${body.id}`)}`);
  }

  @Post('bad')
  @Idempotent()
  bad(@Body() body: { id: string }) {
    throw new BadRequestException(`refused ${this.ran(`bad:${body.id}`)}`);
  }

  @Post('validated')
  @Idempotent()
  validated(@Body() body: NamedDto) {
    return { name: body.name, run: this.ran(`validated:${body.name}`) };
  }

  @Post('unread')
  @Idempotent()
  unread(@Req() req: Request) {
    // Answers before reading the (streamed) body, like a 404 before a CSV is read.
    throw new NotFoundException(`nothing here ${this.ran(`unread:${String(req.headers['x-id'])}`)}`);
  }
}

/** Stands in for the API-key guard: the customer is whoever `x-customer` says. */
class HeaderCustomer implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request & { customer?: { id: string } }>();
    req.customer = { id: String(req.headers['x-customer'] ?? 'cust-1') };
    return true;
  }
}

/**
 * The interceptor's failure paths on a small Nest app of its own (the real interceptor, filter,
 * validation pipe and Redis): the real API has no route that fails on demand.
 */
describe('Idempotency-Key when the request fails', () => {
  let redis: TestRedis;
  let app: INestApplication;
  let http: ApiClient;

  beforeAll(async () => {
    redis = createTestRedis();
    @Module({
      imports: [
        {
          module: class RedisModule {},
          global: true,
          providers: [{ provide: REDIS, useValue: redis.redis }],
          exports: [REDIS],
        },
        IdempotencyModule.forRoot({
          waitMs: WAIT_MS,
          lockTtlMs: LOCK_TTL_MS,
          retryAfterSeconds: 2,
          drainBytes: 64,
        }),
      ],
      controllers: [FailingController],
      providers: [{ provide: APP_GUARD, useClass: HeaderCustomer }],
    })
    class TestModule {}
    app = await NestFactory.create(TestModule, { rawBody: true, logger: false });
    app.setGlobalPrefix('api');
    app.useGlobalPipes(new ApiValidationPipe());
    app.useGlobalFilters(new AllExceptionsFilter());
    await app.listen(0, '127.0.0.1');
    http = new ApiClient((await app.getUrl()).replace('[::1]', '127.0.0.1'), null);
  });
  afterAll(async () => {
    await app?.close();
    await redis?.close();
  });

  const runs = (what: string) => FailingController.runs.get(what) ?? 0;
  const post = (path: string, json: unknown, key: string, headers: Record<string, string> = {}) =>
    http.post(path, json, { headers: { 'idempotency-key': key, ...headers } });

  it('does not keep a 5xx: the retry executes again, and its answer is kept', async () => {
    const key = randomUUID();
    const id = randomUUID();
    const crashed = await post('/t/flaky', { id }, key);
    expect(crashed.status).toBe(500);
    const retry = await post('/t/flaky', { id }, key);
    expect(retry.status, retry.text).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    const again = await post('/t/flaky', { id }, key);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual({ id, ok: true });
    expect(runs(`flaky:${id}`)).toBe(2);
  });

  it('does not keep a transient 409 from the handler, keeps a 400 from it', async () => {
    const id = randomUUID();
    const k1 = randomUUID();
    expect((await post('/t/conflict', { id }, k1)).body.message).toBe('busy 1');
    expect((await post('/t/conflict', { id }, k1)).body.message).toBe('busy 2');
    const k2 = randomUUID();
    const bad = await post('/t/bad', { id }, k2);
    expect(bad.body.message).toBe('refused 1');
    const replay = await post('/t/bad', { id }, k2);
    expect(replay.status).toBe(400);
    expect(replay.body.message).toBe('refused 1');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('does not keep a validation 400 (the handler never ran)', async () => {
    const key = randomUUID();
    const invalid = await post('/t/validated', { name: 42 }, key);
    expect(invalid.status).toBe(400);
    const valid = await post('/t/validated', { name: 'v' }, key);
    expect(valid.status, valid.text).toBe(201);
    expect(valid.body).toEqual({ name: 'v', run: 1 });
  });

  it('answers 409 with Retry-After while the first request is still running, then replays it', async () => {
    const key = randomUUID();
    const id = randomUUID();
    const ms = WAIT_MS + 1500;
    const first = post('/t/slow', { id, ms }, key);
    await sleep(100);
    const waiting = await post('/t/slow', { id, ms }, key);
    expect(waiting.status, waiting.text).toBe(409);
    expect(waiting.headers.get('retry-after')).toBe('2');
    expect(waiting.body.message).toMatch(/^Idempotency-Key ".+" is still in use/);
    const done = await first;
    expect(done.status).toBe(201);
    const replay = await post('/t/slow', { id, ms }, key);
    expect(replay.text).toBe(done.text);
    expect(runs(`slow:${id}`)).toBe(1);
  });

  it('keeps the key of a handler that outlives its claim TTL (heartbeat)', async () => {
    const key = randomUUID();
    const id = randomUUID();
    const first = post('/t/slow', { id, ms: LOCK_TTL_MS * 2 }, key);
    await sleep(LOCK_TTL_MS + 200);
    // Still held: this one waits (the first finishes within its wait) and gets the same answer.
    const second = await post('/t/slow', { id, ms: LOCK_TTL_MS * 2 }, key);
    expect(second.headers.get('idempotent-replayed'), `${second.status} ${second.text}`).toBe('true');
    expect(second.text).toBe((await first).text);
    expect(runs(`slow:${id}`)).toBe(1);
  });

  it('frees the key of a crashed API process once its claim expires', async () => {
    const key = randomUUID();
    const id = randomUUID();
    // A claim nobody renews: what an API process that died mid-request leaves behind.
    const crashed = new IdempotencyStore(redis.redis, { lockTtlMs: 300 });
    expect((await crashed.claim('cust-1', key, { request: 'POST /api/t/slow' })).outcome).toBe('claimed');
    const retry = await post('/t/slow', { id, ms: 0 }, key);
    expect(retry.status, retry.text).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(runs(`slow:${id}`)).toBe(1);
  });

  it('keeps the answer of a request whose client went away', async () => {
    const key = randomUUID();
    const id = randomUUID();
    const gone = new AbortController();
    const abandoned = fetch(`${http.baseUrl}/api/t/slow`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ id, ms: 300 }),
      signal: gone.signal,
    }).catch(() => undefined);
    await sleep(100);
    gone.abort();
    await abandoned;
    const retry = await post('/t/slow', { id, ms: 300 }, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(runs(`slow:${id}`)).toBe(1);
  });

  it('keeps an answer given before a streamed body was read only if the rest is small', async () => {
    const send = (key: string, id: string, body: string) =>
      http.request('POST', '/t/unread', {
        body,
        headers: { 'content-type': 'text/csv', 'idempotency-key': key, 'x-id': id },
      });
    const small = randomUUID();
    expect((await send(small, 'small', 'phone\n1\n')).body.message).toBe('nothing here 1');
    const replay = await send(small, 'small', 'phone\n1\n');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await send(small, 'small', 'phone\n2\n')).status).toBe(422);
    // Over drainBytes (64): not hashed, so not kept.
    const large = randomUUID();
    const big = `phone\n${'1\n'.repeat(100)}`;
    expect((await send(large, 'large', big)).body.message).toBe('nothing here 1');
    expect((await send(large, 'large', big)).body.message).toBe('nothing here 2');
  });
});
