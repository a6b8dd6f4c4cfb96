// Manual runs and the run history: run_agent_now, list_runs and get_run, each user on their own agents only.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { adminToken, call, connect, disconnectAll, newUser } from './support/platform.mjs';
import { expectError, expectOk } from './support/results.mjs';
import { closeEventStore, expectNoEventAppended } from './support/event-store.mjs';

const OUTCOMES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED'];
const RUN_FIELDS = ['run_id', 'trigger', 'outcome', 'started_at', 'finished_at', 'model', 'input_tokens', 'output_tokens'];

describe('runs', () => {
  let alice;
  let bob;
  let agent;

  before(async () => {
    const admin = await connect(adminToken());
    alice = await newUser(admin, { prefix: 'alice' });
    bob = await newUser(admin, { prefix: 'bob' });
    // a schedule that does not fire during the test: every run here is a manual one
    agent = expectOk(await call(alice.client, 'create_agent', {
      name: 'On demand', instructions: 'Say what time it is.', schedule: { cron: '0 4 1 1 *' }, tools: ['current_time'],
    }));
  });

  after(async () => {
    await disconnectAll();
    await closeEventStore();
  });

  test('run_agent_now answers a new run id, and list_runs shows that run at once', async () => {
    const started = expectOk(await call(alice.client, 'run_agent_now', { agent_id: agent.agent_id }));
    assert.equal(started.agent_id, agent.agent_id);
    assert.match(started.run_id, new RegExp(`^run-${agent.agent_id}-manual-[0-9a-f-]{36}$`));

    const { runs } = expectOk(await call(alice.client, 'list_runs', { agent_id: agent.agent_id }));
    const run = runs.find((candidate) => candidate.run_id === started.run_id);
    assert.ok(run, `run ${started.run_id} is not in ${JSON.stringify(runs)}`);
    for (const field of RUN_FIELDS) {
      assert.ok(field in run, `list_runs entry lacks ${field}: ${JSON.stringify(run)}`);
    }
    assert.equal(run.trigger, 'MANUAL');
    assert.ok(OUTCOMES.includes(run.outcome), `unexpected outcome ${run.outcome}`);
  });

  test('every run_agent_now is a run of its own, listed newest first', async () => {
    const first = expectOk(await call(alice.client, 'run_agent_now', { agent_id: agent.agent_id }));
    const second = expectOk(await call(alice.client, 'run_agent_now', { agent_id: agent.agent_id }));
    assert.notEqual(first.run_id, second.run_id);

    const { runs } = expectOk(await call(alice.client, 'list_runs', { agent_id: agent.agent_id }));
    const ids = runs.map((run) => run.run_id);
    assert.ok(ids.includes(first.run_id) && ids.includes(second.run_id), `${ids}`);
    const startTimes = runs.map((run) => run.started_at);
    assert.deepEqual(startTimes, [...startTimes].sort().reverse(), 'runs are not newest first');

    const limited = expectOk(await call(alice.client, 'list_runs', { agent_id: agent.agent_id, limit: 1 }));
    assert.equal(limited.runs.length, 1);
  });

  test('get_run shows the run with its agent and transcript field', async () => {
    const started = expectOk(await call(alice.client, 'run_agent_now', { agent_id: agent.agent_id }));
    const run = expectOk(await call(alice.client, 'get_run', { run_id: started.run_id }));
    assert.equal(run.run_id, started.run_id);
    assert.equal(run.agent_id, agent.agent_id);
    assert.equal(run.trigger, 'MANUAL');
    assert.ok('transcript' in run, `get_run has no transcript field: ${JSON.stringify(run)}`);
  });

  test('another user\'s agent and runs are not_found, worded as for unknown ids, and nothing is recorded', async () => {
    const alicesRun = expectOk(await call(alice.client, 'run_agent_now', { agent_id: agent.agent_id }));
    const unknownAgent = randomUUID();
    for (const tool of ['run_agent_now', 'list_runs']) {
      const text = await expectNoEventAppended(async () =>
        expectError(await call(bob.client, tool, { agent_id: agent.agent_id }), 'not_found'));
      const unknownText = expectError(await call(bob.client, tool, { agent_id: unknownAgent }), 'not_found');
      assert.equal(text.replaceAll(agent.agent_id, '<id>'), unknownText.replaceAll(unknownAgent, '<id>'));
    }
    const unknownRun = `run-${unknownAgent}-manual-${randomUUID()}`;
    const text = expectError(await call(bob.client, 'get_run', { run_id: alicesRun.run_id }), 'not_found');
    const unknownText = expectError(await call(bob.client, 'get_run', { run_id: unknownRun }), 'not_found');
    assert.equal(text.replaceAll(alicesRun.run_id, '<id>'), unknownText.replaceAll(unknownRun, '<id>'));
  });

  test('a deleted agent cannot be run, and its runs are gone', async () => {
    const doomed = expectOk(await call(alice.client, 'create_agent', { name: 'Doomed', instructions: 'Soon gone.' }));
    const run = expectOk(await call(alice.client, 'run_agent_now', { agent_id: doomed.agent_id }));
    expectOk(await call(alice.client, 'delete_agent', { agent_id: doomed.agent_id }));

    await expectNoEventAppended(async () =>
      expectError(await call(alice.client, 'run_agent_now', { agent_id: doomed.agent_id }), 'not_found'));
    expectError(await call(alice.client, 'list_runs', { agent_id: doomed.agent_id }), 'not_found');
    expectError(await call(alice.client, 'get_run', { run_id: run.run_id }), 'not_found');
  });

  test('a limit outside 1..500 is refused', async () => {
    const text = expectError(await call(alice.client, 'list_runs', { agent_id: agent.agent_id, limit: 0 }), 'invalid_argument');
    assert.match(text, /limit/);
  });
});
