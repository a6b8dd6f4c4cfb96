// A user connects Slack and uses the Slack tools; another user without a connection is told to connect first.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { adminToken, call, connect, disconnectAll, newUser, requiredEnv } from './support/platform.mjs';
import { expectError, expectOk } from './support/results.mjs';

async function allPages(client, tool, field, arguments_) {
  const items = [];
  let cursor;
  let pages = 0;
  do {
    const page = expectOk(await call(client, tool, { ...arguments_, ...(cursor ? { cursor } : {}) }));
    items.push(...page[field]);
    cursor = page.next_cursor;
    pages += 1;
  } while (cursor);
  return { items, pages };
}

describe('slack tools', () => {
  let alice;
  let bob;

  before(async () => {
    const admin = await connect(adminToken());
    alice = await newUser(admin, { prefix: 'slackalice' });
    bob = await newUser(admin, { prefix: 'slackbob' });
  });

  after(disconnectAll);

  test('slack_connect checks the token and never shows it again', async () => {
    const token = requiredEnv('AGENTRY_E2E_SLACK_TOKEN');
    const connected = expectOk(await call(alice.client, 'slack_connect', { bot_token: token, notify_user: 'ada@e2e.test' }));
    assert.deepEqual(connected, {
      connected: true, team_id: 'T0E2E', team_name: 'E2E Corp', bot_user_id: 'U0E2EBOT', notify_user: 'U01ADA',
    });
    const shown = expectOk(await call(alice.client, 'get_slack_connection', {}));
    assert.equal(shown.team_id, 'T0E2E');
    assert.ok(!JSON.stringify(shown).includes(token));
    expectError(await call(bob.client, 'slack_connect', { bot_token: 'xoxb-not-a-workspace' }), 'invalid_argument');
  });

  test('users and channels are listed across pages, deleted users left out', async () => {
    const users = await allPages(alice.client, 'slack_list_users', 'users', { limit: 2 });
    assert.ok(users.pages >= 3, `only ${users.pages} pages`);
    assert.deepEqual(users.items.map((user) => user.id), ['U01ADA', 'U03BOB', 'U04CAT', 'U05DAN', 'U06EVE']);
    const channels = await allPages(alice.client, 'slack_list_channels', 'channels', { limit: 1 });
    assert.equal(channels.pages, 2);
    assert.deepEqual(channels.items.map((channel) => channel.name), ['general', 'random']);
  });

  test('a message to a channel and a direct message by e-mail', async () => {
    const posted = expectOk(await call(alice.client, 'slack_send_message', { channel: '#general', text: 'hello from the e2e suite' }));
    assert.equal(posted.channel, 'C01GEN');
    assert.match(posted.ts, /^\d+\.\d{6}$/);
    const sent = expectOk(await call(alice.client, 'slack_send_dm', { user: 'ada@e2e.test', text: 'a DM from the e2e suite' }));
    assert.equal(sent.user, 'U01ADA');
    expectError(await call(alice.client, 'slack_send_message', { channel: '#random', text: 'not a member' }),
      'failed_precondition');
  });

  test('without a connection every Slack tool says to connect first', async () => {
    for (const [tool, args] of [['slack_list_users', {}], ['slack_list_channels', {}],
      ['slack_send_message', { channel: '#general', text: 'x' }], ['slack_send_dm', { user: 'U01ADA', text: 'x' }]]) {
      const text = expectError(await call(bob.client, tool, args), 'failed_precondition');
      assert.match(text, /connect Slack first with slack_connect/);
    }
  });
});
