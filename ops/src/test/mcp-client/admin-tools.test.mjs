// The admin tools work for an admin and are refused to everybody else.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
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

  test('list_tokens shows when each token was created, expires and was last used, and never the token', async () => {
    const created = expectOk(await call(admin, 'create_user', { username: uniqueName('listed'), role: 'USER' }));
    const lasting = expectOk(await call(admin, 'issue_token', { user_id: created.user_id }));
    const before = Date.now();
    const expiring = expectOk(await call(admin, 'issue_token', { user_id: created.user_id, expires_in_days: 7 }));
    assert.equal(lasting.expires_at, null);
    const sevenDays = 7 * 24 * 3600 * 1000;
    assert.ok(Math.abs(Date.parse(expiring.expires_at) - (before + sevenDays)) < 60_000, expiring.expires_at);
    expectOk(await call(await connect(expiring.token), 'list_agents', {}));
    expectOk(await call(admin, 'revoke_token', { token_id: lasting.token_id }));

    const { tokens } = expectOk(await call(admin, 'list_tokens', { user_id: created.user_id }));

    assert.deepEqual(tokens.map((token) => token.token_id), [lasting.token_id, expiring.token_id]);
    const [revoked, used] = tokens;
    assert.equal(revoked.revoked, true);
    assert.equal(revoked.expires_at, null);
    assert.equal(revoked.last_used_at, null);
    assert.equal(used.revoked, false);
    assert.equal(used.expires_at, expiring.expires_at);
    assert.ok(Math.abs(Date.parse(used.last_used_at) - Date.now()) < 60_000, used.last_used_at);
    assert.ok(Math.abs(Date.parse(used.created_at) - before) < 60_000, used.created_at);
    const listed = JSON.stringify(tokens);
    assert.ok(!listed.includes(expiring.token) && !listed.includes(lasting.token), 'list_tokens must never show a token');
  });

  test('list_tokens is permission_denied to a non-admin', async () => {
    await refusedToUser('list_tokens', { user_id: user.user_id });
  });

  test('audit_log shows who did what, newest first, page by page, and never a token', async () => {
    // an admin of its own, so that what other tests do meanwhile is not among its entries
    const auditor = await newUser(admin, { role: 'ADMIN', prefix: 'auditor' });
    const created = expectOk(await call(auditor.client, 'create_user', { username: uniqueName('audited'), role: 'USER' }));
    const issued = expectOk(await call(auditor.client, 'issue_token', { user_id: created.user_id }));
    const audited = await connect(issued.token);
    const agent = expectOk(await call(audited, 'create_agent', { name: 'audited agent', instructions: 'Be audited.' }));
    expectOk(await call(audited, 'start_agent', { agent_id: agent.agent_id }));
    expectOk(await call(audited, 'stop_agent', { agent_id: agent.agent_id }));
    expectOk(await call(auditor.client, 'revoke_token', { token_id: issued.token_id }));

    const ofAgent = expectOk(await call(auditor.client, 'audit_log', { agent_id: agent.agent_id }));
    assert.deepEqual(ofAgent.entries.map((entry) => [entry.type, entry.actor]), [
      ['AgentStopped', created.username], ['AgentStarted', created.username], ['AgentCreated', created.username]]);
    assert.equal(ofAgent.entries[0].reason, 'USER');
    assert.equal(ofAgent.entries[2].details.name, 'audited agent');
    assert.equal(ofAgent.next_cursor, null);

    const first = expectOk(await call(auditor.client, 'audit_log', { actor: auditor.username, limit: 2 }));
    assert.deepEqual(first.entries.map((entry) => entry.type), ['ApiTokenRevoked', 'ApiTokenIssued']);
    assert.deepEqual(first.entries[0].details, { token_id: issued.token_id, user_id: created.user_id });
    assert.ok(Date.parse(first.entries[0].at) >= Date.parse(first.entries[1].at), 'newest first');
    assert.ok(first.next_cursor, 'a third entry is left for the next page');
    const second = expectOk(await call(auditor.client, 'audit_log',
      { actor: auditor.username, limit: 2, cursor: first.next_cursor }));
    assert.deepEqual(second.entries.map((entry) => [entry.type, entry.details]),
      [['UserCreated', { username: created.username, role: 'USER', user_id: created.user_id }]]);
    assert.equal(second.next_cursor, null);

    const answers = JSON.stringify([ofAgent, first, second]);
    assert.ok(!answers.includes(issued.token), 'audit_log must never show a token');
    const hash = createHash('sha256').update(issued.token).digest('hex');
    assert.ok(!answers.includes(hash), 'audit_log must never show a token\'s hash');
    expectError(await call(auditor.client, 'audit_log', { since: 'last tuesday' }), 'invalid_argument');
    expectError(await call(auditor.client, 'audit_log', { cursor: 'forged' }), 'invalid_argument');
  });

  test('audit_log is permission_denied to a non-admin', async () => {
    await refusedToUser('audit_log', {});
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
