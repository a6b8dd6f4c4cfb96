// Checks, after a restart, that the agents written by seed-agents.mjs are all there as they were,
// that the user's token still works, and that the agents still take commands.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { call, connect, disconnectAll } from '../support/platform.mjs';
import { expectError, expectOk } from '../support/results.mjs';

const [, , seedFile] = process.argv;
if (!seedFile) {
  throw new Error('usage: node scenarios/verify-agents.mjs <seed file written by seed-agents.mjs>');
}
const seed = JSON.parse(await readFile(seedFile, 'utf8'));

// Fields the platform itself may change around a restart (scheduling, a restored schedule).
const persistent = ({ next_run_at, updated_at, ...agent }) => agent;

const client = await connect(seed.token);
const act = async (tool, args) => expectOk(await call(client, tool, args));

const listed = await act('list_agents', {});
assert.deepEqual(
  listed.agents.map((agent) => agent.agent_id).sort(),
  seed.agents.map((agent) => agent.agent_id).sort(),
  'list_agents after the restart differs from before',
);
for (const before of seed.agents) {
  const after = await act('get_agent', { agent_id: before.agent_id });
  assert.deepEqual(persistent(after), persistent(before), `agent '${before.name}' changed across the restart`);
  const inList = listed.agents.find((agent) => agent.agent_id === before.agent_id);
  assert.deepEqual(persistent(inList), persistent(before), `list_agents shows '${before.name}' changed`);
}
expectError(await call(client, 'get_agent', { agent_id: seed.deleted_agent_id }), 'not_found');

const running = seed.agents.find((agent) => agent.name === 'running');
assert.equal((await act('stop_agent', { agent_id: running.agent_id })).status, 'STOPPED');
assert.equal((await act('start_agent', { agent_id: running.agent_id })).status, 'RUNNING');

await disconnectAll();
console.log(`verified ${seed.agents.length} agents of ${seed.username} after the restart`);
