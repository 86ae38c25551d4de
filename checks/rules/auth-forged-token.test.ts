import { runCheckTable } from '../testing/check-tester';
import { goodAuthProbe } from '../testing/endpoint-evidence';
import check from './auth-forged-token';

const answer = (status: number, headers: Record<string, string> = {}, body = '') => ({ AuthProbeForgedToken: { status, headers, body } });

runCheckTable(check, {
  base: { AuthProbeForgedToken: goodAuthProbe('forged-token') },
  valid: [
    { name: '401 signature rejected', messageId: 'rejected' },
    { name: '403 rejected', evidence: answer(403, { 'content-type': 'text/plain' }, 'Forbidden'), messageId: 'rejected' },
    { name: 'not probed', status: 'skip', messageId: 'notProbed', evidence: { AuthProbeForgedToken: { probed: false, reason: 'address-refused' } } },
  ],
  invalid: [
    { name: '200: signature not verified', status: 'fail', messageId: 'accepted', evidence: answer(200), data: { aud: '11111111-2222-3333-4444-555555555555' } },
    { name: 'Easy Auth redirect', status: 'warn', messageId: 'signInRedirect', evidence: answer(302, { location: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize' }) },
    { name: 'crash on the token', status: 'warn', messageId: 'serverError', evidence: answer(500) },
    { name: 'wrong path', status: 'fail', messageId: 'notFound', evidence: answer(404) },
  ],
});
