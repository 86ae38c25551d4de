import React, { useId, useReducer, useRef, useState } from 'react';
import clsx from 'clsx';
import type { Report } from '../../../checks/core/types';
import CliCommand from '../CliCommand';
import { inBrowser } from '../InBrowser';
import FormField, { FieldFrame } from '../FormField';
import ReportView from '../ReportView';
import RunProgress from '../RunProgress';
import { useUrlInputs } from '../UrlInputs/useUrlInputs';
import { manifestCommand } from '../../utils/cli-command';
import { MAX_PICKED_FILE_BYTES, readPickedFile } from '../../utils/download';
import { EXAMPLE_MANIFEST, EXAMPLE_MANIFEST_NAME, pretty } from '../../utils/examples';
import { URL_PARAMS } from '../../utils/url-inputs';
import { loadBrowserEngine } from '../../utils/load-engine';
import { IDLE, reduceProgress } from '../../utils/run-progress';
import { isGuid, manifestFileError } from '../../utils/widget-inputs';
import styles from '../widgets.module.css';

function ManifestForm(): React.JSX.Element {
  const id = useId();
  const { initial, record } = useUrlInputs(URL_PARAMS.manifest);
  const [fileName, setFileName] = useState<string | undefined>(undefined);
  const [appId, setAppId] = useState(initial.appId ?? '');
  const [error, setError] = useState('');
  const [appIdError, setAppIdError] = useState('');
  const [dragging, setDragging] = useState(false);
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<Report | undefined>(undefined);
  const [progress, dispatch] = useReducer(reduceProgress, IDLE);
  const fileRef = useRef<HTMLInputElement>(null);
  const appIdRef = useRef<HTMLInputElement>(null);

  const run = async (file: File): Promise<void> => {
    setError('');
    setAppIdError('');
    setFileName(file.name);
    const problem = manifestFileError(file.name, file.size, MAX_PICKED_FILE_BYTES);
    if (problem) {
      setError(problem);
      fileRef.current?.focus();
      return;
    }
    const expected = appId.trim();
    if (expected && !isGuid(expected)) {
      setAppIdError('The expected app ID is a GUID like 00000000-0000-0000-0000-000000000000; leave it empty if you do not know it.');
      appIdRef.current?.focus();
      return;
    }
    record({ appId: expected });
    setRunning(true);
    setReport(undefined);
    dispatch({ type: 'reset' });
    try {
      const [engine, bytes] = await Promise.all([loadBrowserEngine(), readPickedFile(file, 'bytes')]);
      // In the page: the runner reads the bytes here; no request is made with them.
      const result = await engine.runChecks({
        suite: engine.manifestSuite,
        environment: 'browser',
        input: { manifestBytes: bytes as Uint8Array, manifestName: file.name, ...(expected ? { appId: expected } : {}) },
        onEvent: dispatch,
      });
      setReport(result);
    } catch (err) {
      setError(`The package could not be checked: ${(err as Error).message}`);
    } finally {
      setRunning(false);
    }
  };

  const onDrop = (event: React.DragEvent): void => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files?.[0];
    if (file) void run(file);
  };

  return (
    <div className={styles.widget} data-widget="manifest-check">
      <p className={styles.private} data-runs-in-browser>
        <strong>Runs entirely in your browser.</strong> The file is read inside this page and checked here, offline
        against the bundled official schemas; it is never uploaded and never leaves your machine.
      </p>
      <div className={styles.actions}>
        <button
          type="button"
          className="button button--sm button--secondary"
          onClick={() => void run(new File([pretty(EXAMPLE_MANIFEST)], EXAMPLE_MANIFEST_NAME, { type: 'application/json' }))}
          disabled={running}
          data-load-example
        >
          Load example
        </button>
        <span className={styles.hint}>A made-up manifest.json (v1.24) of a bot for personal chats, group chats and teams.</span>
      </div>
      <FormField
        ref={appIdRef}
        id={`${id}-app`}
        name="appId"
        label="Expected Microsoft App ID (optional)"
        placeholder="00000000-0000-0000-0000-000000000000"
        hint="Set it before choosing the file to compare bots[].botId with it."
        value={appId}
        onChange={setAppId}
        error={appIdError}
      />
      <div
        className={clsx(styles.dropzone, dragging && styles.dropzoneActive)}
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-dropzone
      >
        <FieldFrame
          id={`${id}-file`}
          name="file"
          label="Choose manifest.json or the app package (.zip)"
          hint="…or drag and drop the file here. The check starts as soon as a file is chosen."
          error={error}
          errorRole="alert"
          plain
          control={(control) => (
            <input
              ref={fileRef}
              type="file"
              accept=".json,.zip,application/json,application/zip"
              onChange={(e) => { const f = e.currentTarget.files?.[0]; e.currentTarget.value = ''; if (f) void run(f); }}
              disabled={running}
              {...control}
            />
          )}
        />
      </div>
      <CliCommand command={manifestCommand(fileName, appId.trim() && isGuid(appId) ? appId : undefined)} />
      <RunProgress progress={progress} />
      {report ? <ReportView report={report} heading="Manifest report" focusOnChange /> : null}
    </div>
  );
}

/** Checks a Teams app manifest or package inside the page (nothing is uploaded). */
const ManifestCheck = inBrowser(ManifestForm, 'The manifest check', 'botflow manifest appPackage.zip');
export default ManifestCheck;
