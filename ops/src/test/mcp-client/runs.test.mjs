// Manual runs and the run history: run_agent_now, list_runs and get_run, each user on their own agents only.
//
// AGENTRY_E2E_LLM_CONVERSATION says what the platform's only LLM answers every run (McpEndToEndIT sets it from
// its local OpenAI-compatible server): {"tool_call":{"id","name","arguments"},"final_answer","usage"}, a tool
// call first and a final answer once the tool result came back. Without it the transcript test is skipped.
//
// Every test waits for the runs it started to end: a run still going appends its outcome to the event store,
// and would do so in the middle of a later expectNoEventAppended.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { adminToken, call, connect, disconnectAll, newUser } from './support/platform.mjs';
import { expectError, expectOk } from './support/results.mjs';
import { closeEventStore, expectNoEventAppended } from './support/event-store.mjs';

const OUTCOMES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED'];
const RUN_FIELDS = ['run_id', 'trigger', 'outcome', 'started_at', 'finished_at', 'model', 'input_tokens', 'output_tokens'];
const LLM = process.env.AGENTRY_E2E_LLM_CONVERSATION ? JSON.parse(process.env.AGENTRY_E2E_LLM_CONVERSATION) : undefined;
const needsTheLlm = LLM ? {} : { skip: 'AGENTRY_E2E_LLM_CONVERSATION is not set' };
const POLL_INTERVAL_MS = 250;
const RUN_DEADLINE_MS = 60_000;
/** ISO_OFFSET_DATE_TIME as current_time writes it: seconds always, a fraction when there is one, the offset. */
const ISO_OFFSET_DATE_TIME = /(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,9})?([+-]\d{2}:\d{2}|Z)/;

/** Polls get_run until the run is no longer RUNNING and answers that last get_run. */
async function endedRun(client, runId) {
  const deadline = Date.now() + RUN_DEADLINE_MS;
  for (;;) {
    const run = expectOk(await call(client, 'get_run', { run_id: runId }));
    if (run.outcome !== 'RUNNING') {
      return run;
    }
    assert.ok(Date.now() < deadline, `run ${runId} still RUNNING after ${RUN_DEADLINE_MS} ms: ${JSON.stringify(run)}`);
    await sleep(POLL_INTERVAL_MS);
  }
}

/** The instant as a wall clock in the timezone shows it: yyyy-mm-ddThh:mm:ss. */
function wallClockIn(timeZone, instant) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

const partsOfType = (message, type) => message.content.filter((part) => part.type === type);

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
    await endedRun(alice.client, started.run_id);
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
    await endedRun(alice.client, first.run_id);
    await endedRun(alice.client, second.run_id);
  });

  test('get_run shows a finished run\'s transcript: the task, the tool call, its result, the final answer', needsTheLlm, async () => {
    const instructions = 'Tell the time in Berlin.';
    const clock = expectOk(await call(alice.client, 'create_agent', { name: 'Berlin clock', instructions, tools: ['current_time'] }));
    const startedBefore = new Date();
    const started = expectOk(await call(alice.client, 'run_agent_now', { agent_id: clock.agent_id }));
    const run = await endedRun(alice.client, started.run_id);
    const endedBy = new Date();

    assert.equal(run.outcome, 'SUCCEEDED', `the run did not succeed: ${JSON.stringify(run)}`);
    assert.equal(run.run_id, started.run_id);
    assert.equal(run.agent_id, clock.agent_id);
    assert.equal(run.trigger, 'MANUAL');
    assert.equal(run.summary, LLM.final_answer);
    assert.deepEqual({ input_tokens: run.input_tokens, output_tokens: run.output_tokens }, LLM.usage);

    const { transcript } = run;
    assert.ok(transcript !== null && typeof transcript === 'object', `get_run has no transcript: ${JSON.stringify(run)}`);
    const shown = JSON.stringify(transcript);
    assert.equal(transcript.model, run.model);
    assert.equal(transcript.instructions, instructions);
    assert.ok(transcript.tools.includes('current_time'), `current_time not offered: ${shown}`);
    assert.equal(transcript.messages.length, 4, `expected task, tool call, tool result, answer: ${shown}`);
    const [task, toolCalling, toolAnswering, answering] = transcript.messages;

    assert.equal(task.role, 'user');
    const taskTexts = partsOfType(task, 'text');
    assert.equal(taskTexts.length, 1, `the task is one text: ${shown}`);
    assert.ok(taskTexts[0].text.trim().length > 0, 'the task text is empty');

    assert.equal(toolCalling.role, 'assistant');
    const toolCalls = partsOfType(toolCalling, 'tool_call');
    assert.equal(toolCalls.length, 1, `expected one tool call: ${shown}`);
    assert.equal(toolCalls[0].id, LLM.tool_call.id);
    assert.equal(toolCalls[0].name, 'current_time');
    assert.deepEqual(toolCalls[0].arguments, LLM.tool_call.arguments);

    assert.equal(toolAnswering.role, 'user');
    const toolResults = partsOfType(toolAnswering, 'tool_result');
    assert.equal(toolResults.length, 1, `expected one tool result: ${shown}`);
    const [toolResult] = toolResults;
    assert.equal(toolResult.call_id, toolCalls[0].id);
    assert.equal(toolResult.is_error, false);
    assert.equal(typeof toolResult.content, 'string', `the tool result's content is no text: ${shown}`);
    const { timezone } = LLM.tool_call.arguments;
    assert.ok(toolResult.content.includes(timezone), `the tool result names no ${timezone}: ${toolResult.content}`);
    const time = toolResult.content.match(ISO_OFFSET_DATE_TIME);
    assert.ok(time, `no ISO date-time with offset in the tool result: ${toolResult.content}`);
    const toldInstant = new Date(time[0]);
    assert.ok(!Number.isNaN(toldInstant.getTime()), `${time[0]} does not parse`);
    // the platform runs on this machine's clock, so the time told lies within the run; a second of slack each side
    assert.ok(toldInstant.getTime() >= startedBefore.getTime() - 1000 && toldInstant.getTime() <= endedBy.getTime() + 1000,
      `${time[0]} is not between ${startedBefore.toISOString()} and ${endedBy.toISOString()}`);
    assert.equal(time[1], wallClockIn(timezone, toldInstant), `${time[0]} is not the wall clock in ${timezone}`);

    assert.equal(answering.role, 'assistant');
    assert.deepEqual(answering.content, [{ type: 'text', text: LLM.final_answer }]);
    assert.equal(transcript.final_answer, LLM.final_answer);
    assert.equal(transcript.error, null);
    assert.deepEqual(transcript.usage, LLM.usage);
    assert.deepEqual(transcript.model_calls.map(({ call, model, error }) => ({ call, model, error })),
      [{ call: 1, model: run.model, error: null }, { call: 2, model: run.model, error: null }],
      `every call answered by the run's model: ${shown}`);
  });

  test('another user\'s agent and runs are not_found, worded as for unknown ids, and nothing is recorded', async () => {
    const alicesRun = expectOk(await call(alice.client, 'run_agent_now', { agent_id: agent.agent_id }));
    await endedRun(alice.client, alicesRun.run_id);
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
    // a run that meets its agent deleted ends unrecorded, RUNNING for good, so it ends first
    await endedRun(alice.client, run.run_id);
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
