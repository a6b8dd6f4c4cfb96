// Connections to the running platform, made exactly as an outside MCP client makes them.
import { randomBytes } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { expectOk } from './results.mjs';

const CALL_TIMEOUT_MS = 20_000;

export function requiredEnv(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`environment variable ${name} must be set (see README.md in the mcp-client folder)`);
  }
  return value;
}

export const mcpUrl = () => new URL(requiredEnv('AGENTRY_MCP_URL'));
export const adminToken = () => requiredEnv('AGENTRY_ADMIN_TOKEN');

/** A name no earlier run against the same platform can have used. */
export function uniqueName(prefix) {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}

const openClients = new Set();

/**
 * Connects with the given bearer token (none when undefined), to the platform's endpoint unless another URL
 * is given, and lists the tools once, so that the SDK checks every later result's structuredContent against
 * the tool's outputSchema.
 */
export async function connect(token, url = mcpUrl()) {
  const client = new Client({ name: 'agentry-e2e', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(url, {
    requestInit: token === undefined ? undefined : { headers: { Authorization: `Bearer ${token}` } },
  });
  await client.connect(transport, { timeout: CALL_TIMEOUT_MS });
  openClients.add(client);
  await listAllTools(client);
  return client;
}

export async function listAllTools(client) {
  const tools = [];
  let cursor;
  do {
    const page = await client.listTools(cursor ? { cursor } : undefined, { timeout: CALL_TIMEOUT_MS });
    tools.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor);
  return tools;
}

export function call(client, name, args = {}) {
  return client.callTool({ name, arguments: args }, undefined, { timeout: CALL_TIMEOUT_MS });
}

/** Closes every client opened by connect(); open SSE streams would otherwise keep node alive. */
export async function disconnectAll() {
  const clients = [...openClients];
  openClients.clear();
  await Promise.allSettled(clients.map((client) => client.close()));
}

/** Creates a user through the admin tools and connects as that user with a freshly issued token. */
export async function newUser(admin, { role = 'USER', prefix = 'user' } = {}) {
  const username = uniqueName(prefix);
  const user = expectOk(await call(admin, 'create_user', { username, role }));
  const issued = expectOk(await call(admin, 'issue_token', { user_id: user.user_id }));
  const client = await connect(issued.token);
  return { ...user, token: issued.token, token_id: issued.token_id, client };
}
