// Plain HTTP requests to /mcp, for what the SDK client hides: status codes and malformed bodies.
import http from 'node:http';
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

/**
 * POSTs the body from the given local address (any of 127.0.0.0/8 is this host on Linux), so that the
 * platform sees a client address of the test's own; returns {status, headers, body}.
 */
export function postToMcpFrom(localAddress, body, { token, headers = {} } = {}) {
  const url = mcpUrl();
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      localAddress,
      timeout: 15_000,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'content-length': Buffer.byteLength(payload),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
    }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: text }));
    });
    request.on('timeout', () => request.destroy(new Error('no answer within 15 s')));
    request.on('error', reject);
    request.end(payload);
  });
}
