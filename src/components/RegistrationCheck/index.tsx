import React, { useId, useRef, useState } from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import type { Report } from '../../../checks/core/types';
import CliCommand from '../CliCommand';
import ReportView from '../ReportView';
import { registrationCommand } from '../../utils/cli-command';
import { loadBrowserEngine } from '../../utils/load-engine';
import { endpointFormErrors, jsonFieldError, type FieldErrors } from '../../utils/widget-inputs';
import styles from '../widgets.module.css';

function RegistrationForm(): React.JSX.Element {
  const id = useId();
  const [bot, setBot] = useState('');
  const [channel, setChannel] = useState('');
  const [url, setUrl] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [runError, setRunError] = useState('');
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<Report | undefined>(undefined);
  const refs = { bot: useRef<HTMLTextAreaElement>(null), channel: useRef<HTMLTextAreaElement>(null), url: useRef<HTMLInputElement>(null) };

  const onSubmit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setRunError('');
    const found: FieldErrors = {};
    const botError = jsonFieldError(bot, 'the output of az bot show', true);
    if (botError) found.bot = botError;
    const channelError = jsonFieldError(channel, 'the Teams channel JSON', false);
    if (channelError) found.channel = channelError;
    if (url.trim()) {
      const urlError = endpointFormErrors({ url }).url;
      if (urlError) found.url = urlError;
    }
    setErrors(found);
    const first = (['bot', 'channel', 'url'] as const).find((k) => found[k]);
    if (first) { refs[first].current?.focus(); return; }
    setRunning(true);
    setReport(undefined);
    try {
      const engine = await loadBrowserEngine();
      const result = await engine.runChecks({
        suite: engine.registrationSuite,
        environment: 'browser',
        input: {
          bot: bot.trim(),
          botLabel: 'the pasted az bot show JSON',
          ...(channel.trim() ? { channel: channel.trim(), channelLabel: 'the pasted Teams channel JSON' } : {}),
          ...(url.trim() ? { url: url.trim() } : {}),
        },
      });
      setReport(result);
    } catch (err) {
      setRunError(`The registration could not be checked: ${(err as Error).message}`);
    } finally {
      setRunning(false);
    }
  };

  const described = (field: string): string => `${id}-${field}-hint${errors[field] ? ` ${id}-${field}-error` : ''}`;

  return (
    <div className={styles.widget} data-widget="registration-check">
      <p className={styles.private} data-runs-in-browser>
        <strong>Runs entirely in your browser.</strong> The JSON you paste is checked inside this page and is not sent anywhere.
      </p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Registration check">
        <div className={styles.field}>
          <label htmlFor={`${id}-bot`}>Azure Bot resource JSON</label>
          <textarea
            ref={refs.bot}
            id={`${id}-bot`}
            rows={8}
            spellCheck={false}
            value={bot}
            onChange={(e) => setBot(e.target.value)}
            aria-invalid={errors.bot ? true : undefined}
            aria-describedby={described('bot')}
          />
          <span id={`${id}-bot-hint`} className={styles.hint}>
            The output of <code>az bot show --name &lt;bot&gt; --resource-group &lt;group&gt;</code>.
          </span>
          {errors.bot ? <span id={`${id}-bot-error`} className={styles.fieldError} data-field-error="bot">{errors.bot}</span> : null}
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-channel`}>Teams channel JSON (optional)</label>
          <textarea
            ref={refs.channel}
            id={`${id}-channel`}
            rows={5}
            spellCheck={false}
            value={channel}
            onChange={(e) => setChannel(e.target.value)}
            aria-invalid={errors.channel ? true : undefined}
            aria-describedby={described('channel')}
          />
          <span id={`${id}-channel-hint`} className={styles.hint}>
            The output of <code>az bot msteams show --name &lt;bot&gt; --resource-group &lt;group&gt;</code>.
          </span>
          {errors.channel ? <span id={`${id}-channel-error`} className={styles.fieldError} data-field-error="channel">{errors.channel}</span> : null}
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-url`}>Messaging endpoint you expect (optional)</label>
          <input
            ref={refs.url}
            id={`${id}-url`}
            type="url"
            autoComplete="off"
            spellCheck={false}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            aria-invalid={errors.url ? true : undefined}
            aria-describedby={described('url')}
          />
          <span id={`${id}-url-hint`} className={styles.hint}>Compared with the registered endpoint; it is not contacted.</span>
          {errors.url ? <span id={`${id}-url-error`} className={styles.fieldError} data-field-error="url">{errors.url}</span> : null}
        </div>
        <button type="submit" className="button button--primary" disabled={running}>{running ? 'Checking…' : 'Check the registration'}</button>
      </form>
      <CliCommand command={registrationCommand({ channel: channel.trim() !== '' })} />
      {runError ? <p role="alert" className={styles.runError}>{runError}</p> : null}
      <p role="status" className={styles.hint}>{running ? 'Checking the registration…' : report ? 'Registration checks finished.' : ''}</p>
      {report ? <ReportView report={report} heading="Registration report" focusOnChange /> : null}
    </div>
  );
}

/** Checks an Azure Bot registration from pasted `az bot show` JSON, inside the page. */
export default function RegistrationCheck(): React.JSX.Element {
  return (
    <BrowserOnly fallback={<p>The registration check runs in your browser and needs JavaScript. Run <code>npx botflow registration bot.json</code> instead.</p>}>
      {() => <RegistrationForm />}
    </BrowserOnly>
  );
}
