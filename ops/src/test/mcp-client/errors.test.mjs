// Every refused call answers "<code>: <message>" and leaves the event store untouched.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { adminToken, call, connect, disconnectAll, newUser } from './support/platform.mjs';
import { expectError, expectOk } from './support/results.mjs';
import { closeEventStore, expectNoEventAppended } from './support/event-store.mjs';
import { jsonRpcMessages, postToMcp } from './support/raw-http.mjs';

const VALID = { name: 'Weekly report', instructions: 'Write the weekly report.' };
const PARSE_ERROR = -32700;

describe('errors', () => {
  let admin;
  let user;

  before(async () => {
    admin = await connect(adminToken());
    user = await newUser(admin, { prefix: 'errors' });
  });

  after(async () => {
    await disconnectAll();
    await closeEventStore();
  });

  /** Calls the tool, expects the error code and no new event; returns the error text. */
  const refused = (tool, args, code = 'invalid_argument') =>
    expectNoEventAppended(async () => expectError(await call(user.client, tool, args), code));

  const createRefused = (changes) => refused('create_agent', { ...VALID, ...changes });

  test('a cron expression that is not one is invalid_argument', async () => {
    const text = await createRefused({ schedule: { cron: 'not a cron' } });
    assert.match(text, /cron/i);
  });

  test('a cron expression with six fields is invalid_argument', async () => {
    await createRefused({ schedule: { cron: '0 0 * * * *' } });
  });

  test('a cron expression that never fires is invalid_argument', async () => {
    await createRefused({ schedule: { cron: '0 0 31 2 *' } });
  });

  test('an unknown timezone is invalid_argument naming it', async () => {
    const text = await createRefused({ schedule: { cron: '0 9 * * 1', timezone: 'Mars/Olympus' } });
    assert.match(text, /Mars\/Olympus/);
  });

  test('an unknown tier is invalid_argument', async () => {
    await createRefused({ tier: 'mega' });
  });

  test('an empty name is invalid_argument', async () => {
    await createRefused({ name: '' });
  });

  test('a name of 101 characters is invalid_argument', async () => {
    await createRefused({ name: 'n'.repeat(101) });
  });

  test('a name of 100 characters is accepted', async () => {
    const agent = expectOk(await call(user.client, 'create_agent', { ...VALID, name: 'n'.repeat(100) }));
    assert.equal(agent.name, 'n'.repeat(100));
    expectOk(await call(user.client, 'delete_agent', { agent_id: agent.agent_id }));
  });

  test('instructions of 20,001 characters are invalid_argument', async () => {
    await createRefused({ instructions: 'i'.repeat(20_001) });
  });

  test('instructions of 20,000 characters are accepted', async () => {
    const agent = expectOk(await call(user.client, 'create_agent', { ...VALID, instructions: 'i'.repeat(20_000) }));
    assert.equal(agent.instructions.length, 20_000);
    expectOk(await call(user.client, 'delete_agent', { agent_id: agent.agent_id }));
  });

  test('a name given as a number is invalid_argument', async () => {
    await createRefused({ name: 42 });
  });

  test('tools given as a string instead of a list is invalid_argument', async () => {
    await createRefused({ tools: 'slack_send_message' });
  });

  test('an argument the schema does not declare is invalid_argument', async () => {
    await createRefused({ colour: 'blue' });
  });

  test('a missing required argument is invalid_argument', async () => {
    await refused('create_agent', { name: 'No instructions' });
  });

  test('a refused update leaves the agent unchanged', async () => {
    const agent = expectOk(await call(user.client, 'create_agent', VALID));
    await refused('update_agent', { agent_id: agent.agent_id, name: 'Renamed', schedule: { cron: '0 9 * * 1', timezone: 'Mars/Olympus' } });
    assert.deepEqual(expectOk(await call(user.client, 'get_agent', { agent_id: agent.agent_id })), agent);
    expectOk(await call(user.client, 'delete_agent', { agent_id: agent.agent_id }));
  });

  test('an unknown agent id is not_found for every agent tool', async () => {
    const agent_id = randomUUID();
    for (const tool of ['get_agent', 'start_agent', 'stop_agent', 'delete_agent', 'agent_history']) {
      await refused(tool, { agent_id }, 'not_found');
    }
    await refused('update_agent', { agent_id, name: 'Ghost' }, 'not_found');
  });

  test('creating a user whose name is taken is failed_precondition', async () => {
    await expectNoEventAppended(async () =>
      expectError(await call(admin, 'create_user', { username: user.username, role: 'USER' }), 'failed_precondition'));
  });

  test('a malformed JSON-RPC body gets a parse error or a 4xx and the server keeps serving', async () => {
    const transport = user.client.transport;
    const response = await expectNoEventAppended(() => postToMcp('{"jsonrpc": "2.0", "id": 7, "method": "tools/ca', {
      token: user.token,
      headers: {
        'mcp-session-id': transport.sessionId,
        'mcp-protocol-version': transport.protocolVersion,
      },
    }));
    assert.ok(response.status < 500, `server error ${response.status}: ${response.body}`);
    if (response.status < 400) {
      const codes = jsonRpcMessages(response.body).map((message) => message.error?.code);
      assert.deepEqual(codes, [PARSE_ERROR], `expected a JSON-RPC parse error: ${response.body}`);
    }
    assert.doesNotMatch(response.body, /Exception|\bat [\w$]+(\.[\w$<>]+)+\(/, 'the answer leaks a stack trace');
    expectOk(await call(user.client, 'list_agents', {}));
  });
});
