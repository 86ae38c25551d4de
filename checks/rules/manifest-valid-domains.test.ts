import { runCheckTable } from '../testing/check-tester';
import check from './manifest-valid-domains';
import { baseEvidence, editedEvidence } from '../testing/manifests/evidence';

const domains = (version: '1.27' | '1.28' | '1.30', list: string[], sso = false) => editedEvidence(sso ? 'bot-sso' : 'hello-world-bot', version, (m) => { m.validDomains = list; });

runCheckTable(check, {
  valid: [
    { name: 'SSO bot with token.botframework.com', evidence: baseEvidence('bot-sso', '1.30'), messageId: 'ok' },
    { name: 'tab + bot SSO', evidence: baseEvidence('tab-and-bot-sso', '1.30'), messageId: 'ok' },
    { name: 'no domains, no SSO', evidence: baseEvidence('hello-world-bot', '1.30'), messageId: 'none' },
    { name: 'RSC-only webApplicationInfo needs no token host', evidence: baseEvidence('channel-messages-rsc', '1.30'), messageId: 'none' },
    { name: 'wildcard entry', evidence: domains('1.30', ['*.contoso.com']), messageId: 'ok' },
    { name: 'SSO with a wildcard that covers the token host', evidence: domains('1.30', ['*.botframework.com'], true), messageId: 'ok' },
    { name: 'SSO with the European token host', evidence: domains('1.30', ['europe.token.botframework.com'], true), messageId: 'ok' },
    { name: '100 entries in v1.28', evidence: domains('1.28', Array.from({ length: 100 }, (_, i) => `h${i}.contoso.com`)), messageId: 'ok' },
    { name: 'a toolkit template: only placeholders', evidence: domains('1.30', ['${{BOT_DOMAIN}}', '<your ngrok url>']), status: 'skip', messageId: 'template' },
    { name: 'a placeholder beside a real host: the host is judged', evidence: domains('1.30', ['${{TAB_DOMAIN}}', 'contoso.com']), messageId: 'ok', data: { count: 1 } },
    { name: 'nothing parsed', evidence: { Manifest: { source: { kind: 'json', bytes: 1 } } }, status: 'skip', messageId: 'noManifest' },
  ],
  invalid: [
    { name: 'https:// prefix', evidence: domains('1.30', ['https://contoso.com']), status: 'fail', messageId: 'scheme', data: { host: 'contoso.com' } },
    { name: 'path', evidence: domains('1.30', ['contoso.com/bot/']), status: 'fail', messageId: 'path', data: { host: 'contoso.com' } },
    { name: 'a placeholder does not hide a malformed host', evidence: domains('1.30', ['${{BOT_DOMAIN}}', 'https://contoso.com']), status: 'fail', messageId: 'scheme' },
    { name: 'spaces inside', evidence: domains('1.30', ['contoso .com']), status: 'fail', messageId: 'malformed' },
    { name: '17 entries in v1.27', evidence: domains('1.27', Array.from({ length: 17 }, (_, i) => `h${i}.contoso.com`)), status: 'fail', messageId: 'tooMany', data: { max: 16 } },
    { name: '101 entries in v1.30', evidence: domains('1.30', Array.from({ length: 101 }, (_, i) => `h${i}.contoso.com`)), status: 'fail', messageId: 'tooMany', data: { max: 100 } },
    { name: 'SSO without the token host', evidence: domains('1.30', ['contoso-bot.azurewebsites.net'], true), status: 'warn', messageId: 'tokenMissing' },
    { name: 'SSO with no validDomains at all', evidence: editedEvidence('bot-sso', '1.30', (m) => { delete m.validDomains; }), status: 'warn', messageId: 'tokenMissing' },
  ],
});
