import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AddressRefusedError, CheckEngineError, ErrorCodes, EvidenceErroredError, InvalidConfigError, InvalidInputError,
  MissingEvidenceError, ProbeNetworkError, ProbeTimeoutError, TooLargeError, UnsupportedEnvironmentError,
  azureErrorCode, isCheckEngineError, isErrorCode, toErrorInfo,
} from './errors';
import { TOOL_VERSION } from './version';

describe('engine errors', () => {
  it.each([
    [InvalidConfigError, 'InvalidConfigError', ErrorCodes.INVALID_CONFIG],
    [InvalidInputError, 'InvalidInputError', ErrorCodes.INVALID_INPUT],
    [ProbeTimeoutError, 'ProbeTimeoutError', ErrorCodes.PROBE_TIMEOUT],
    [ProbeNetworkError, 'ProbeNetworkError', ErrorCodes.PROBE_NETWORK],
    [MissingEvidenceError, 'MissingEvidenceError', ErrorCodes.MISSING_EVIDENCE],
    [EvidenceErroredError, 'EvidenceErroredError', ErrorCodes.EVIDENCE_ERRORED],
    [UnsupportedEnvironmentError, 'UnsupportedEnvironmentError', ErrorCodes.UNSUPPORTED_ENV],
    [AddressRefusedError, 'AddressRefusedError', ErrorCodes.ADDRESS_REFUSED],
    [TooLargeError, 'TooLargeError', ErrorCodes.TOO_LARGE],
  ] as const)('%o has name %s, code %s and a default message', (Cls, name, code) => {
    const err = new Cls();
    expect(err).toBeInstanceOf(CheckEngineError);
    expect(err.name).toBe(name);
    expect(err.code).toBe(code);
    expect(err.message.length).toBeGreaterThan(10);
    expect(JSON.parse(JSON.stringify(err))).toEqual({ name, code, message: err.message });
    expect(isCheckEngineError(err)).toBe(true);
  });

  it('keeps the cause and never leaks a stack through toErrorInfo', () => {
    const cause = new Error('ECONNREFUSED');
    const err = new ProbeNetworkError('refused', { cause });
    expect(err.cause).toBe(cause);
    expect(toErrorInfo(err)).toEqual({ code: 'CHK_ERR_PROBE_NETWORK', message: 'refused' });
    expect(toErrorInfo(new TypeError('x'))).toEqual({ code: 'CHK_ERR_RULE_FAILED', message: 'x' });
    expect(toErrorInfo('text', ErrorCodes.EVIDENCE_ERRORED)).toEqual({ code: 'CHK_ERR_EVIDENCE_ERRORED', message: 'text' });
    expect(isCheckEngineError(new Error('x'))).toBe(false);
  });

  it('every code is unique and follows CHK_ERR_*', () => {
    const codes = Object.values(ErrorCodes);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^CHK_ERR_[A-Z_]+$/);
  });

  it('tells codes of the union from other strings', () => {
    expect(isErrorCode('CHK_ERR_PROBE_TIMEOUT')).toBe(true);
    expect(isErrorCode('CHK_ERR_NO_SUCH_CODE')).toBe(false);
    expect(isErrorCode('API_BUSY')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
    expect(isCheckEngineError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(false);
  });

  it.each([
    [401, ErrorCodes.AZURE_TOKEN_REJECTED],
    [403, ErrorCodes.AZURE_ACCESS_DENIED],
    [404, ErrorCodes.AZURE_NOT_FOUND],
    [429, ErrorCodes.AZURE_THROTTLED],
    [500, ErrorCodes.AZURE_HTTP_ERROR],
    [200, ErrorCodes.AZURE_HTTP_ERROR],
  ])('maps an Azure HTTP %i to %s, never a network code', (status, code) => {
    expect(azureErrorCode(status)).toBe(code);
  });

  it('every CHK_ERR_ code written in the source is one of the union', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return name === 'node_modules' || name === 'validators' ? [] : files(full);
      return /\.(ts|tsx)$/.test(name) ? [full] : [];
    });
    const unknown = ['checks', 'src', 'plugins', 'e2e'].flatMap((d) => files(join(root, d))).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/CHK_ERR_[A-Z_]*[A-Z](?![A-Z_*])/g)]
        .map((m) => m[0])
        .filter((code) => !isErrorCode(code) && code !== 'CHK_ERR_NO_SUCH_CODE')
        .map((code) => `${file.slice(root.length)}: ${code}`));
    expect(unknown).toEqual([]);
  });
});

describe('version', () => {
  it('TOOL_VERSION equals package.json version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(TOOL_VERSION).toBe(pkg.version);
  });
});
