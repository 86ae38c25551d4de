import React, { useEffect, useId, useRef, useState } from 'react';
import type { Report } from '../../../checks/core/types';
import CliCommand from '../CliCommand';
import { inBrowser } from '../InBrowser';
import FormField, { bindField, FieldFrame, type FormState } from '../FormField';
import ReportView from '../ReportView';
import { useUrlInputs } from '../UrlInputs/useUrlInputs';
import { REGISTRATION_FILES, registrationCommand } from '../../utils/cli-command';
import { MAX_PICKED_FILE_BYTES, readPickedFile } from '../../utils/download';
import { EXAMPLE_BOT, EXAMPLE_ENDPOINT, EXAMPLE_MANIFEST, EXAMPLE_MANIFEST_NAME, EXAMPLE_TEAMS_CHANNEL, pretty } from '../../utils/examples';
import { loadBrowserEngine } from '../../utils/load-engine';
import { secretLookingField, URL_PARAMS } from '../../utils/url-inputs';
import { endpointFormErrors, jsonFieldError, manifestFileError, type FieldErrors } from '../../utils/widget-inputs';
import styles from '../widgets.module.css';

type Field = 'bot' | 'channel' | 'manifest' | 'endpoint' | 'callingWebhook';
type Values = Record<'bot' | 'channel' | 'endpoint' | 'callingWebhook', string>;
const ORDER: readonly Field[] = ['bot', 'channel', 'manifest', 'endpoint', 'callingWebhook'];

interface PickedManifest {
  name: string;
  bytes: Uint8Array;
}

function RegistrationForm(): React.JSX.Element {
  const id = useId();
  const { initial, record } = useUrlInputs(URL_PARAMS.registration);
  const [values, setValues] = useState<Values>({
    bot: initial.bot ?? '', channel: initial.channel ?? '', endpoint: initial.endpoint ?? '', callingWebhook: initial.callingWebhook ?? '',
  });
  const [manifest, setManifest] = useState<PickedManifest | undefined>(undefined);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [runError, setRunError] = useState('');
  const [addressNote, setAddressNote] = useState('');
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<Report | undefined>(undefined);
  const refs: Record<Field, React.RefObject<HTMLInputElement | HTMLTextAreaElement | null>> = {
    bot: useRef<HTMLTextAreaElement>(null),
    channel: useRef<HTMLTextAreaElement>(null),
    manifest: useRef<HTMLInputElement>(null),
    endpoint: useRef<HTMLInputElement>(null),
    callingWebhook: useRef<HTMLInputElement>(null),
  };
  const set = (field: keyof Values) => (value: string): void => setValues((v) => ({ ...v, [field]: value }));
  const form: FormState<keyof Values> = { id, values, errors, refs, set };

  /** The same input checks the CLI makes before it runs: one clear error at the field it concerns. */
  const inputErrors = async (v: Values): Promise<FieldErrors> => {
    const found: FieldErrors = {};
    const botError = jsonFieldError(v.bot, 'the output of az bot show', true);
    if (botError) found.bot = botError;
    const channelError = jsonFieldError(v.channel, 'the Teams channel JSON', false);
    if (channelError) found.channel = channelError;
    if (v.endpoint.trim()) {
      const e = endpointFormErrors({ url: v.endpoint }).url;
      if (e) found.endpoint = e;
    }
    if (v.callingWebhook.trim()) {
      const e = endpointFormErrors({ url: 'https://x.invalid/', callingWebhook: v.callingWebhook }).callingWebhook;
      if (e) found.callingWebhook = e;
    }
    if (found.bot || found.channel) return found;
    // Shape errors (not an Azure Bot resource, another channel) are input errors too.
    const engine = await loadBrowserEngine();
    const bot = JSON.parse(v.bot) as Parameters<typeof engine.buildRegistrationEvidence>[0]['bot'];
    try {
      engine.buildRegistrationEvidence({ source: 'document', bot, botLabel: REGISTRATION_FILES.bot });
    } catch (err) {
      found.bot = (err as Error).message;
      return found;
    }
    if (v.channel.trim()) {
      try {
        engine.buildRegistrationEvidence({
          source: 'document', bot, botLabel: REGISTRATION_FILES.bot, channel: JSON.parse(v.channel) as typeof bot, channelLabel: REGISTRATION_FILES.channel,
        });
      } catch (err) {
        found.channel = (err as Error).message;
      }
    }
    return found;
  };

  const run = async (v: Values, picked: PickedManifest | undefined): Promise<void> => {
    setRunError('');
    const found = await inputErrors(v);
    setErrors(found);
    const first = ORDER.find((k) => found[k]);
    if (first) { setReport(undefined); refs[first].current?.focus(); return; }
    // Into the page address, so the run can be shared: never a document that holds a secret.
    const secret = [secretLookingField(v.bot), v.channel.trim() ? secretLookingField(v.channel) : undefined].find(Boolean);
    record({ ...(secret ? {} : { bot: v.bot, channel: v.channel }), endpoint: v.endpoint, callingWebhook: v.callingWebhook });
    setAddressNote(secret
      ? `The JSON was not put in the page address because it holds a field named "${secret}" with a value.`
      : picked ? 'The page address holds these inputs, except the manifest file (a link cannot carry a file).' : '');
    setRunning(true);
    setReport(undefined);
    try {
      const engine = await loadBrowserEngine();
      const result = await engine.runChecks({
        suite: engine.registrationSuite,
        environment: 'browser',
        input: {
          bot: v.bot.trim(),
          botLabel: REGISTRATION_FILES.bot,
          ...(v.channel.trim() ? { channel: v.channel.trim(), channelLabel: REGISTRATION_FILES.channel } : {}),
          ...(picked ? { manifestBytes: picked.bytes, manifestName: picked.name } : {}),
          ...(v.endpoint.trim() ? { url: v.endpoint.trim() } : {}),
          ...(v.callingWebhook.trim() ? { callingWebhook: v.callingWebhook.trim() } : {}),
        },
      });
      setReport(result);
    } catch (err) {
      setRunError(`The registration could not be checked: ${(err as Error).message}`);
    } finally {
      setRunning(false);
    }
  };

  // A shared link re-runs the check it describes (in the page; nothing is sent anywhere).
  useEffect(() => {
    if (initial.bot) void run(values, undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onPickManifest = async (event: React.ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const problem = manifestFileError(file.name, file.size, MAX_PICKED_FILE_BYTES);
    if (problem) {
      setErrors((e) => ({ ...e, manifest: problem }));
      return;
    }
    setErrors((e) => ({ ...e, manifest: undefined }));
    setManifest({ name: file.name, bytes: (await readPickedFile(file, 'bytes')) as Uint8Array });
  };

  const loadExample = (): void => {
    const example: Values = { bot: pretty(EXAMPLE_BOT), channel: pretty(EXAMPLE_TEAMS_CHANNEL), endpoint: EXAMPLE_ENDPOINT, callingWebhook: '' };
    const picked = { name: EXAMPLE_MANIFEST_NAME, bytes: new TextEncoder().encode(pretty(EXAMPLE_MANIFEST)) };
    setValues(example);
    setManifest(picked);
    void run(example, picked);
  };

  return (
    <div className={styles.widget} data-widget="registration-check">
      <p className={styles.private} data-runs-in-browser>
        <strong>Runs entirely in your browser.</strong> The JSON you paste and the manifest you choose are checked inside this page and are not sent anywhere.
      </p>
      <form onSubmit={(e) => { e.preventDefault(); void run(values, manifest); }} noValidate aria-label="Registration check">
        <div className={styles.actions}>
          <button type="button" className="button button--sm button--secondary" onClick={loadExample} data-load-example>Load example</button>
          <span className={styles.hint}>A made-up healthy bot (Contoso Helpdesk) with its Teams channel and manifest.</span>
        </div>
        <FormField
          {...bindField(form, 'bot')}
          multiline
          rows={8}
          label="Azure Bot resource JSON"
          hint={<>The output of <code>az bot show --name &lt;bot&gt; --resource-group &lt;group&gt;</code>.</>}
        />
        <FormField
          {...bindField(form, 'channel')}
          multiline
          rows={5}
          label="Teams channel JSON (optional)"
          hint={<>The output of <code>az bot msteams show --name &lt;bot&gt; --resource-group &lt;group&gt;</code>.</>}
        />
        <FieldFrame
          id={`${id}-manifest`}
          name="manifest"
          label="Teams app manifest or package (optional)"
          hint={(
            <span data-manifest-chosen={manifest?.name ?? ''}>
              {manifest ? <>Chosen: <code>{manifest.name}</code>. </> : null}
              manifest.json or the app package (.zip): its bot id is compared with the registration&apos;s app id (registration-manifest-match), and its calling support with the channel&apos;s.
            </span>
          )}
          error={errors.manifest}
          plain
          control={(control) => (
            <input
              ref={refs.manifest as React.RefObject<HTMLInputElement>}
              type="file"
              accept=".json,.zip,application/json,application/zip"
              onChange={(e) => void onPickManifest(e)}
              {...control}
            />
          )}
        />
        <FormField
          {...bindField(form, 'endpoint')}
          type="url"
          inputMode="url"
          label="Messaging endpoint you expect (optional)"
          hint="Compared with the registered endpoint; it is not contacted."
        />
        <FormField
          {...bindField(form, 'callingWebhook')}
          type="url"
          inputMode="url"
          label="Calling webhook you expect (optional, calling bots only)"
          hint="Compared with the Teams channel's calling webhook; it is not contacted."
        />
        <button type="submit" className="button button--primary" disabled={running}>{running ? 'Checking…' : 'Check the registration'}</button>
      </form>
      <CliCommand
        command={registrationCommand({
          channel: values.channel.trim() !== '',
          ...(manifest ? { manifest: manifest.name } : {}),
          endpoint: values.endpoint,
          callingWebhook: values.callingWebhook,
        })}
      />
      <p className={styles.hint}>
        To run it, save the Azure Bot JSON as <code>{REGISTRATION_FILES.bot}</code>
        {values.channel.trim() ? <> and the Teams channel JSON as <code>{REGISTRATION_FILES.channel}</code></> : null} in the current folder.
      </p>
      {runError ? <p role="alert" className={styles.runError}>{runError}</p> : null}
      {addressNote ? <p className={styles.hint} data-address-note>{addressNote}</p> : null}
      <p role="status" className={styles.hint}>{running ? 'Checking the registration…' : report ? 'Registration checks finished.' : ''}</p>
      {report ? <ReportView report={report} heading="Registration report" focusOnChange /> : null}
    </div>
  );
}

/** Checks an Azure Bot registration from pasted `az bot show` JSON, inside the page. */
const RegistrationCheck = inBrowser(RegistrationForm, 'The registration check', 'botflow registration bot.json');
export default RegistrationCheck;
