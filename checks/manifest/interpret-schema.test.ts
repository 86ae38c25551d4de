/**
 * The CSP-safe interpreter gives exactly ajv's errors (ajv-draft-04, allErrors, the
 * uri/email/regex formats) for every keyword the Teams schemas use, on random data.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { interpretValidate } from './interpret-schema';
import { createAjv } from './validate-schema';

const SCHEMAS: Record<string, object> = {
  scalars: { type: 'object', properties: { s: { type: 'string', maxLength: 3, minLength: 1, pattern: '^[a-c]*$' }, n: { type: 'integer', minimum: 0, maximum: 5 }, u: { type: 'string', format: 'uri' }, e: { type: 'string', format: 'email' }, r: { type: 'string', format: 'regex' }, t: { type: ['string', 'null'] } }, required: ['s'], additionalProperties: false, minProperties: 1 },
  arrays: { type: 'array', items: { type: 'string', enum: ['a', 'b', 'c'] }, uniqueItems: true, maxItems: 3, minItems: 1 },
  objectArrays: { type: 'array', items: { type: 'object', properties: { k: { const: 1 } } }, uniqueItems: true },
  mixedArrays: { type: 'array', items: { type: ['string', 'number'] }, uniqueItems: true },
  tuple: { type: 'array', items: [{ type: 'string' }, { type: 'number' }] },
  combinators: {
    definitions: { a: { type: 'object', required: ['a'] }, b: { type: 'object', required: ['b'], properties: { b: { type: 'boolean' } } } },
    anyOf: [{ $ref: '#/definitions/a' }, { $ref: '#/definitions/b' }],
    oneOf: [{ required: ['x'] }, { required: ['y'] }, { properties: { z: { type: 'number' } } }],
    not: { required: ['forbidden'] },
    allOf: [{ properties: { c: { type: 'string' } } }],
  },
  conditional: { type: 'object', if: { properties: { kind: { const: 'bot' } }, required: ['kind'] }, then: { required: ['botId'] }, dependencies: { a: ['b', 'c'], d: { required: ['e'] } }, additionalProperties: { type: 'number' } },
};

const data = fc.jsonValue({ maxDepth: 3 });
const shaped = fc.dictionary(fc.constantFrom('s', 'n', 'u', 'e', 'r', 't', 'a', 'b', 'c', 'd', 'e', 'x', 'y', 'z', 'kind', 'botId', 'forbidden', 'other'), fc.oneof(
  fc.constantFrom('a', 'ab', 'abcd', 'd', '', 'bot', 'https://x.y/z', 'not a uri', 'a@b.co', '[', '(a)', 3, -1, 1.5, 7, true, false, null),
  data,
), { maxKeys: 8 });
const arrays = fc.array(fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', 1, 2, '1', { k: 1 }, { k: 2 }, [1]), data), { maxLength: 5 });

const line = (e: { instancePath: string; keyword: string; message?: string; params: unknown }) => `${e.instancePath} ${e.keyword} ${e.message} ${JSON.stringify(e.params)}`;

describe('interpretValidate agrees with ajv', () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(name, () => {
      const validate = createAjv().compile(schema);
      fc.assert(fc.property(fc.oneof(shaped, arrays, data), (value) => {
        const ajvValid = validate(value);
        const ours = interpretValidate(schema as Record<string, unknown>, value);
        expect(ours.length === 0).toBe(ajvValid);
        expect(ours.map(line).sort()).toEqual((validate.errors ?? []).map((e) => line(e as never)).sort());
      }), { numRuns: 400 });
    });
  }
});
