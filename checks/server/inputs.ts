/**
 * What `POST /api/runs` accepts, per suite (DESIGN §6), as JSON Schema for fastify's ajv, and
 * how each API input becomes the engine's CheckInput. No schema accepts a field it does not
 * name (`additionalProperties: false`), and none names a secret.
 */
import type { CheckInput } from '../core/evidence';
// Largest JSON document accepted as text: one cap shared with the CLI (see core/json-parse.ts).
import { MAX_DOCUMENT_CHARS } from '../core/json-parse';
import { GUID_INPUT_TEXT } from '../computed/identifiers';
import type { JsonObject, SuiteName } from '../core/types';
import { PHASE_TIMEOUT_MAX_MS, PHASE_TIMEOUT_MIN_MS } from '../core/run-params';

/** Suites the API runs. Egress is CLI-only: it must run on the bot's own host. */
export const API_SUITES = ['endpoint', 'manifest', 'registration', 'residency'] as const;
export type ApiSuite = (typeof API_SUITES)[number];

export const CLI_ONLY_SUITES: readonly SuiteName[] = ['egress'];

export const MAX_URL_CHARS = 2_048;

const urlField = {
  type: 'string',
  minLength: 1,
  maxLength: MAX_URL_CHARS,
} as const;

const guidField = {
  type: 'string',
  maxLength: 64,
  pattern: GUID_INPUT_TEXT,
} as const;

/** A JSON document given as text or already parsed. */
const jsonDocument = {
  type: ['string', 'object'],
  maxLength: MAX_DOCUMENT_CHARS,
} as const;

export const inputSchemas: Readonly<Record<ApiSuite, Record<string, unknown>>> = {
  endpoint: {
    type: 'object',
    additionalProperties: false,
    required: ['url'],
    properties: {
      url: urlField,
      appId: guidField,
      callingWebhook: urlField,
      /** The CLI's --timeout: the cap in ms on each network step of a probe (checks/core/run-params.ts). */
      timeout: { type: 'integer', minimum: PHASE_TIMEOUT_MIN_MS, maximum: PHASE_TIMEOUT_MAX_MS },
    },
  },
  manifest: {
    type: 'object',
    additionalProperties: false,
    required: ['manifest'],
    properties: {
      manifest: { type: 'string', minLength: 1, maxLength: MAX_DOCUMENT_CHARS },
      appId: guidField,
    },
  },
  registration: {
    type: 'object',
    additionalProperties: false,
    required: ['bot'],
    properties: {
      bot: jsonDocument,
      channel: jsonDocument,
      manifest: jsonDocument,
      /** The endpoint under test, compared with the registration (not contacted). */
      url: urlField,
      callingWebhook: urlField,
    },
  },
  residency: {
    type: 'object',
    additionalProperties: false,
    required: ['serviceUrl'],
    properties: {
      serviceUrl: urlField,
    },
  },
};

/** The body schema of `POST /api/runs`: the suite picks the input schema. */
export const runBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['suite', 'input'],
  properties: {
    suite: { type: 'string', enum: [...API_SUITES, ...CLI_ONLY_SUITES] },
    input: { type: 'object' },
  },
  allOf: API_SUITES.map((suite) => ({
    if: { properties: { suite: { const: suite } }, required: ['suite'] },
    then: { properties: { input: inputSchemas[suite] } },
  })),
} as const;

export interface RunBody {
  suite: ApiSuite | 'egress';
  input: Record<string, unknown>;
}

/** Fields of each suite's input that are URLs the server will connect to (guarded up front). */
export const TARGET_FIELDS: Readonly<Record<ApiSuite, readonly string[]>> = {
  endpoint: ['url', 'callingWebhook'],
  manifest: [],
  registration: [],
  residency: [],
};

/** Fields of each suite's input that may hold a JSON document as text (walked for secrets too). */
export const DOCUMENT_FIELDS: Readonly<Record<ApiSuite, readonly string[]>> = {
  endpoint: [],
  manifest: ['manifest'],
  registration: ['bot', 'channel', 'manifest'],
  residency: [],
};

/**
 * Maps a validated API input onto the engine's CheckInput (fields the suites declare by
 * declaration merging): the manifest text goes to `manifestText`, documents keep their names,
 * and the labels the reports use for documents are set here (never the document itself).
 */
export function toCheckInput(suite: ApiSuite, input: Readonly<Record<string, unknown>>): CheckInput {
  const str = (key: string): string | undefined => (typeof input[key] === 'string' ? (input[key] as string) : undefined);
  const doc = (key: string): string | JsonObject | undefined => {
    const v = input[key];
    return typeof v === 'string' || (typeof v === 'object' && v !== null && !Array.isArray(v)) ? (v as string | JsonObject) : undefined;
  };
  const out: CheckInput = {};
  const set = <K extends keyof CheckInput>(key: K, value: CheckInput[K] | undefined): void => {
    if (value !== undefined) out[key] = value;
  };
  // url / callingWebhook are declared by the endpoint suite's gatherers (typed once they land).
  const setEndpointField = (key: 'url' | 'callingWebhook', value: string | undefined): void => {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  };
  switch (suite) {
    case 'endpoint':
      setEndpointField('url', str('url'));
      set('appId', str('appId'));
      setEndpointField('callingWebhook', str('callingWebhook'));
      break;
    case 'manifest':
      set('manifestText', str('manifest'));
      set('manifestName', 'manifest.json');
      set('appId', str('appId'));
      break;
    case 'registration': {
      set('bot', doc('bot'));
      set('botLabel', 'the Azure Bot JSON');
      const channel = doc('channel');
      if (channel !== undefined) { set('channel', channel); set('channelLabel', 'the Teams channel JSON'); }
      const manifest = doc('manifest');
      if (manifest !== undefined) {
        set('manifestText', typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
        set('manifestName', 'manifest.json');
      }
      setEndpointField('url', str('url'));
      setEndpointField('callingWebhook', str('callingWebhook'));
      break;
    }
    case 'residency':
      set('serviceUrl', str('serviceUrl'));
      break;
  }
  return out;
}
