// Plain HTTP requests to /mcp, for what the SDK client hides: status codes and malformed bodies.
import { mcpUrl } from './platform.mjs';

export const initializeRequest = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'agentry-e2e-raw', version: '1.0.0' },
  },
};

/** POSTs the body (an object is sent as JSON, a string as is) and returns {status, body}. */
export async function postToMcp(body, { token, headers = {} } = {}) {
  const response = await fetch(mcpUrl(), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, body: await response.text() };
}

/** The JSON-RPC messages in a response body, whether sent as plain JSON or as server-sent events. */
export function jsonRpcMessages(body) {
  const trimmed = body.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    return [JSON.parse(trimmed)].flat();
  }
  return trimmed
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => JSON.parse(line.slice('data:'.length)));
}
