import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AddressRefusedError, CheckEngineError, ErrorCodes, EvidenceErroredError, InvalidConfigError, InvalidInputError,
  MissingEvidenceError, ProbeNetworkError, ProbeTimeoutError, TooLargeError, UnsupportedEnvironmentError,
  isCheckEngineError, toErrorInfo,
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
});

describe('version', () => {
  it('TOOL_VERSION equals package.json version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(TOOL_VERSION).toBe(pkg.version);
  });
});
