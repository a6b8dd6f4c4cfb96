// One user never sees nor touches another user's agents; to them those agents do not exist.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { adminToken, call, connect, disconnectAll, newUser } from './support/platform.mjs';
import { expectError, expectOk } from './support/results.mjs';
import { closeEventStore, expectNoEventAppended } from './support/event-store.mjs';

const ATTEMPTS = [
  ['get_agent', {}],
  ['update_agent', { name: 'Taken over' }],
  ['start_agent', {}],
  ['stop_agent', {}],
  ['delete_agent', {}],
  ['agent_history', {}],
];

describe('isolation between users', () => {
  let alice;
  let bob;
  let alicesAgent;
  let bobsAgent;

  before(async () => {
    const admin = await connect(adminToken());
    alice = await newUser(admin, { prefix: 'alice' });
    bob = await newUser(admin, { prefix: 'bob' });
    alicesAgent = expectOk(await call(alice.client, 'create_agent', {
      name: 'Alice private', instructions: 'Only for Alice.', schedule: { cron: '30 4 1 1 *' },
    }));
    alicesAgent = expectOk(await call(alice.client, 'start_agent', { agent_id: alicesAgent.agent_id }));
    bobsAgent = expectOk(await call(bob.client, 'create_agent', { name: 'Bob own', instructions: 'Only for Bob.' }));
  });

  after(async () => {
    await disconnectAll();
    await closeEventStore();
  });

  for (const [tool, extra] of ATTEMPTS) {
    test(`${tool} on another user's agent is not_found, worded as for an unknown id`, async () => {
      const unknownId = randomUUID();
      const text = await expectNoEventAppended(async () =>
        expectError(await call(bob.client, tool, { agent_id: alicesAgent.agent_id, ...extra }), 'not_found'));
      const unknownText = expectError(await call(bob.client, tool, { agent_id: unknownId, ...extra }), 'not_found');
      assert.equal(text.replaceAll(alicesAgent.agent_id, '<id>'), unknownText.replaceAll(unknownId, '<id>'));
    });
  }

  test('list_agents shows only the caller\'s own agents', async () => {
    const bobs = expectOk(await call(bob.client, 'list_agents', {}));
    assert.deepEqual(bobs.agents.map((a) => a.agent_id), [bobsAgent.agent_id]);
    const bobsRunning = expectOk(await call(bob.client, 'list_agents', { status: 'RUNNING' }));
    assert.deepEqual(bobsRunning.agents, []);
    const alices = expectOk(await call(alice.client, 'list_agents', {}));
    assert.deepEqual(alices.agents.map((a) => a.agent_id), [alicesAgent.agent_id]);
  });

  test('the other user\'s attempts leave the agent as it was', async () => {
    const now = expectOk(await call(alice.client, 'get_agent', { agent_id: alicesAgent.agent_id }));
    const { next_run_at: ignoredNow, ...nowStable } = now;
    const { next_run_at: ignoredBefore, ...beforeStable } = alicesAgent;
    assert.deepEqual(nowStable, beforeStable);
    assert.equal(now.status, 'RUNNING');
    const { events } = expectOk(await call(alice.client, 'agent_history', { agent_id: alicesAgent.agent_id }));
    assert.deepEqual(events.map((e) => e.type), ['AgentCreated', 'AgentStarted']);
    assert.ok(events.every((e) => e.actor === alice.username));
  });
});
