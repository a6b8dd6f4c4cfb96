// Assertions on tool results, as the public contract defines them.
import assert from 'node:assert/strict';

const LEAKED_INTERNALS = [/\bat [\w$]+(\.[\w$<>]+)+\(/, /Exception/, /\bdev\.agentry\b/, /\.java:\d+/];

function textOf(result) {
  assert.ok(Array.isArray(result.content), `result has no content array: ${JSON.stringify(result)}`);
  const texts = result.content.filter((item) => item.type === 'text');
  assert.equal(texts.length, 1, `expected exactly one text content item: ${JSON.stringify(result)}`);
  return texts[0].text;
}

/** A successful result: its structuredContent, which the text content must repeat as JSON. */
export function expectOk(result) {
  assert.ok(!result.isError, `expected success, got error: ${JSON.stringify(result.content)}`);
  assert.equal(typeof result.structuredContent, 'object', `no structuredContent: ${JSON.stringify(result)}`);
  assert.notEqual(result.structuredContent, null);
  const text = textOf(result);
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    assert.fail(`text content is not JSON: ${text}`);
  }
  assert.deepEqual(parsed, result.structuredContent, 'text content and structuredContent differ');
  return result.structuredContent;
}

/** A failed result whose text is "<code>: <message>" without internals; returns the text. */
export function expectError(result, code) {
  const text = textOf(result);
  assert.equal(result.isError, true, `expected error ${code}, got success: ${text}`);
  assert.ok(text.startsWith(`${code}: `), `expected text starting with "${code}: ", got: ${text}`);
  assert.ok(text.length > code.length + 2, `error ${code} has no message`);
  for (const pattern of LEAKED_INTERNALS) {
    assert.doesNotMatch(text, pattern, `error text leaks internals: ${text}`);
  }
  return text;
}
