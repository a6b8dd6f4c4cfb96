// One agent through its whole life, step by step, as a user created through the admin tools.
// The steps build on each other and run in order.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { adminToken, call, connect, disconnectAll, newUser } from './support/platform.mjs';
import { expectError, expectOk } from './support/results.mjs';
import { closeEventStore, countEvents, expectNoEventAppended } from './support/event-store.mjs';

// Yearly crons: a started agent never fires while the suite runs, so no run events interfere.
const YEARLY = '30 4 1 1 *';
const YEARLY_LATER = '15 6 2 1 *';

/** The agent without the fields the scheduler may fill in at any moment. */
const withoutSchedulerFields = ({ next_run_at, ...agent }) => agent;

const isIsoInstant = (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value));

describe('agent lifecycle', () => {
  let user;
  let agent;

  before(async () => {
    user = await newUser(await connect(adminToken()), { prefix: 'lifecycle' });
  });

  after(async () => {
    await disconnectAll();
    await closeEventStore();
  });

  const callAs = (name, args) => call(user.client, name, args);

  test('creating an agent returns it STOPPED with the standard tier and UTC by default', async () => {
    agent = expectOk(await callAs('create_agent', {
      name: 'Morning digest',
      instructions: 'Summarise yesterday in three bullet points.',
      schedule: { cron: YEARLY },
    }));
    assert.equal(typeof agent.agent_id, 'string');
    assert.ok(agent.agent_id.length > 0);
    assert.equal(agent.owner, user.username);
    assert.equal(agent.name, 'Morning digest');
    assert.equal(agent.instructions, 'Summarise yesterday in three bullet points.');
    assert.equal(agent.status, 'STOPPED');
    assert.equal(agent.tier, 'standard');
    assert.deepEqual(agent.schedule, { cron: YEARLY, timezone: 'UTC' });
    assert.deepEqual(agent.tools, []);
    assert.ok(['skip', 'buffer_one'].includes(agent.overlap), `overlap ${agent.overlap}`);
    assert.ok(['skip', 'run_once'].includes(agent.catch_up), `catch_up ${agent.catch_up}`);
    assert.ok(isIsoInstant(agent.created_at), `created_at ${agent.created_at}`);
    assert.ok(isIsoInstant(agent.updated_at), `updated_at ${agent.updated_at}`);
    assert.equal(agent.last_run, null);
  });

  test('an agent can be read right after it is created', async () => {
    const created = expectOk(await callAs('create_agent', { name: 'Read at once', instructions: 'Say hi.' }));
    const read = expectOk(await callAs('get_agent', { agent_id: created.agent_id }));
    assert.deepEqual(read, created);
    expectOk(await callAs('delete_agent', { agent_id: created.agent_id }));
  });

  test('updating changes the given fields and keeps the others', async () => {
    const updated = expectOk(await callAs('update_agent', {
      agent_id: agent.agent_id,
      name: 'Evening digest',
      tier: 'advanced',
      schedule: { cron: YEARLY_LATER, timezone: 'Europe/Berlin' },
      max_consecutive_failures: 3,
      notify: 'none',
      max_tokens_per_run: 20000,
      max_tokens_per_day: 500000,
    }));
    assert.equal(agent.notify, 'failures');
    assert.equal(agent.max_tokens_per_run, null);
    assert.deepEqual(withoutSchedulerFields({ ...updated, updated_at: agent.updated_at }), withoutSchedulerFields({
      ...agent,
      name: 'Evening digest',
      tier: 'advanced',
      model: updated.model,
      schedule: { cron: YEARLY_LATER, timezone: 'Europe/Berlin' },
      max_consecutive_failures: 3,
      notify: 'none',
      max_tokens_per_run: 20000,
      max_tokens_per_day: 500000,
    }));
    assert.ok(Date.parse(updated.updated_at) >= Date.parse(agent.created_at));
    assert.deepEqual(expectOk(await callAs('get_agent', { agent_id: agent.agent_id })), updated);
    agent = updated;
  });

  test('starting an agent makes it RUNNING', async () => {
    const started = expectOk(await callAs('start_agent', { agent_id: agent.agent_id }));
    assert.equal(started.status, 'RUNNING');
    assert.equal(started.name, 'Evening digest');
    const read = expectOk(await callAs('get_agent', { agent_id: agent.agent_id }));
    assert.equal(read.status, 'RUNNING');
    agent = read;
  });

  test('starting a running agent changes nothing and appends no event', async () => {
    const again = await expectNoEventAppended(async () =>
      expectOk(await callAs('start_agent', { agent_id: agent.agent_id })));
    assert.equal(again.status, 'RUNNING');
    assert.deepEqual(withoutSchedulerFields(again), withoutSchedulerFields(agent));
  });

  test('list_agents shows the caller\'s agents and filters by status', async () => {
    const idle = expectOk(await callAs('create_agent', { name: 'Idle', instructions: 'Wait.' }));
    const ids = (listed) => listed.agents.map((a) => a.agent_id).sort();

    const all = expectOk(await callAs('list_agents', {}));
    assert.deepEqual(ids(all), [agent.agent_id, idle.agent_id].sort());
    assert.deepEqual(withoutSchedulerFields(all.agents.find((a) => a.agent_id === idle.agent_id)),
      withoutSchedulerFields(idle));

    const running = expectOk(await callAs('list_agents', { status: 'RUNNING' }));
    assert.deepEqual(ids(running), [agent.agent_id]);

    const stopped = expectOk(await callAs('list_agents', { status: 'STOPPED' }));
    assert.deepEqual(ids(stopped), [idle.agent_id]);

    expectOk(await callAs('delete_agent', { agent_id: idle.agent_id }));
  });

  test('stopping a running agent makes it STOPPED', async () => {
    const stopped = expectOk(await callAs('stop_agent', { agent_id: agent.agent_id }));
    assert.equal(stopped.status, 'STOPPED');
    assert.equal(expectOk(await callAs('get_agent', { agent_id: agent.agent_id })).status, 'STOPPED');
    agent = stopped;
  });

  test('stopping a stopped agent changes nothing and appends no event', async () => {
    const again = await expectNoEventAppended(async () =>
      expectOk(await callAs('stop_agent', { agent_id: agent.agent_id })));
    assert.deepEqual(withoutSchedulerFields(again), withoutSchedulerFields(agent));
  });

  test('an update with null clears the schedule or a budget and keeps the rest', async () => {
    const cleared = expectOk(await callAs('update_agent', {
      agent_id: agent.agent_id, schedule: null, max_tokens_per_run: null }));
    assert.equal(cleared.schedule, null);
    assert.equal(cleared.max_tokens_per_run, null);
    assert.equal(cleared.max_tokens_per_day, 500000);
    assert.equal(cleared.notify, 'none');
    assert.equal(cleared.name, 'Evening digest');
    assert.equal(cleared.tier, 'advanced');
    assert.equal(cleared.max_consecutive_failures, 3);
    assert.equal(expectOk(await callAs('get_agent', { agent_id: agent.agent_id })).schedule, null);
  });

  test('agent_history lists the lifecycle events oldest first, done by the user', async () => {
    const { events } = expectOk(await callAs('agent_history', { agent_id: agent.agent_id }));
    assert.deepEqual(events.map((e) => e.type),
      ['AgentCreated', 'AgentReconfigured', 'AgentStarted', 'AgentStopped', 'AgentReconfigured']);
    for (const event of events) {
      assert.equal(event.actor, user.username, `actor of ${event.type}`);
      assert.ok(isIsoInstant(event.at), `at of ${event.type}: ${event.at}`);
    }
    const times = events.map((e) => Date.parse(e.at));
    assert.deepEqual(times, [...times].sort((a, b) => a - b), 'events are not oldest first');
    assert.equal(events.find((e) => e.type === 'AgentStopped').reason, 'USER');
  });

  test('agent_history with a limit returns that many entries from one end', async () => {
    const all = expectOk(await callAs('agent_history', { agent_id: agent.agent_id })).events;
    const { events } = expectOk(await callAs('agent_history', { agent_id: agent.agent_id, limit: 2 }));
    assert.equal(events.length, 2);
    const oldestTwo = JSON.stringify(all.slice(0, 2));
    const newestTwo = JSON.stringify(all.slice(-2));
    assert.ok([oldestTwo, newestTwo].includes(JSON.stringify(events)),
      `limited history is not a contiguous end of the full one: ${JSON.stringify(events)}`);
  });

  test('deleting an agent answers DELETED and appends one event', async () => {
    const before = await countEvents();
    const deleted = expectOk(await callAs('delete_agent', { agent_id: agent.agent_id }));
    assert.deepEqual(deleted, { agent_id: agent.agent_id, status: 'DELETED' });
    assert.equal(await countEvents(), before + 1);
  });

  test('a deleted agent is not_found for every agent tool', async () => {
    const id = { agent_id: agent.agent_id };
    await expectNoEventAppended(async () => {
      expectError(await callAs('get_agent', id), 'not_found');
      expectError(await callAs('start_agent', id), 'not_found');
      expectError(await callAs('stop_agent', id), 'not_found');
      expectError(await callAs('update_agent', { ...id, name: 'Back again' }), 'not_found');
      expectError(await callAs('agent_history', id), 'not_found');
      expectError(await callAs('delete_agent', id), 'not_found');
    });
  });

  test('list_agents no longer shows a deleted agent', async () => {
    const { agents } = expectOk(await callAs('list_agents', {}));
    assert.deepEqual(agents, []);
  });
});
