// Reads the event store directly: the only way to see from outside that a call appended nothing.
import assert from 'node:assert/strict';
import pg from 'pg';
import { requiredEnv } from './platform.mjs';

let pool;

function database() {
  pool ??= new pg.Pool({ connectionString: requiredEnv('AGENTRY_PG_URL'), max: 2 });
  return pool;
}

export async function countEvents() {
  const { rows } = await database().query('SELECT count(*)::int AS events FROM domain_event_entry');
  return rows[0].events;
}

/** Runs the action and asserts the event store holds exactly as many events afterwards. */
export async function expectNoEventAppended(action) {
  const before = await countEvents();
  const outcome = await action();
  assert.equal(await countEvents(), before, 'the call appended events although it must change nothing');
  return outcome;
}

export async function closeEventStore() {
  const open = pool;
  pool = undefined;
  await open?.end();
}
