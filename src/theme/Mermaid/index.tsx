import type { ReactNode } from 'react';
import type { Props } from '@theme/Mermaid';
import Mermaid from '@theme-original/Mermaid';

/**
 * Wraps (does not eject) the theme's Mermaid component.
 *
 * Mermaid renders only in the browser, so a diagram that fails to parse leaves no trace in the
 * static HTML. This wrapper is rendered at build time too: it marks every diagram with
 * `data-mermaid-block`, so the browser tests can require an <svg> inside each one.
 */
export default function MermaidWrapper(props: Props): ReactNode {
  return (
    <figure data-mermaid-block="" className="mermaid-figure">
      <Mermaid {...props} />
    </figure>
  );
}
