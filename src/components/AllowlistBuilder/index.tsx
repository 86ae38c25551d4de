import React, { useId, useMemo, useState } from 'react';
import clsx from 'clsx';
import {
  ALLOWLIST_FORMATS, buildAllowlist, renderAllowlist, type AllowlistFormat,
} from '../../../checks/allowlist/allowlist';
import {
  BOT_REGIONS, CLOUD_PRESETS, EGRESS_CLOUD_IDS, type BotRegion, type EgressCloudId, type Feature,
} from '../../../checks/core/clouds';
import CliCommand from '../CliCommand';
import { allowlistCommand, egressCommand } from '../../utils/cli-command';
import { copyText, downloadText } from '../../utils/download';
import DataTable, { type Column } from '../DataTable';
import CodeValue from '../CodeValue';
import { FieldFrame } from '../FormField';
import styles from '../widgets.module.css';
import own from './styles.module.css';

const OPTIONAL_FEATURES: ReadonlyArray<{ id: Exclude<Feature, 'messaging'>; label: string }> = [
  { id: 'calling', label: 'Calls and online meetings' },
  { id: 'sso', label: 'User sign-in (OAuth connections, SSO)' },
  { id: 'graph', label: 'Microsoft Graph calls' },
];

const COLUMNS: readonly Column[] = [{ label: 'Host' }, { label: 'Needed' }, { label: 'Purpose' }];

const FORMAT_TYPE: Record<AllowlistFormat, { type: string; ext: string }> = {
  text: { type: 'text/plain', ext: 'txt' },
  csv: { type: 'text/csv', ext: 'csv' },
  json: { type: 'application/json', ext: 'json' },
};

/**
 * The outbound allowlist for a cloud and the bot's features (from checks/allowlist and the cloud
 * data module): a table, plus the same list to copy or download as text, CSV or JSON. Pure data;
 * it renders on the server too, so the default list is there without JavaScript.
 */
export default function AllowlistBuilder(): React.JSX.Element {
  const id = useId();
  const [cloud, setCloud] = useState<EgressCloudId>('public');
  const [features, setFeatures] = useState<Feature[]>([]);
  const [region, setRegion] = useState<BotRegion | ''>('');
  const [format, setFormat] = useState<AllowlistFormat>('text');
  const [status, setStatus] = useState('');

  const list = useMemo(
    () => buildAllowlist({ cloud, features, ...(region && cloud === 'public' ? { region } : {}) }),
    [cloud, features, region],
  );
  const text = useMemo(() => renderAllowlist(list, format), [list, format]);
  const effectiveRegion = region && cloud === 'public' ? region : undefined;

  const toggle = (f: Feature, on: boolean): void => setFeatures((prev) => (on ? [...prev, f] : prev.filter((x) => x !== f)));
  const fileName = `teams-bot-allowlist-${cloud}.${FORMAT_TYPE[format].ext}`;

  return (
    <div className={styles.widget} data-widget="allowlist-builder">
      <FieldFrame
        id={`${id}-cloud`}
        name="cloud"
        label="Microsoft cloud of the tenant"
        control={(control) => (
          <select value={cloud} onChange={(e) => setCloud(e.target.value as EgressCloudId)} {...control}>
            {EGRESS_CLOUD_IDS.map((c) => <option key={c} value={c}>{CLOUD_PRESETS[c].name}</option>)}
          </select>
        )}
      />
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>What the bot does besides messaging</legend>
        <div className={styles.checkboxes}>
          {OPTIONAL_FEATURES.map((f) => (
            <label key={f.id}>
              <input type="checkbox" checked={features.includes(f.id)} onChange={(e) => toggle(f.id, e.target.checked)} data-feature={f.id} /> {f.label}
            </label>
          ))}
        </div>
      </fieldset>
      <FieldFrame
        id={`${id}-region`}
        name="region"
        label="Regional Azure Bot (worldwide cloud only)"
        control={(control) => (
          <select value={cloud === 'public' ? region : ''} disabled={cloud !== 'public'} onChange={(e) => setRegion(e.target.value as BotRegion | '')} {...control}>
            <option value="">Global (no regional bot)</option>
            {BOT_REGIONS.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        )}
      />

      <DataTable
        name="allowlist"
        className={own.table}
        data-allowlist-table
        caption={<>{list.rows.length} host names for {list.cloudName}: HTTPS on TCP 443, outbound from the bot. Allow them by name, not by IP address.</>}
        columns={COLUMNS}
      >
        <tbody>
          {list.rows.map((r) => (
            <tr key={r.host} data-host={r.host}>
              <td className={own.host}><CodeValue value={r.host} /></td>
              <td>{r.required ? 'required' : 'in some set-ups'}{r.confirmed ? '' : ' (unconfirmed)'}</td>
              <td>
                {r.purpose}
                {r.note ? <div className={own.note}>{r.note}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>

      <div className={clsx(styles.actions, own.toolbar)}>
        <FieldFrame
          id={`${id}-format`}
          name="format"
          label="Format"
          control={(control) => (
            <select value={format} onChange={(e) => setFormat(e.target.value as AllowlistFormat)} {...control}>
              {ALLOWLIST_FORMATS.map((f) => <option key={f} value={f}>{f === 'text' ? 'Text' : f.toUpperCase()}</option>)}
            </select>
          )}
        />
        <button type="button" className="button button--primary" onClick={() => void copyText(text).then((ok) => setStatus(ok ? 'Allowlist copied to the clipboard.' : 'Copying was refused by the browser; use Download.'))}>
          Copy
        </button>
        <button type="button" className="button button--secondary" onClick={() => { downloadText(fileName, FORMAT_TYPE[format].type, text); setStatus(`Downloaded ${fileName}.`); }}>
          Download {fileName}
        </button>
        <span role="status">{status}</span>
      </div>
      <details className={own.preview}>
        <summary>Preview ({format})</summary>
        <pre tabIndex={0} aria-label="Allowlist preview" data-allowlist-text>{text}</pre>
      </details>
      <CliCommand command={allowlistCommand(cloud, features, effectiveRegion, format)} label="The same list from the CLI" />
      <CliCommand command={egressCommand(cloud, features, effectiveRegion)} label="Test these hosts from the bot's own host" />
    </div>
  );
}
