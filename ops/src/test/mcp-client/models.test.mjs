// list_models: the four tiers with the model each resolves to now, the catalogue in canonical names, and the
// admin switches enable_model / disable_model.
//
// AGENTRY_E2E_SERVER_MODELS names the OpenAI-compatible server models the platform was started with, as
// "tier=model,...", the only provider configured (McpEndToEndIT sets both); without it the tests that depend
// on the provider configuration are skipped.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { adminToken, call, connect, disconnectAll, listAllTools, newUser } from './support/platform.mjs';
import { expectError, expectOk } from './support/results.mjs';
import { closeEventStore, expectNoEventAppended } from './support/event-store.mjs';

const TIERS = ['basic', 'standard', 'advanced', 'deep'];
const CATALOGUE_PROVIDERS = ['anthropic', 'bedrock', 'openai'];
const SERVER_MODELS = Object.fromEntries((process.env.AGENTRY_E2E_SERVER_MODELS ?? '')
  .split(',').filter(Boolean).map((pair) => pair.split('=').map((part) => part.trim())));
const configured = Object.keys(SERVER_MODELS).length > 0;
const needsConfiguration = configured ? {} : { skip: 'AGENTRY_E2E_SERVER_MODELS is not set' };

describe('models', () => {
  let admin;
  let user;

  before(async () => {
    admin = await connect(adminToken());
    user = await newUser(admin, { prefix: 'models' });
  });

  after(async () => {
    await disconnectAll();
    await closeEventStore();
  });

  const listModels = async (client = user.client) => expectOk(await call(client, 'list_models', {}));
  const modelNamed = (listing, name) => listing.models.find((model) => model.name === name);

  test('the catalogue tools are listed, the switches with a strict model name', async () => {
    const tools = await listAllTools(admin);
    const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
    assert.deepEqual(Object.keys(byName.list_models.inputSchema.properties ?? {}), []);
    for (const name of ['enable_model', 'disable_model']) {
      assert.deepEqual(byName[name].inputSchema.required, ['name']);
      assert.equal(byName[name].inputSchema.additionalProperties, false);
    }
  });

  test('list_models offers the four tiers, standard by default, each described', async () => {
    const listing = await listModels();
    assert.equal(listing.default_tier, 'standard');
    assert.deepEqual(listing.tiers.map((tier) => tier.tier), TIERS);
    for (const tier of listing.tiers) {
      assert.ok(tier.description.trim().length > 10, `tier ${tier.tier} has no real description`);
      assert.ok(!tier.description.includes('\n'), `tier ${tier.tier}: the description is one line`);
    }
  });

  test('every model has a friendly name and a canonical name that is no provider id', async () => {
    const { models } = await listModels();
    assert.ok(models.length >= 8, `expected the shipped catalogue, got ${models.length} models`);
    for (const model of models) {
      assert.ok(model.friendly_name.trim(), `${model.name} has no friendly name`);
      assert.doesNotMatch(model.name, /:/, `${model.name} looks like a Bedrock id`);
      assert.doesNotMatch(model.name, /^(us|eu|apac|global)\./, `${model.name} looks like an inference profile`);
      assert.doesNotMatch(model.name, /\d{8}/, `${model.name} carries a date stamp`);
      assert.ok(TIERS.includes(model.tier), `${model.name} has tier ${model.tier}`);
    }
    for (const tier of TIERS) {
      assert.ok(models.some((model) => model.tier === tier && model.provider !== 'openai-compatible'),
        `the catalogue has no model of tier ${tier}`);
    }
    assert.ok(models.filter((model) => model.tier === 'deep').every((model) => model.supports_thinking
      || model.provider === 'openai-compatible'), 'every deep catalogue model thinks');
  });

  test('availability follows the configured providers', needsConfiguration, async () => {
    const listing = await listModels();
    for (const model of listing.models.filter((entry) => CATALOGUE_PROVIDERS.includes(entry.provider))) {
      assert.equal(model.available, false, `${model.name} is served by ${model.provider}, which is not configured`);
    }
    const serverModels = listing.models.filter((model) => model.provider === 'openai-compatible');
    assert.deepEqual(serverModels.map((model) => [model.tier, model.name, model.available]),
      TIERS.filter((tier) => SERVER_MODELS[tier]).map((tier) => [tier, SERVER_MODELS[tier], true]));
    for (const tier of listing.tiers) {
      if (SERVER_MODELS[tier.tier]) {
        assert.equal(tier.model, SERVER_MODELS[tier.tier]);
        assert.equal(tier.explanation, undefined);
      } else {
        assert.equal(tier.model, null, `${tier.tier} has no model on this server`);
        assert.match(tier.explanation, new RegExp(`agentry\\.providers\\.openai-compatible\\.models\\.${tier.tier}`));
        assert.match(tier.explanation, /ANTHROPIC_API_KEY/);
      }
    }
  });

  test('disable_model and enable_model switch a model and list_models shows it', async () => {
    const name = 'claude-sonnet-5-5';
    assert.equal(modelNamed(await listModels(), name).enabled, true);

    const disabled = expectOk(await call(admin, 'disable_model', { name }));
    assert.equal(disabled.name, name);
    assert.equal(disabled.enabled, false);
    assert.equal(disabled.available, false);
    assert.equal(modelNamed(await listModels(), name).enabled, false);

    const again = await expectNoEventAppended(async () => expectOk(await call(admin, 'disable_model', { name })));
    assert.deepEqual(again, disabled);

    const enabled = expectOk(await call(admin, 'enable_model', { name }));
    assert.equal(enabled.enabled, true);
    assert.match(disabled.unavailable_reason, /disabled by an admin/);
    const withoutReason = ({ unavailable_reason, ...rest }) => rest;
    assert.deepEqual({ ...withoutReason(enabled), enabled: false }, withoutReason(disabled), 'only the switch changed');
    assert.equal(modelNamed(await listModels(), name).enabled, true);
  });

  test("the server's models are changed by configuration, not by disable_model", needsConfiguration, async () => {
    const text = await expectNoEventAppended(async () =>
      expectError(await call(admin, 'disable_model', { name: SERVER_MODELS.standard }), 'failed_precondition'));
    assert.match(text, /agentry\.providers\.openai-compatible\.models\.standard/);
  });

  test('enable_model and disable_model are permission_denied to a non-admin', async () => {
    for (const tool of ['enable_model', 'disable_model']) {
      await expectNoEventAppended(async () =>
        expectError(await call(user.client, tool, { name: 'claude-sonnet-5-5' }), 'permission_denied'));
    }
  });

  test('an unknown model is not_found and a malformed name invalid_argument', async () => {
    const text = await expectNoEventAppended(async () =>
      expectError(await call(admin, 'enable_model', { name: 'gpt-9' }), 'not_found'));
    assert.equal(text, "not_found: model 'gpt-9' not found");
    await expectNoEventAppended(async () =>
      expectError(await call(admin, 'disable_model', { name: 'us.anthropic.claude-v1:0' }), 'invalid_argument'));
  });
});
