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
import { endpointCommand, ENDPOINT_PLACEHOLDER } from '../../utils/cli-command';
import { parsePhaseTimeout, PHASE_TIMEOUT_MAX_MS, PHASE_TIMEOUT_MIN_MS } from '../../../checks/core/run-params';
import { DEFAULT_TIMEOUTS } from '../../../checks/gather/net/timeouts';
import { IDLE, reduceProgress } from '../../utils/run-progress';
import { URL_PARAMS } from '../../utils/url-inputs';
import { endpointFormErrors, type FieldErrors } from '../../utils/widget-inputs';
import styles from '../widgets.module.css';

type Field = 'url' | 'appId' | 'callingWebhook' | 'timeout';
const FIELDS: readonly Field[] = ['url', 'appId', 'callingWebhook', 'timeout'];

/** What each input of the form shows (one FormField each, in this order). */
const FIELD_VIEW: Readonly<Record<Field, { label: string; placeholder: string; hint: string; type?: 'url'; inputMode?: 'url' | 'numeric' }>> = {
  url: {
    label: 'Messaging endpoint URL',
    placeholder: ENDPOINT_PLACEHOLDER,
    hint: "The URL registered as the bot's messaging endpoint (Azure Bot, Configuration).",
    type: 'url',
    inputMode: 'url',
  },
  appId: {
    label: 'Microsoft App ID (optional)',
    placeholder: '00000000-0000-0000-0000-000000000000',
    hint: 'Used as the audience of the forged test token. Not a secret; no password is ever asked for.',
  },
  callingWebhook: {
    label: 'Calling webhook URL (optional, calling bots only)',
    placeholder: 'https://your-bot.example.com/api/calling',
    hint: 'The webhook registered for calls in the Teams channel; it gets the HTTPS and TLS checks too.',
    type: 'url',
    inputMode: 'url',
  },
  timeout: {
    label: 'Timeout per network step, ms (optional)',
    placeholder: `${DEFAULT_TIMEOUTS.connect}`,
    hint: `The limit for each step of a probe (DNS, connect, TLS, response), ${PHASE_TIMEOUT_MIN_MS} to ${PHASE_TIMEOUT_MAX_MS} ms, as --timeout in the CLI. Empty: ${DEFAULT_TIMEOUTS.connect} ms per step, ${DEFAULT_TIMEOUTS.firstByte} ms for the response. The server also stops a whole run after its own limit.`,
    inputMode: 'numeric',
  },
};

/** The form's input errors: the shared URL and app id rules, and the timeout's (the CLI's and the API's bounds and message). */
function formErrors(values: Readonly<Record<Field, string>>): FieldErrors {
  const errors = endpointFormErrors(values);
  const timeout = values.timeout.trim();
  if (timeout) {
    try {
      parsePhaseTimeout(timeout, 'The timeout');
    } catch (err) {
      errors.timeout = (err as Error).message;
    }
  }
  return errors;
}

function EndpointForm(): React.JSX.Element {
  const id = useId();
  const { initial, record } = useUrlInputs(URL_PARAMS.endpoint);
  const [values, setValues] = useState<Record<Field, string>>(() => Object.fromEntries(FIELDS.map((f) => [f, initial[f] ?? ''])) as Record<Field, string>);
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
    timeout: useRef<HTMLInputElement>(null),
  };
  const set = (field: Field) => (value: string): void => setValues((v) => ({ ...v, [field]: value }));
  const health = api.state === 'known' && api.available ? api.health : undefined;

  const onSubmit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setRunError('');
    const found = formErrors(values);
    setErrors(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) { refs[first].current?.focus(); return; }
    const availability = await ensure();
    if (!availability.available) return;
    const given = Object.fromEntries(FIELDS.map((f) => [f, values[f].trim()]).filter(([, v]) => v !== '')) as Partial<Record<Field, string>>;
    record(given);
    // The API takes the timeout as a number (milliseconds), the rest as text.
    const input = { ...given, ...(given.timeout ? { timeout: Number(given.timeout) } : {}) };
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
        {FIELDS.map((field) => (
          <FormField
            key={field}
            ref={refs[field]}
            id={`${id}-${field}`}
            name={field}
            {...FIELD_VIEW[field]}
            value={values[field]}
            onChange={set(field)}
            error={errors[field]}
          />
        ))}
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
        Teams message activities without a valid token. Your bot should refuse every one of them. The timeout
        above is the command line&apos;s <code>--timeout</code>; the server also stops a whole run after its own limit.
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
