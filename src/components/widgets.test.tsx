import React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { Status } from '../../checks/core/types';
import { STATUS_LABEL, STATUS_SYMBOL } from '../../checks/report/shared';
import { buildAllowlist } from '../../checks/allowlist/allowlist';
import AllowlistBuilder from './AllowlistBuilder';
import CliCommand from './CliCommand';
import DataTable, { ValueNotes } from './DataTable';
import FormField, { bindField, FieldFrame, type FormState } from './FormField';
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

describe('FormField and FieldFrame', () => {
  const noop = (): void => undefined;

  it('links the control to its label and hint; an error marks it invalid and is described by it', () => {
    const calm = html(<FormField id="f" name="url" label="URL" hint="A hint." value="" onChange={noop} />);
    const input = calm.querySelector('input')!;
    expect(calm.querySelector('label')!.getAttribute('for')).toBe('f');
    expect(input.getAttribute('id')).toBe('f');
    expect(input.getAttribute('name')).toBe('url');
    expect(input.getAttribute('aria-describedby')).toBe('f-hint');
    expect(input.getAttribute('aria-invalid')).toBeUndefined();
    expect(input.classList.contains('bf-control')).toBe(true);
    expect(calm.querySelector('[data-field-error]')).toBeNull();

    const wrong = html(<FormField multiline id="g" name="bot" label="Bot" hint="A hint." error="Not JSON." value="{" onChange={noop} />);
    const area = wrong.querySelector('textarea')!;
    expect(area.getAttribute('aria-invalid')).toBe('true');
    expect(area.getAttribute('aria-describedby')).toBe('g-hint g-error');
    const error = wrong.querySelector('[data-field-error="bot"]')!;
    expect(error.getAttribute('id')).toBe('g-error');
    expect(error.text).toBe('Not JSON.');
    expect(error.getAttribute('role')).toBeUndefined();
  });

  it('frames any control; a plain one (a file input) keeps the browser look, an alert error is announced', () => {
    const root = html(
      <FieldFrame
        id="m"
        name="file"
        label="File"
        error="Too large."
        errorRole="alert"
        plain
        control={(control) => <input type="file" {...control} />}
      />,
    );
    const input = root.querySelector('input[type="file"]')!;
    expect(input.getAttribute('class')).toBeUndefined();
    expect(input.getAttribute('aria-describedby')).toBe('m-error');
    expect(root.querySelector('[data-field-error="file"]')!.getAttribute('role')).toBe('alert');
    const select = html(<FieldFrame id="s" name="cloud" label="Cloud" control={(c) => <select {...c}><option>a</option></select>} />).querySelector('select')!;
    expect(select.classList.contains('bf-control')).toBe(true);
    expect(select.getAttribute('aria-describedby')).toBeUndefined();
  });
});

describe('bindField', () => {
  it('ties a FormField to its form: id from the form id, the value, the setter and the error of that field only', () => {
    const set: string[] = [];
    const ref = React.createRef<HTMLInputElement>();
    const form: FormState<'url' | 'appId'> = {
      id: ':r1:',
      values: { url: 'https://a.example/', appId: '' },
      errors: { appId: 'Not a GUID.' },
      refs: { url: ref, appId: null },
      set: (field) => (value) => { set.push(`${field}=${value}`); },
    };
    const url = bindField(form, 'url');
    expect(url).toMatchObject({ id: ':r1:-url', name: 'url', value: 'https://a.example/', error: undefined });
    expect(url.ref).toBe(ref);
    url.onChange('x');
    bindField(form, 'appId').onChange('y');
    expect(set).toEqual(['url=x', 'appId=y']);
    expect(bindField(form, 'appId').error).toBe('Not a GUID.');
    const input = html(<FormField {...url} label="URL" />).querySelector('input')!;
    expect(input.getAttribute('id')).toBe(':r1:-url');
    expect(input.getAttribute('value')).toBe('https://a.example/');
  });
});

describe('DataTable and ValueNotes', () => {
  it('heads the columns in order, sizes those that ask, and names the table', () => {
    const root = html(
      <DataTable name="demo" columns={[{ label: 'Host', width: 'wide' }, { label: 'Purpose' }, { key: 'r', label: <em>West</em>, attrs: { 'data-region': 'westeurope' } }]}>
        <tbody><tr><td>a</td><td>b</td><td>c</td></tr></tbody>
      </DataTable>,
    );
    const table = root.querySelector('table[data-table="demo"]')!;
    const heads = table.querySelectorAll('thead th');
    expect(heads.map((h) => h.text)).toEqual(['Host', 'Purpose', 'West']);
    expect(heads.every((h) => h.getAttribute('scope') === 'col')).toBe(true);
    expect(heads[0]!.getAttribute('class')).toBeTruthy();
    expect(heads[1]!.getAttribute('class')).toBeUndefined();
    expect(heads[2]!.getAttribute('data-region')).toBe('westeurope');
  });

  it('says "(unconfirmed)" only for a value no source confirms, then the note and the sources', () => {
    const source = { title: 'A doc', url: 'https://example.com/doc' };
    const unconfirmed = html(<p><ValueNotes confirmed={false} unconfirmedTitle="why" note="A note." sources={[source]} sourcesLabel="Sources: " /></p>);
    expect(unconfirmed.text).toBe(' (unconfirmed)A note.Sources: A doc');
    expect(unconfirmed.querySelector('[title="why"]')!.text).toBe(' (unconfirmed)');
    expect(unconfirmed.querySelector('a')!.getAttribute('href')).toBe(source.url);
    expect(html(<p><ValueNotes confirmed note={undefined} /></p>).text).toBe('');
    expect(html(<p><ValueNotes /></p>).text).toBe('');
  });
});
