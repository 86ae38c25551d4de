import React, { useId, useReducer, useRef, useState } from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import type { Report } from '../../../checks/core/types';
import ApiStatus from '../ApiStatus';
import { useCheckApi } from '../ApiStatus/useCheckApi';
import CliCommand from '../CliCommand';
import FormField from '../FormField';
import ReportView from '../ReportView';
import RunProgress from '../RunProgress';
import { useUrlInputs } from '../UrlInputs/useUrlInputs';
import { ApiRunError, streamRun } from '../../utils/check-api';
import { endpointCommand } from '../../utils/cli-command';
import { IDLE, reduceProgress } from '../../utils/run-progress';
import { URL_PARAMS } from '../../utils/url-inputs';
import { endpointFormErrors, type FieldErrors } from '../../utils/widget-inputs';
import styles from '../widgets.module.css';

type Field = 'url' | 'appId' | 'callingWebhook';
const FIELDS: readonly Field[] = ['url', 'appId', 'callingWebhook'];

function EndpointForm(): React.JSX.Element {
  const id = useId();
  const { initial, record } = useUrlInputs(URL_PARAMS.endpoint);
  const [values, setValues] = useState<Record<Field, string>>({ url: initial.url ?? '', appId: initial.appId ?? '', callingWebhook: initial.callingWebhook ?? '' });
  const [fromAddress] = useState(Boolean(initial.url));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [runError, setRunError] = useState('');
  const [report, setReport] = useState<Report | undefined>(undefined);
  const [progress, dispatch] = useReducer(reduceProgress, IDLE);
  const [running, setRunning] = useState(false);
  const { api, ensure } = useCheckApi();
  const abort = useRef<AbortController | undefined>(undefined);
  const refs: Record<Field, React.RefObject<HTMLInputElement | null>> = {
    url: useRef<HTMLInputElement>(null),
    appId: useRef<HTMLInputElement>(null),
    callingWebhook: useRef<HTMLInputElement>(null),
  };
  const set = (field: Field) => (value: string): void => setValues((v) => ({ ...v, [field]: value }));
  const health = api.state === 'known' && api.available ? api.health : undefined;

  const onSubmit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setRunError('');
    const found = endpointFormErrors(values);
    setErrors(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) { refs[first].current?.focus(); return; }
    const availability = await ensure();
    if (!availability.available) return;
    const input = Object.fromEntries(FIELDS.map((f) => [f, values[f].trim()]).filter(([, v]) => v !== ''));
    record(input);
    const controller = new AbortController();
    abort.current = controller;
    setRunning(true);
    setReport(undefined);
    dispatch({ type: 'reset' });
    try {
      const result = await streamRun((url, init) => fetch(url, init), { suite: 'endpoint', input }, { signal: controller.signal, onEvent: dispatch });
      setReport(result);
    } catch (err) {
      const e = err as ApiRunError;
      const field = FIELDS.find((f) => e.field === `/input/${f}`);
      if (controller.signal.aborted) {
        // Stopped by the reader: the progress list says what finished; no error to shout about.
      } else if (field) {
        setErrors({ [field]: e.message });
        refs[field].current?.focus();
      } else {
        setRunError(e.message);
      }
    } finally {
      setRunning(false);
      abort.current = undefined;
    }
  };

  const stop = (): void => {
    dispatch({ type: 'stopped' });
    abort.current?.abort(new Error('stopped by you'));
  };

  return (
    <div className={styles.widget} data-widget="endpoint-check">
      <form onSubmit={(e) => void onSubmit(e)} onFocus={() => void ensure()} noValidate aria-label="Endpoint check">
        {fromAddress ? <p className={styles.hint} data-from-address>Filled in from the page address. Run the checks to see the result.</p> : null}
        <FormField
          ref={refs.url}
          id={`${id}-url`}
          name="url"
          type="url"
          inputMode="url"
          label="Messaging endpoint URL"
          placeholder="https://your-bot.example.com/api/messages"
          hint="The URL registered as the bot's messaging endpoint (Azure Bot, Configuration)."
          value={values.url}
          onChange={set('url')}
          error={errors.url}
        />
        <FormField
          ref={refs.appId}
          id={`${id}-app`}
          name="appId"
          label="Microsoft App ID (optional)"
          placeholder="00000000-0000-0000-0000-000000000000"
          hint="Used as the audience of the forged test token. Not a secret; no password is ever asked for."
          value={values.appId}
          onChange={set('appId')}
          error={errors.appId}
        />
        <FormField
          ref={refs.callingWebhook}
          id={`${id}-webhook`}
          name="callingWebhook"
          type="url"
          inputMode="url"
          label="Calling webhook URL (optional, calling bots only)"
          placeholder="https://your-bot.example.com/api/calling"
          hint="The webhook registered for calls in the Teams channel; it gets the HTTPS and TLS checks too."
          value={values.callingWebhook}
          onChange={set('callingWebhook')}
          error={errors.callingWebhook}
        />
        <div className={styles.actions}>
          <button type="submit" className="button button--primary" disabled={running}>
            {running ? 'Running…' : 'Run endpoint checks'}
          </button>
          {running ? (
            <button type="button" className="button button--secondary" onClick={stop}>Stop</button>
          ) : null}
        </div>
      </form>
      <p className={styles.hint}>
        The checks run on the server that serves this page: it connects to your endpoint over TLS and sends
        Teams message activities without a valid token. Your bot should refuse every one of them. The server
        applies its own time limits; from the command line, <code>--timeout</code> sets them.
      </p>
      <ApiStatus api={api} />
      <CliCommand
        command={endpointCommand({ ...values, ...(health?.allowPrivate ? { allowPrivate: true } : {}), ...(health?.caFile ? { caFile: health.caFile } : {}) })}
      />
      {runError ? <p role="alert" className={styles.runError} data-run-error>{runError}</p> : null}
      <RunProgress progress={progress} />
      {report ? <ReportView report={report} heading="Endpoint report" focusOnChange /> : null}
    </div>
  );
}

/** Checks a bot's messaging endpoint through the API, with live progress and the report. */
export default function EndpointCheck(): React.JSX.Element {
  return (
    <BrowserOnly fallback={<p>The endpoint check needs JavaScript. Run <code>botflow endpoint &lt;url&gt;</code> instead.</p>}>
      {() => <EndpointForm />}
    </BrowserOnly>
  );
}
