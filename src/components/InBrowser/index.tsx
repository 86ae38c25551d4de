import React from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';

/**
 * A widget that runs in the reader's browser: its form is rendered there only, and before that (or
 * without JavaScript) a line says so and names the CLI command that does the same.
 * `what` names what runs ("The manifest check"); `command` is that CLI command.
 */
export function inBrowser(Form: React.ComponentType, what: string, command: string): () => React.JSX.Element {
  function InBrowser(): React.JSX.Element {
    return (
      <BrowserOnly fallback={<p>{what} runs in your browser and needs JavaScript. Run <code>{command}</code> instead.</p>}>
        {() => <Form />}
      </BrowserOnly>
    );
  }
  InBrowser.displayName = `InBrowser(${Form.displayName ?? Form.name})`;
  return InBrowser;
}
