import React, { useId, useReducer, useRef, useState } from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import type { Report } from '../../../checks/core/types';
import ApiStatus from '../ApiStatus';
import { useCheckApi } from '../ApiStatus/useCheckApi';
import CliCommand from '../CliCommand';
import ReportView from '../ReportView';
import RunProgress from '../RunProgress';
import { ApiRunError, streamRun } from '../../utils/check-api';
import { endpointCommand } from '../../utils/cli-command';
import { IDLE, reduceProgress } from '../../utils/run-progress';
import { endpointFormErrors, type FieldErrors } from '../../utils/widget-inputs';
import styles from '../widgets.module.css';

function EndpointForm(): React.JSX.Element {
  const id = useId();
  const [url, setUrl] = useState('');
  const [appId, setAppId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [runError, setRunError] = useState('');
  const [report, setReport] = useState<Report | undefined>(undefined);
  const [progress, dispatch] = useReducer(reduceProgress, IDLE);
  const [running, setRunning] = useState(false);
  const { api, ensure } = useCheckApi();
  const abort = useRef<AbortController | undefined>(undefined);
  const urlRef = useRef<HTMLInputElement>(null);
  const appIdRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setRunError('');
    const found = endpointFormErrors({ url, appId });
    setErrors(found);
    if (found.url) { urlRef.current?.focus(); return; }
    if (found.appId) { appIdRef.current?.focus(); return; }
    const availability = await ensure();
    if (!availability.available) return;
    const controller = new AbortController();
    abort.current = controller;
    setRunning(true);
    setReport(undefined);
    try {
      const result = await streamRun((input, init) => fetch(input, init), {
        suite: 'endpoint',
        input: { url: url.trim(), ...(appId.trim() ? { appId: appId.trim() } : {}) },
      }, { signal: controller.signal, onEvent: dispatch });
      setReport(result);
    } catch (err) {
      const e = err as ApiRunError;
      if (e.field === '/input/url') {
        setErrors({ url: e.message });
        urlRef.current?.focus();
      } else if (e.field === '/input/appId') {
        setErrors({ appId: e.message });
        appIdRef.current?.focus();
      } else {
        setRunError(e.message);
      }
    } finally {
      setRunning(false);
      abort.current = undefined;
    }
  };

  return (
    <div className={styles.widget} data-widget="endpoint-check">
      <form onSubmit={(e) => void onSubmit(e)} onFocus={() => void ensure()} noValidate aria-label="Endpoint check">
        <div className={styles.field}>
          <label htmlFor={`${id}-url`}>Messaging endpoint URL</label>
          <input
            ref={urlRef}
            id={`${id}-url`}
            name="url"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://your-bot.example.com/api/messages"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            aria-invalid={errors.url ? true : undefined}
            aria-describedby={`${id}-url-hint${errors.url ? ` ${id}-url-error` : ''}`}
          />
          <span id={`${id}-url-hint`} className={styles.hint}>The URL registered as the bot's messaging endpoint (Azure Bot, Configuration).</span>
          {errors.url ? <span id={`${id}-url-error`} className={styles.fieldError} data-field-error="url">{errors.url}</span> : null}
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-app`}>Microsoft App ID (optional)</label>
          <input
            ref={appIdRef}
            id={`${id}-app`}
            name="appId"
            type="text"
            autoComplete="off"
            spellCheck={false}
            placeholder="00000000-0000-0000-0000-000000000000"
            value={appId}
            onChange={(e) => setAppId(e.target.value)}
            aria-invalid={errors.appId ? true : undefined}
            aria-describedby={`${id}-app-hint${errors.appId ? ` ${id}-app-error` : ''}`}
          />
          <span id={`${id}-app-hint`} className={styles.hint}>Used as the audience of the forged test token. Not a secret; no password is ever asked for.</span>
          {errors.appId ? <span id={`${id}-app-error`} className={styles.fieldError} data-field-error="appId">{errors.appId}</span> : null}
        </div>
        <div className={styles.actions}>
          <button type="submit" className="button button--primary" disabled={running}>
            {running ? 'Running…' : 'Run endpoint checks'}
          </button>
          {running ? (
            <button type="button" className="button button--secondary" onClick={() => abort.current?.abort(new Error('stopped by you'))}>Stop</button>
          ) : null}
        </div>
      </form>
      <p className={styles.hint}>
        The checks run on the server that serves this page: it connects to your endpoint over TLS and sends
        Teams message activities without a valid token. Your bot should refuse every one of them.
      </p>
      <ApiStatus api={api} />
      <CliCommand command={endpointCommand({ url, appId })} />
      {runError ? <p role="alert" className={styles.runError} data-run-error>{runError}</p> : null}
      <RunProgress progress={progress} />
      {report ? <ReportView report={report} heading="Endpoint report" focusOnChange /> : null}
    </div>
  );
}

/** Checks a bot's messaging endpoint through the API, with live progress and the report. */
export default function EndpointCheck(): React.JSX.Element {
  return (
    <BrowserOnly fallback={<p>The endpoint check needs JavaScript. Run <code>npx botflow endpoint &lt;url&gt;</code> instead.</p>}>
      {() => <EndpointForm />}
    </BrowserOnly>
  );
}
