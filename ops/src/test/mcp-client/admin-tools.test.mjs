// The admin tools work for an admin and are refused to everybody else.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { adminToken, call, connect, disconnectAll, newUser, uniqueName } from './support/platform.mjs';
import { expectError, expectOk } from './support/results.mjs';
import { closeEventStore, expectNoEventAppended } from './support/event-store.mjs';

describe('admin tools', () => {
  let admin;
  let user;

  before(async () => {
    admin = await connect(adminToken());
    user = await newUser(admin, { prefix: 'plain' });
  });

  after(async () => {
    await disconnectAll();
    await closeEventStore();
  });

  const refusedToUser = (tool, args) =>
    expectNoEventAppended(async () => expectError(await call(user.client, tool, args), 'permission_denied'));

  test('an admin creates a user and issues a token that works', async () => {
    const username = uniqueName('fresh');
    const created = expectOk(await call(admin, 'create_user', { username, role: 'USER' }));
    assert.equal(created.username, username);
    assert.equal(created.role, 'USER');
    assert.ok(created.user_id);
    const issued = expectOk(await call(admin, 'issue_token', { user_id: created.user_id }));
    assert.ok(issued.token_id);
    assert.ok(issued.token.length >= 20, 'a token must be long enough not to be guessed');
    expectOk(await call(await connect(issued.token), 'list_agents', {}));
  });

  test('a second admin created by the admin may use the admin tools', async () => {
    const second = await newUser(admin, { role: 'ADMIN', prefix: 'admin' });
    assert.equal(second.role, 'ADMIN');
    const created = expectOk(await call(second.client, 'create_user', { username: uniqueName('bysecond'), role: 'USER' }));
    assert.equal(created.role, 'USER');
  });

  test('create_user is permission_denied to a non-admin', async () => {
    await refusedToUser('create_user', { username: uniqueName('sneaky'), role: 'ADMIN' });
  });

  test('issue_token is permission_denied to a non-admin, even for the own account', async () => {
    await refusedToUser('issue_token', { user_id: user.user_id });
  });

  test('revoke_token is permission_denied to a non-admin and the token keeps working', async () => {
    await refusedToUser('revoke_token', { token_id: user.token_id });
    expectOk(await call(user.client, 'list_agents', {}));
  });
});
