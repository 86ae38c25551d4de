import React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { Status } from '../../checks/core/types';
import { STATUS_LABEL, STATUS_SYMBOL } from '../../checks/report/shared';
import { buildAllowlist } from '../../checks/allowlist/allowlist';
import AllowlistBuilder from './AllowlistBuilder';
import CliCommand from './CliCommand';
import RunProgress from './RunProgress';
import StatusBadge from './StatusBadge';
import { IDLE, reduceProgress } from '../utils/run-progress';

/** Server-rendered markup of the widget building blocks that need no Docusaurus context. */
const html = (element: React.ReactElement) => parse(renderToStaticMarkup(element), { blockTextElements: { script: true, style: true } });

describe('StatusBadge', () => {
  it.each(['pass', 'warn', 'fail', 'info', 'skip', 'error'] as Status[])('%s shows a symbol (hidden from screen readers) and a word', (status) => {
    const root = html(<StatusBadge status={status} />);
    const badge = root.querySelector(`[data-status="${status}"]`)!;
    const symbol = badge.querySelector('[aria-hidden="true"]')!;
    expect(symbol.text).toBe(STATUS_SYMBOL[status]);
    expect(badge.text.replace(symbol.text, '')).toBe(STATUS_LABEL[status]);
  });
});

describe('RunProgress', () => {
  it('lists each check while running and announces progress in a polite live region', () => {
    const state = reduceProgress(
      reduceProgress(IDLE, { type: 'run-start', suite: 'endpoint', checks: [{ id: 'a-check', title: 'A' }, { id: 'b-check', title: 'B' }] }),
      { type: 'check-result', result: { id: 'b-check', title: 'B', status: 'fail', severity: 'error', message: 'm', evidence: {}, docsUrl: '/docs/checks/b-check', durationMs: 1 } },
    );
    const root = html(<RunProgress progress={state} />);
    const live = root.querySelector('[data-run-announcement]')!;
    expect(live.getAttribute('role')).toBe('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.text).toBe('Running checks: 1 of 2 done, 1 failing so far.');
    const rows = root.querySelectorAll('[data-run-progress] li').map((li) => [li.getAttribute('data-check-id'), li.getAttribute('data-status')]);
    expect(rows).toEqual([['a-check', 'running'], ['b-check', 'fail']]);
  });
});

describe('CliCommand', () => {
  it('labels the command and offers a Copy button', () => {
    const root = html(<CliCommand command="botflow residency 'https://x.example/'" label="Run it" />);
    const pre = root.querySelector('pre')!;
    const labelId = pre.getAttribute('aria-labelledby')!;
    expect(root.querySelector(`[id="${labelId}"]`)!.text).toBe('Run it');
    expect(pre.text).toBe("botflow residency 'https://x.example/'");
    expect(root.querySelector('button')!.text).toBe('Copy');
  });
});

describe('AllowlistBuilder', () => {
  it('renders the worldwide messaging allowlist without JavaScript, host by host, with labelled controls', () => {
    const root = html(<AllowlistBuilder />);
    const hosts = root.querySelectorAll('[data-allowlist-table] tbody tr').map((tr) => tr.getAttribute('data-host'));
    expect(hosts).toEqual(buildAllowlist({ cloud: 'public', features: [] }).rows.map((r) => r.host));
    for (const control of root.querySelectorAll('select')) {
      const id = control.getAttribute('id')!;
      expect(root.querySelector(`label[for="${id}"]`), `label for ${id}`).not.toBeNull();
    }
    expect(root.querySelector('[data-allowlist-text]')!.text).toContain('login.botframework.com');
  });
});
