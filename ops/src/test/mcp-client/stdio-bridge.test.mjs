// mcp-stdio beside the running platform: the official SDK's stdio client spawns it, and what it reaches
// is the platform's own tools and agents.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { adminToken, call, disconnectAll, connect, newUser, requiredEnv, uniqueName } from './support/platform.mjs';
import { expectOk } from './support/results.mjs';

const CALL_TIMEOUT_MS = 30_000;

/** java -jar agentry.jar mcp-stdio, with AGENTRY_HOME the running platform's, so it finds the recorded endpoint */
const bridgeCommand = (...args) => ({
  command: requiredEnv('AGENTRY_JAVA'),
  args: ['-jar', requiredEnv('AGENTRY_JAR'), 'mcp-stdio', ...args],
});

const bridgeEnvironment = (token) => ({
  PATH: process.env.PATH ?? '',
  AGENTRY_HOME: requiredEnv('AGENTRY_HOME'),
  AGENTRY_TOKEN: token,
});

describe('mcp-stdio', () => {
  let admin;

  before(async () => {
    admin = await connect(adminToken());
  });

  after(async () => {
    await disconnectAll();
  });

  test('lists the tools and calls them on the running platform, whose agents it sees', async () => {
    const user = await newUser(admin, { prefix: 'stdio' });
    const overHttp = expectOk(await call(user.client, 'create_agent', { name: uniqueName('http'), instructions: 'Say hi.' }));
    const client = new Client({ name: 'agentry-e2e-stdio', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ ...bridgeCommand(), env: bridgeEnvironment(user.token), stderr: 'pipe' }),
      { timeout: CALL_TIMEOUT_MS });
    try {
      const { tools } = await client.listTools(undefined, { timeout: CALL_TIMEOUT_MS });
      assert.ok(tools.some((tool) => tool.name === 'create_agent'), JSON.stringify(tools.map((tool) => tool.name)));

      const listed = expectOk(await client.callTool({ name: 'list_agents', arguments: {} }, undefined, { timeout: CALL_TIMEOUT_MS }));
      assert.deepEqual(listed.agents.map((agent) => agent.agent_id), [overHttp.agent_id]);
      const overStdio = expectOk(await client.callTool(
        { name: 'create_agent', arguments: { name: uniqueName('stdio'), instructions: 'Say hello.' } },
        undefined, { timeout: CALL_TIMEOUT_MS }));

      const seenOverHttp = expectOk(await call(user.client, 'get_agent', { agent_id: overStdio.agent_id }));
      assert.equal(seenOverHttp.name, overStdio.name);
    } finally {
      await client.close();
    }
  });

  test('with no platform answering it says so in one line on stderr and exits non-zero', async () => {
    const closedPort = await new Promise((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address();
        server.close(() => resolve(port));
      });
    });
    const { command, args } = bridgeCommand('--url', `http://127.0.0.1:${closedPort}/mcp`);
    const bridge = spawn(command, args, { env: bridgeEnvironment(adminToken()), stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    bridge.stderr.on('data', (chunk) => { stderr += chunk; });
    bridge.stdout.on('data', (chunk) => { stdout += chunk; });
    const exitCode = await new Promise((resolve) => bridge.on('exit', resolve));

    assert.notEqual(exitCode, 0);
    assert.equal(stdout, '');
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 1, stderr);
    assert.match(lines[0], new RegExp(`No Agentry platform answers at http://127.0.0.1:${closedPort}/mcp: start one with`));
  });
});
