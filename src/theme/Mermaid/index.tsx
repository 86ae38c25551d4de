import React, { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Props } from '@theme/Mermaid';
import Mermaid from '@theme-original/Mermaid';
import DiagramDialog from '@site/src/components/DiagramDialog';
import { diagramKey, placeholderStyle, type DiagramSize } from '@site/src/utils/diagram-key';
import sizes from './diagram-sizes.json';

const SIZES: Readonly<Record<string, DiagramSize>> = sizes;

/**
 * Wraps (does not eject) the theme's Mermaid component.
 *
 * - Mermaid draws only in the browser, a moment after the text (seconds on a cold development
 *   server). Until then the figure holds a placeholder of the diagram's final size, looked up by
 *   the diagram's key in diagram-sizes.json (the browser tests keep that file true), so the page
 *   does not jump when the diagram appears.
 * - A drawn diagram opens enlarged in a dialog with pan and zoom, by click or by its button.
 * - Every diagram is marked with `data-mermaid-block` (rendered at build time too), so the
 *   browser tests can require an <svg> inside each one, even when one fails to parse.
 */
export default function MermaidWrapper(props: Props): ReactNode {
  const key = diagramKey(props.value);
  const frame = useRef<HTMLDivElement>(null);
  const [svg, setSvg] = useState<SVGSVGElement | undefined>(undefined);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const el = frame.current;
    if (!el) return undefined;
    const find = (): boolean => {
      const drawn = el.querySelector<SVGSVGElement>('.docusaurus-mermaid-container > svg');
      if (drawn) setSvg(drawn);
      return Boolean(drawn);
    };
    if (find()) return undefined;
    const observer = new MutationObserver(() => { if (find()) observer.disconnect(); });
    observer.observe(el, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [props.value]);

  const title = svg?.querySelector('title')?.textContent?.trim() || 'Diagram';
  return (
    <figure data-mermaid-block="" data-diagram-key={key} data-drawn={svg ? 'true' : 'false'} className="mermaid-figure">
      <div
        ref={frame}
        className="mermaid-frame"
        style={svg ? undefined : placeholderStyle(SIZES[key])}
        onClick={() => { if (svg) setOpen(true); }}
      >
        <Mermaid {...props} />
        {svg ? null : <div className="mermaid-placeholder" aria-hidden="true">Drawing the diagram…</div>}
      </div>
      <div className="mermaid-tools">
        <button type="button" className="mermaid-enlarge" onClick={() => setOpen(true)} disabled={!svg} data-enlarge-diagram="">
          Enlarge diagram<span className="sr-only">: {title}</span>
        </button>
      </div>
      {open && svg ? <DiagramDialog svg={svg} title={title} onClose={() => setOpen(false)} /> : null}
    </figure>
  );
}
