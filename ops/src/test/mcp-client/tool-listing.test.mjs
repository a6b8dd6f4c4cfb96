import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { adminToken, connect, disconnectAll, listAllTools } from './support/platform.mjs';

const CONTRACT_TOOLS = [
  'create_agent', 'update_agent', 'start_agent', 'stop_agent', 'delete_agent', 'list_agents',
  'get_agent', 'agent_history', 'run_agent_now', 'list_runs', 'get_run', 'create_user', 'issue_token', 'revoke_token',
  'list_tokens', 'list_models', 'enable_model', 'disable_model', 'reconcile', 'system_health', 'audit_log',
  'slack_connect', 'slack_disconnect', 'get_slack_connection', 'slack_list_channels', 'slack_list_users',
  'slack_send_message', 'slack_send_dm',
];

describe('tool listing', () => {
  let tools;

  before(async () => {
    tools = await listAllTools(await connect(adminToken()));
  });

  after(disconnectAll);

  test('lists every tool of the contract once', () => {
    const names = tools.map((tool) => tool.name);
    assert.equal(new Set(names).size, names.length, `duplicate tool names: ${names}`);
    for (const name of CONTRACT_TOOLS) {
      assert.ok(names.includes(name), `tool ${name} is missing from ${names}`);
    }
  });

  test('every tool has a strict object input schema', () => {
    for (const tool of tools) {
      assert.equal(tool.inputSchema?.type, 'object', `${tool.name} inputSchema type`);
      assert.equal(tool.inputSchema.additionalProperties, false, `${tool.name} must forbid extra arguments`);
    }
  });

  test('every tool has an object output schema and a description', () => {
    for (const tool of tools) {
      assert.equal(tool.outputSchema?.type, 'object', `${tool.name} outputSchema`);
      assert.ok(tool.description?.trim(), `${tool.name} has no description`);
    }
  });

  test('create_agent requires name and instructions and offers the four tiers', () => {
    const schema = tools.find((tool) => tool.name === 'create_agent').inputSchema;
    assert.deepEqual([...(schema.required ?? [])].sort(), ['instructions', 'name']);
    assert.deepEqual([...schema.properties.tier.enum].sort(), ['advanced', 'basic', 'deep', 'standard']);
  });
});
