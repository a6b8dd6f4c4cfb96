// Two platform nodes on one database, as one service: every tool the platform lists answers on either node,
// quickly and never `unavailable`, and a write on one node is visible on the other within a second. The first
// node is AGENTRY_MCP_URL, the other the first argument; a run id and its agent's owner token, when given, name
// a finished run whose transcript both nodes must show. AGENTRY_E2E_SLACK_TOKEN is a bot token of the local
// Slack workspace the nodes are configured with, holding the user ada@e2e.test and the channel #general.
import assert from 'node:assert/strict';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { adminToken, call, connect, disconnectAll, listAllTools, mcpUrl, newUser, requiredEnv } from '../support/platform.mjs';
import { expectOk } from '../support/results.mjs';

const [, , otherUrl, runId, runOwnerToken] = process.argv;
if (!otherUrl) {
  throw new Error('usage: node scenarios/several-nodes.mjs <other node MCP URL> [run id] [its owner token]');
}
const LATENCY_MEDIAN_LIMIT_MS = 200;
const VISIBLE_WITHIN_MS = 1000;

const adminOnFirst = await connect(adminToken());
const user = await newUser(adminOnFirst, { prefix: 'nodes' });
const nodes = [user.client, await connect(user.token, new URL(otherUrl))];
const adminOnOther = await connect(adminToken(), new URL(otherUrl));
const admins = [adminOnFirst, adminOnOther];
const nodeOf = new Map([[nodes[0], 0], [adminOnFirst, 0], [nodes[1], 1], [adminOnOther, 1]]);
/** the tools each node answered */
const answered = [new Set(), new Set()];
const latencies = [];

/** A call that must succeed, timed. */
async function timed(client, tool, args) {
  const started = performance.now();
  const result = await call(client, tool, args);
  latencies.push(performance.now() - started);
  assert.ok(!result.isError, `${tool} failed on node ${nodeOf.get(client)}: ${JSON.stringify(result.content)}`);
  answered[nodeOf.get(client)].add(tool);
  return expectOk(result);
}

/** Polls until the call on the client answers what the predicate accepts. */
async function eventually(client, tool, args, accepted, what) {
  const deadline = performance.now() + VISIBLE_WITHIN_MS;
  for (;;) {
    const answer = expectOk(await call(client, tool, args));
    if (accepted(answer)) {
      return answer;
    }
    assert.ok(performance.now() < deadline, `${what} not visible on node ${nodeOf.get(client)} within ${VISIBLE_WITHIN_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Polls the other node until it shows what the writer answered. */
async function visibleOn(client, agent, field) {
  const deadline = performance.now() + VISIBLE_WITHIN_MS;
  for (;;) {
    const seen = expectOk(await call(client, 'get_agent', { agent_id: agent.agent_id }));
    if (seen[field] === agent[field]) {
      return;
    }
    assert.ok(performance.now() < deadline, `${field} ${agent[field]} not visible on the other node within ${VISIBLE_WITHIN_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

for (let round = 0; round < 4; round += 1) {
  const writer = nodes[round % 2];
  const reader = nodes[(round + 1) % 2];
  const created = await timed(writer, 'create_agent', { name: `agent ${round}`, instructions: 'Say the time.', tools: ['current_time'] });
  await visibleOn(reader, created, 'name');
  const renamed = await timed(reader, 'update_agent', { agent_id: created.agent_id, name: `renamed ${round}` });
  assert.equal(renamed.name, `renamed ${round}`);
  await visibleOn(writer, renamed, 'name');
  const started = await timed(writer, 'start_agent', { agent_id: created.agent_id });
  assert.equal(started.status, 'RUNNING');
  await visibleOn(reader, started, 'status');
  assert.equal((await timed(reader, 'stop_agent', { agent_id: created.agent_id })).status, 'STOPPED');
  assert.equal((await timed(writer, 'get_agent', { agent_id: created.agent_id })).status, 'STOPPED');
  const listed = await timed(reader, 'list_agents', {});
  assert.ok(listed.agents.some((agent) => agent.agent_id === created.agent_id), 'list_agents misses the new agent');
  const history = await timed(writer, 'agent_history', { agent_id: created.agent_id });
  assert.deepEqual(history.events.map((event) => event.type),
    ['AgentCreated', 'AgentReconfigured', 'AgentStarted', 'AgentStopped']);
  await timed(reader, 'list_runs', { agent_id: created.agent_id });
  await timed(writer, 'list_models', {});
  assert.equal((await timed(reader, 'delete_agent', { agent_id: created.agent_id })).status, 'DELETED');
}
for (let node = 0; node < 2; node += 1) {
  const admin = admins[node];
  const other = admins[1 - node];
  const carol = await timed(admin, 'create_user', { username: `carol${node}${Date.now()}` });
  const token = await timed(other, 'issue_token', { user_id: carol.user_id });
  const listed = await timed(admin, 'list_tokens', { user_id: carol.user_id });
  assert.deepEqual(listed.tokens.map((issued) => issued.token_id), [token.token_id]);
  // carol's token works on the other node, which therefore remembers it as valid; once revoke_token has
  // answered on this node, the other node refuses it too
  const otherNodeUrl = node === 0 ? new URL(otherUrl) : mcpUrl();
  expectOk(await call(await connect(token.token, otherNodeUrl), 'list_agents'));
  await timed(admin, 'revoke_token', { token_id: token.token_id });
  await assert.rejects(connect(token.token, otherNodeUrl),
    (error) => error instanceof StreamableHTTPError && error.code === 401,
    `node ${1 - node} still accepts a token revoked on node ${node}`);
  await timed(admin, 'reconcile', { dry_run: true });
  const audit = await timed(other, 'audit_log', { type: 'UserCreated', limit: 5 });
  assert.ok(audit.entries.some((entry) => entry.details.username === carol.username),
    `audit_log on node ${1 - node} misses the user created on node ${node}`);
  const health = await timed(admin, 'system_health', {});
  assert.ok(health.nodes.length >= 2, `system_health on node ${node} lists ${health.nodes.length} nodes`);

  // a model switched on one node is switched on the other within a second
  const model = (await timed(admin, 'list_models', {})).models.find((listed) => listed.enabled);
  assert.ok(model, 'no enabled model in the catalogue');
  assert.equal((await timed(admin, 'disable_model', { name: model.name })).enabled, false);
  await eventually(other, 'list_models', {}, (listing) =>
    listing.models.find((listed) => listed.name === model.name).enabled === false, `${model.name} disabled`);
  assert.equal((await timed(other, 'enable_model', { name: model.name })).enabled, true);
  await eventually(admin, 'list_models', {}, (listing) =>
    listing.models.find((listed) => listed.name === model.name).enabled === true, `${model.name} enabled`);
}

// Slack: connected on one node, used on both, disconnected on the other
const slackToken = requiredEnv('AGENTRY_E2E_SLACK_TOKEN');
for (let node = 0; node < 2; node += 1) {
  const client = nodes[node];
  const other = nodes[1 - node];
  const connected = await timed(client, 'slack_connect', { bot_token: slackToken, notify_user: 'ada@e2e.test' });
  const shown = await eventually(other, 'get_slack_connection', {}, (answer) => answer.team_id === connected.team_id,
    'the Slack connection');
  answered[1 - node].add('get_slack_connection');
  assert.ok(!JSON.stringify(shown).includes(slackToken), 'get_slack_connection must never show the token');
  await timed(client, 'get_slack_connection', {});
  for (const target of [client, other]) {
    const { channels } = await timed(target, 'slack_list_channels', {});
    assert.ok(channels.some((channel) => channel.name === 'general'), 'slack_list_channels misses #general');
    const { users } = await timed(target, 'slack_list_users', {});
    assert.ok(users.some((person) => person.email === 'ada@e2e.test'), 'slack_list_users misses ada');
    assert.ok((await timed(target, 'slack_send_message', { channel: '#general', text: `hello from node ${node}` })).ts);
    assert.ok((await timed(target, 'slack_send_dm', { user: 'ada@e2e.test', text: `hi ada from node ${node}` })).ts);
  }
  await timed(other, 'slack_disconnect', {});
}

// a run asked for on one node, its outcome read on the other
for (let node = 0; node < 2; node += 1) {
  const agent = await timed(nodes[node], 'create_agent', { name: `on demand ${node}`, instructions: 'Say hello.' });
  const requested = await timed(nodes[node], 'run_agent_now', { agent_id: agent.agent_id });
  assert.ok(requested.run_id, 'run_agent_now gave no run id');
}

if (runId) {
  for (const [node, url] of [[0, undefined], [1, new URL(otherUrl)]]) {
    const owner = await connect(runOwnerToken, url);
    nodeOf.set(owner, node);
    const run = await timed(owner, 'get_run', { run_id: runId });
    assert.equal(run.outcome, 'SUCCEEDED');
    assert.ok(run.transcript, `no transcript for ${runId} on ${url ?? 'the first node'}`);
    assert.equal(run.transcript.final_answer, run.summary);
    assert.equal(run.transcript.messages.length, 4);
  }
}

const listedTools = (await listAllTools(adminOnFirst)).map((tool) => tool.name);
assert.deepEqual((await listAllTools(adminOnOther)).map((tool) => tool.name).sort(), [...listedTools].sort(),
  'both nodes list the same tools');
for (let node = 0; node < 2; node += 1) {
  const missing = listedTools.filter((tool) => !answered[node].has(tool));
  assert.deepEqual(missing, [], `tools never called on node ${node}`);
}

latencies.sort((a, b) => a - b);
const median = latencies[Math.floor(latencies.length / 2)];
console.log(`${latencies.length} calls on two nodes, median ${median.toFixed(1)} ms, slowest ${latencies.at(-1).toFixed(1)} ms`);
assert.ok(median < LATENCY_MEDIAN_LIMIT_MS, `median ${median.toFixed(1)} ms is not under ${LATENCY_MEDIAN_LIMIT_MS} ms`);
await disconnectAll();
