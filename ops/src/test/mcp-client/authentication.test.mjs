import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { adminToken, call, connect, disconnectAll, newUser } from './support/platform.mjs';
import { expectOk } from './support/results.mjs';
import { closeEventStore } from './support/event-store.mjs';
import { initializeRequest, postToMcp } from './support/raw-http.mjs';

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
});
