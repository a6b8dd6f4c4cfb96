import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { adminToken, call, connect, disconnectAll, newUser } from './support/platform.mjs';
import { expectOk } from './support/results.mjs';
import { closeEventStore } from './support/event-store.mjs';
import { initializeRequest, postToMcp, postToMcpFrom } from './support/raw-http.mjs';

// the platform's agentry.security.max-failed-authentications (its default)
const MAX_FAILED_AUTHENTICATIONS = 10;

const isUnauthorized = (error) => error instanceof StreamableHTTPError && error.code === 401;

describe('authentication', () => {
  let admin;

  before(async () => {
    admin = await connect(adminToken());
  });

  after(async () => {
    await disconnectAll();
    await closeEventStore();
  });

  test('an initialize request with a valid token is accepted', async () => {
    const response = await postToMcp(initializeRequest, { token: adminToken() });
    assert.equal(response.status, 200, response.body);
  });

  test('an initialize request without a token gets 401', async () => {
    const response = await postToMcp(initializeRequest);
    assert.equal(response.status, 401, response.body);
  });

  test('an initialize request with a wrong token gets 401', async () => {
    const response = await postToMcp(initializeRequest, { token: `${adminToken()}x` });
    assert.equal(response.status, 401, response.body);
  });

  test('the SDK client cannot connect without a token', async () => {
    await assert.rejects(connect(undefined), isUnauthorized);
  });

  test('the SDK client cannot connect with a wrong token', async () => {
    await assert.rejects(connect('not-a-token-this-platform-issued'), isUnauthorized);
  });

  test('a revoked token gets 401 for new and already open connections', async () => {
    const user = await newUser(admin, { prefix: 'revoked' });
    expectOk(await call(user.client, 'list_agents'));
    assert.equal((await postToMcp(initializeRequest, { token: user.token })).status, 200);

    expectOk(await call(admin, 'revoke_token', { token_id: user.token_id }));

    const response = await postToMcp(initializeRequest, { token: user.token });
    assert.equal(response.status, 401, response.body);
    await assert.rejects(connect(user.token), isUnauthorized);
    await assert.rejects(call(user.client, 'list_agents'), isUnauthorized);
  });

  test('an initialize request from a foreign Origin gets 403 with a JSON error, even with a valid token', async () => {
    const response = await postToMcp(initializeRequest, { token: adminToken(), headers: { origin: 'http://evil.example' } });
    assert.equal(response.status, 403, response.body);
    assert.equal(JSON.parse(response.body).error, 'forbidden_origin');
  });

  test('an initialize request from a loopback Origin is accepted', async () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000']) {
      const response = await postToMcp(initializeRequest, { token: adminToken(), headers: { origin } });
      assert.equal(response.status, 200, `${origin}: ${response.body}`);
    }
  });

  test('an address that sent too many wrong tokens gets 429 with Retry-After, another address is unaffected', async () => {
    const guesser = '127.0.0.2';
    for (let attempt = 0; attempt < MAX_FAILED_AUTHENTICATIONS; attempt++) {
      const response = await postToMcpFrom(guesser, initializeRequest, { token: `agt_guess_${attempt}` });
      assert.equal(response.status, 401, `attempt ${attempt}: ${response.body}`);
    }

    const throttled = await postToMcpFrom(guesser, initializeRequest, { token: 'agt_guess_again' });
    assert.equal(throttled.status, 429, throttled.body);
    assert.ok(Number(throttled.headers['retry-after']) >= 1, `Retry-After: ${throttled.headers['retry-after']}`);
    assert.equal(JSON.parse(throttled.body).error, 'too_many_failed_authentications');
    const validFromGuesser = await postToMcpFrom(guesser, initializeRequest, { token: adminToken() });
    assert.equal(validFromGuesser.status, 429, 'a throttled address learns nothing, not even from a valid token');

    const validElsewhere = await postToMcpFrom('127.0.0.3', initializeRequest, { token: adminToken() });
    assert.equal(validElsewhere.status, 200, validElsewhere.body);
  });
});
