// list_agents a page at a time: oldest first, every agent exactly once even while agents are created between
// pages, filters by status and name prefix, and a cursor it did not give is refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { adminToken, call, connect, disconnectAll, newUser } from './support/platform.mjs';
import { expectError, expectOk } from './support/results.mjs';

const PAGE = 3;

describe('list_agents pagination', () => {
  let user;
  const created = [];

  const create = async (name) => {
    const agent = expectOk(await call(user.client, 'create_agent', { name, instructions: 'Wait.' }));
    created.push(agent);
    return agent;
  };

  before(async () => {
    user = await newUser(await connect(adminToken()), { prefix: 'pages' });
    for (let index = 0; index < 7; index += 1) {
      await create(`${index % 2 === 0 ? 'report' : 'digest'} ${index}`);
    }
  });

  after(disconnectAll);

  test('pages hold every agent once, oldest first, while agents are created between pages', async () => {
    const seen = [];
    let cursor;
    let pages = 0;
    do {
      const page = expectOk(await call(user.client, 'list_agents', { limit: PAGE, ...(cursor ? { cursor } : {}) }));
      assert.ok(page.agents.length <= PAGE, `a page of ${page.agents.length} agents`);
      seen.push(...page.agents);
      cursor = page.next_cursor;
      pages += 1;
      if (pages === 1) {
        await create('created while paging');
      }
    } while (cursor);

    assert.deepEqual(seen.map((agent) => agent.agent_id), created.map((agent) => agent.agent_id),
      'every agent once, in creation order, the one created between pages last');
    assert.equal(seen.at(-1).name, 'created while paging');
    assert.ok(pages >= Math.ceil(created.length / PAGE), `${pages} pages for ${created.length} agents`);
  });

  test('a listing without limit returns every agent on one page with no next cursor', async () => {
    const all = expectOk(await call(user.client, 'list_agents', {}));
    assert.equal(all.next_cursor, null);
    assert.deepEqual(all.agents.map((agent) => agent.name), created.map((agent) => agent.name));
  });

  test('name_prefix and status narrow the pages', async () => {
    const started = expectOk(await call(user.client, 'start_agent', { agent_id: created[2].agent_id }));
    assert.equal(started.status, 'RUNNING');
    const first = expectOk(await call(user.client, 'list_agents', { name_prefix: 'report', limit: 2 }));
    const rest = expectOk(await call(user.client, 'list_agents', { name_prefix: 'report', cursor: first.next_cursor }));
    assert.deepEqual([...first.agents, ...rest.agents].map((agent) => agent.name),
      ['report 0', 'report 2', 'report 4', 'report 6']);
    assert.equal(rest.next_cursor, null);
    const running = expectOk(await call(user.client, 'list_agents', { status: 'RUNNING', name_prefix: 'report' }));
    assert.deepEqual(running.agents.map((agent) => agent.name), ['report 2']);
    expectOk(await call(user.client, 'stop_agent', { agent_id: created[2].agent_id }));
  });

  test('a cursor list_agents did not give is refused, saying so', async () => {
    const text = expectError(await call(user.client, 'list_agents', { cursor: 'bm90LWEtY3Vyc29y' }), 'invalid_argument');
    assert.match(text, /cursor/);
    expectError(await call(user.client, 'list_agents', { limit: 0 }), 'invalid_argument');
  });
});
