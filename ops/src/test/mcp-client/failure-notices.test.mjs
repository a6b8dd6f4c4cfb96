// Failure notices: an owner whose Slack connection names a notify user hears by DM that an agent started failing,
// was stopped by its failure limit, or recovered; once each. A notice that cannot be sent shows in agent_history.
//
// The platform's LLM (McpEndToEndIT's ToolThenAnswerServer) refuses with HTTP 400 the first N requests of a
// conversation whose text carries `e2e-llm-refuses-first-N-of-KEY`: such an agent's first N runs fail with
// INVALID_REQUEST, the later ones succeed. AGENTRY_E2E_SLACK_MESSAGES_URL lists what the local Slack server accepted.
//
// Every test waits until the notices of its runs were sent or recorded, so that nothing is appended later, in the
// middle of another file's expectNoEventAppended.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { adminToken, call, connect, disconnectAll, newUser, requiredEnv, uniqueName } from './support/platform.mjs';
import { expectOk } from './support/results.mjs';

const SLACK_MESSAGES = process.env.AGENTRY_E2E_SLACK_MESSAGES_URL;
const needsSlack = SLACK_MESSAGES && process.env.AGENTRY_E2E_SLACK_TOKEN
  ? {} : { skip: 'AGENTRY_E2E_SLACK_MESSAGES_URL or AGENTRY_E2E_SLACK_TOKEN is not set' };
/** The DM channel with Ada (U01ADA, ada@e2e.test), whom the connections here notify. */
const ADA_DM = 'D01ADA';
const POLL_INTERVAL_MS = 250;
const DEADLINE_MS = 60_000;
/** A schedule that does not fire during the test: every run here is a manual one. */
const NEVER_DURING_THE_TEST = { cron: '0 4 1 1 *' };

async function until(what, probe) {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    const value = await probe();
    if (value) {
      return value;
    }
    assert.ok(Date.now() < deadline, `${what} did not happen within ${DEADLINE_MS} ms`);
    await sleep(POLL_INTERVAL_MS);
  }
}

/** The DMs the Slack server accepted that name the agent, oldest first. */
async function noticesOf(agentId) {
  const response = await fetch(SLACK_MESSAGES);
  assert.equal(response.status, 200);
  const messages = await response.json();
  return messages.filter((message) => message.text.includes(`\`${agentId}\``));
}

async function awaitNotices(agentId, count) {
  await until(`${count} notice(s) of ${agentId}`, async () => (await noticesOf(agentId)).length >= count);
  const notices = await noticesOf(agentId);
  assert.equal(notices.length, count, `notices of ${agentId}: ${JSON.stringify(notices)}`);
  return notices;
}

/** Runs the agent now, waits for the run to end, and answers that run's get_run. */
async function runToTheEnd(client, agentId) {
  const { run_id: runId } = expectOk(await call(client, 'run_agent_now', { agent_id: agentId }));
  return until(`the end of run ${runId}`, async () => {
    const run = expectOk(await call(client, 'get_run', { run_id: runId }));
    return run.outcome === 'RUNNING' ? undefined : run;
  });
}

async function history(client, agentId) {
  return expectOk(await call(client, 'agent_history', { agent_id: agentId })).events;
}

/** Instructions whose runs the LLM fails the first `refusals` times. */
const failingFirst = (refusals) => `Say what time it is. (e2e-llm-refuses-first-${refusals}-of-${randomUUID()})`;

describe('failure notices', needsSlack, () => {
  let notified;
  let unheard;

  before(async () => {
    const admin = await connect(adminToken());
    const token = requiredEnv('AGENTRY_E2E_SLACK_TOKEN');
    notified = await newUser(admin, { prefix: 'noticed' });
    expectOk(await call(notified.client, 'slack_connect', { bot_token: token, notify_user: 'ada@e2e.test' }));
    unheard = await newUser(admin, { prefix: 'unheard' });
    expectOk(await call(unheard.client, 'slack_connect', { bot_token: token }));
  });

  after(disconnectAll);

  test('a failing agent DMs its owner once per streak and once on recovery', async () => {
    const name = uniqueName('Flaky digest ');
    const agent = expectOk(await call(notified.client, 'create_agent', {
      name, instructions: failingFirst(3), schedule: NEVER_DURING_THE_TEST, tools: ['current_time'],
    }));
    assert.equal(agent.notify, 'failures', 'notices are on by default');

    const run1 = await runToTheEnd(notified.client, agent.agent_id);
    assert.equal(run1.outcome, 'FAILED', JSON.stringify(run1));
    await awaitNotices(agent.agent_id, 1);
    const run2 = await runToTheEnd(notified.client, agent.agent_id);
    const run3 = await runToTheEnd(notified.client, agent.agent_id);
    assert.deepEqual([run2.outcome, run3.outcome], ['FAILED', 'FAILED']);
    const run4 = await runToTheEnd(notified.client, agent.agent_id);
    assert.equal(run4.outcome, 'SUCCEEDED', JSON.stringify(run4));

    // notices go out in the order they became due: once the recovery arrived, runs 2 and 3 had their turn
    const [failing, recovered] = await awaitNotices(agent.agent_id, 2);
    for (const notice of [failing, recovered]) {
      assert.equal(notice.channel, ADA_DM);
      assert.equal(notice.metadata.event_type, 'agentry_failure_notice');
    }
    assert.ok(failing.text.includes(`*${name}*`) && failing.text.includes('is failing'), failing.text);
    assert.ok(failing.text.includes(run1.run_id), failing.text);
    assert.ok(failing.text.includes('*INVALID_REQUEST*'), failing.text);
    assert.ok(failing.text.includes(`get_run {"run_id": "${run1.run_id}"}`), failing.text);
    for (const later of [run2, run3, run4]) {
      assert.ok(!failing.text.includes(later.run_id), failing.text);
    }
    assert.ok(recovered.text.includes(`*${name}*`) && recovered.text.includes('recovered'), recovered.text);
    assert.ok(recovered.text.includes(`get_run {"run_id": "${run4.run_id}"}`), recovered.text);

    const noticesDue = (await history(notified.client, agent.agent_id)).filter((event) => event.type === 'FailureNoticeDue');
    assert.deepEqual(noticesDue.map((event) => [event.reason, event.details.run_id]),
      [['FIRST_FAILURE', run1.run_id], ['RECOVERED', run4.run_id]]);
  });

  test('an agent with notify "none" sends nothing', async () => {
    const silent = expectOk(await call(notified.client, 'create_agent', {
      name: uniqueName('Silent '), instructions: failingFirst(1), schedule: NEVER_DURING_THE_TEST, notify: 'none',
    }));
    const loud = expectOk(await call(notified.client, 'create_agent', {
      name: uniqueName('Loud '), instructions: failingFirst(1), schedule: NEVER_DURING_THE_TEST,
    }));

    assert.equal((await runToTheEnd(notified.client, silent.agent_id)).outcome, 'FAILED');
    assert.equal((await runToTheEnd(notified.client, silent.agent_id)).outcome, 'SUCCEEDED');
    assert.equal((await runToTheEnd(notified.client, loud.agent_id)).outcome, 'FAILED');
    await awaitNotices(loud.agent_id, 1);

    assert.deepEqual(await noticesOf(silent.agent_id), []);
    const types = (await history(notified.client, silent.agent_id)).map((event) => event.type);
    assert.ok(!types.includes('FailureNoticeDue'), `${types}`);
  });

  test('a stop by the failure limit sends its notice', async () => {
    const name = uniqueName('Fragile ');
    const agent = expectOk(await call(notified.client, 'create_agent', {
      name, instructions: failingFirst(2), schedule: NEVER_DURING_THE_TEST, max_consecutive_failures: 2,
    }));
    expectOk(await call(notified.client, 'start_agent', { agent_id: agent.agent_id }));

    const run1 = await runToTheEnd(notified.client, agent.agent_id);
    const run2 = await runToTheEnd(notified.client, agent.agent_id);
    assert.deepEqual([run1.outcome, run2.outcome], ['FAILED', 'FAILED']);

    const [failing, stopped] = await awaitNotices(agent.agent_id, 2);
    assert.ok(failing.text.includes('is failing') && failing.text.includes(run1.run_id), failing.text);
    assert.equal(stopped.channel, ADA_DM);
    assert.ok(stopped.text.includes(`*${name}*`) && stopped.text.includes('was stopped'), stopped.text);
    assert.ok(stopped.text.includes('*INVALID_REQUEST*'), stopped.text);
    assert.ok(stopped.text.includes(`get_run {"run_id": "${run2.run_id}"}`), stopped.text);
    assert.ok(stopped.text.includes(`start_agent {"agent_id": "${agent.agent_id}"}`), stopped.text);
    assert.equal(expectOk(await call(notified.client, 'get_agent', { agent_id: agent.agent_id })).status, 'STOPPED');
    const stop = (await history(notified.client, agent.agent_id)).find((event) => event.type === 'AgentStopped');
    assert.equal(stop?.reason, 'FAILURE_LIMIT');
  });

  test('a notice that cannot be sent is recorded, and the run stays as it ended', async () => {
    const agent = expectOk(await call(unheard.client, 'create_agent', {
      name: uniqueName('Unheard '), instructions: failingFirst(1), schedule: NEVER_DURING_THE_TEST,
    }));

    const run = await runToTheEnd(unheard.client, agent.agent_id);

    const recorded = await until('the undeliverable notice in agent_history', async () =>
      (await history(unheard.client, agent.agent_id)).find((event) => event.type === 'FailureNoticeUndeliverable'));
    assert.equal(recorded.reason, 'NO_NOTIFY_USER');
    assert.equal(recorded.actor, 'system:notices');
    assert.equal(recorded.details.run_id, run.run_id);
    assert.equal(recorded.details.kind, 'FIRST_FAILURE');
    assert.equal(run.outcome, 'FAILED');
    const { runs } = expectOk(await call(unheard.client, 'list_runs', { agent_id: agent.agent_id }));
    assert.deepEqual(runs.map((listed) => [listed.run_id, listed.outcome]), [[run.run_id, 'FAILED']]);
    assert.deepEqual(await noticesOf(agent.agent_id), []);
  });
});
