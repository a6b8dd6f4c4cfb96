// Two platform nodes on one database, as one service: every tool answers on either node, quickly and never
// `unavailable`, and a write on one node is visible on the other within a second. The first node is
// AGENTRY_MCP_URL, the other the first argument; a run id and its agent's owner token, when given, name a
// finished run whose transcript both nodes must show.
import assert from 'node:assert/strict';
import { adminToken, call, connect, disconnectAll, newUser } from '../support/platform.mjs';
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
const latencies = [];

/** A call that must succeed, timed. */
async function timed(client, tool, args) {
  const started = performance.now();
  const result = await call(client, tool, args);
  latencies.push(performance.now() - started);
  assert.ok(!result.isError, `${tool} failed: ${JSON.stringify(result.content)}`);
  return expectOk(result);
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
const carol = await timed(adminOnOther, 'create_user', { username: `carol${Date.now()}` });
const token = await timed(adminOnFirst, 'issue_token', { user_id: carol.user_id });
await timed(adminOnOther, 'revoke_token', { token_id: token.token_id });
await timed(adminOnOther, 'reconcile', { dry_run: true });

if (runId) {
  for (const url of [undefined, new URL(otherUrl)]) {
    const owner = await connect(runOwnerToken, url);
    const run = expectOk(await call(owner, 'get_run', { run_id: runId }));
    assert.equal(run.outcome, 'SUCCEEDED');
    assert.ok(run.transcript, `no transcript for ${runId} on ${url ?? 'the first node'}`);
    assert.equal(run.transcript.final_answer, run.summary);
    assert.equal(run.transcript.messages.length, 4);
  }
}

latencies.sort((a, b) => a - b);
const median = latencies[Math.floor(latencies.length / 2)];
console.log(`${latencies.length} calls on two nodes, median ${median.toFixed(1)} ms, slowest ${latencies.at(-1).toFixed(1)} ms`);
assert.ok(median < LATENCY_MEDIAN_LIMIT_MS, `median ${median.toFixed(1)} ms is not under ${LATENCY_MEDIAN_LIMIT_MS} ms`);
await disconnectAll();
