// Creates a user with agents in every state and writes them to the file named by the first argument,
// so that a later run of verify-agents.mjs can check them after the platform restarted.
import { writeFile } from 'node:fs/promises';
import { adminToken, call, connect, disconnectAll, newUser } from '../support/platform.mjs';
import { expectOk } from '../support/results.mjs';

const [, , seedFile] = process.argv;
if (!seedFile) {
  throw new Error('usage: node scenarios/seed-agents.mjs <seed file to write>');
}

const user = await newUser(await connect(adminToken()), { prefix: 'restart' });
const act = async (tool, args) => expectOk(await call(user.client, tool, args));
const create = (name, schedule) => act('create_agent', { name, instructions: `You are ${name}.`, schedule });

const neverStarted = await create('never started', { cron: '0 7 1 1 *', timezone: 'Asia/Tokyo' });
let running = await create('running', { cron: '30 4 1 1 *' });
running = await act('start_agent', { agent_id: running.agent_id });
let stoppedAgain = await create('stopped again', { cron: '45 5 1 1 *', timezone: 'America/New_York' });
await act('start_agent', { agent_id: stoppedAgain.agent_id });
stoppedAgain = await act('stop_agent', { agent_id: stoppedAgain.agent_id });
let reconfiguredRunning = await create('reconfigured while running', { cron: '0 3 2 1 *' });
await act('start_agent', { agent_id: reconfiguredRunning.agent_id });
reconfiguredRunning = await act('update_agent', { agent_id: reconfiguredRunning.agent_id, tier: 'deep' });
const deleted = await create('deleted', undefined);
await act('delete_agent', { agent_id: deleted.agent_id });

await writeFile(seedFile, JSON.stringify({
  username: user.username,
  token: user.token,
  agents: [neverStarted, running, stoppedAgain, reconfiguredRunning],
  deleted_agent_id: deleted.agent_id,
}, null, 2));
await disconnectAll();
console.log(`seeded 4 live agents and 1 deleted agent for ${user.username} into ${seedFile}`);
