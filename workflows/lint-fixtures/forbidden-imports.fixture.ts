// Linted by tools/test/lint-boundaries.test.ts as if it lived in workflows/src: every import below
// must be rejected by the workflow sandbox rule.
import pg from 'pg';
import { readFileSync } from 'fs';
import { setTimeout as wait } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { Kysely } from 'kysely';
import { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { Context } from '@temporalio/activity';

export const forbidden = [pg, readFileSync, wait, Redis, Kysely, Client, Worker, Context];
