import React, { useEffect, useId, useRef } from 'react';
import Panzoom, { type PanzoomObject } from '@panzoom/panzoom';
import styles from './styles.module.css';

interface Props {
  /** The drawn diagram to show enlarged (it is copied, not moved). */
  svg: SVGSVGElement;
  title: string;
  onClose(): void;
}

const PAN_STEP = 60;

/** A copy of the diagram's markup with its ids renamed, so it does not clash with the original. */
function copyOf(svg: SVGSVGElement, suffix: string): { markup: string; width: number; height: number } {
  const box = svg.viewBox?.baseVal;
  const width = box && box.width > 0 ? box.width : svg.getBoundingClientRect().width;
  const height = box && box.height > 0 ? box.height : svg.getBoundingClientRect().height;
  const id = svg.id;
  const markup = id ? svg.outerHTML.split(id).join(`${id}-${suffix}`) : svg.outerHTML;
  return { markup, width, height };
}

/**
 * The diagram enlarged in a modal dialog, with pan and zoom: drag, wheel or pinch with a pointer;
 * + and - to zoom, the arrow keys to pan, 0 to fit, Escape to close with the keyboard; buttons
 * for each. Focus goes to the diagram and comes back to where it was when the dialog closes.
 */
export default function DiagramDialog({ svg, title, onClose }: Props): React.JSX.Element {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const viewport = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const panzoom = useRef<PanzoomObject | undefined>(undefined);
  const copy = useRef(copyOf(svg, id.replace(/[^a-zA-Z0-9_-]/g, '')));

  useEffect(() => {
    const d = dialog.current;
    const v = viewport.current;
    const s = stage.current;
    if (!d || !v || !s) return undefined;
    if (!d.open) d.showModal();
    const drawn = s.querySelector('svg');
    const { width, height } = copy.current;
    if (drawn) {
      drawn.removeAttribute('style');
      drawn.setAttribute('width', String(width));
      drawn.setAttribute('height', String(height));
    }
    // Start as wide as the dialog (at most 2.5 times the drawn size): that is what enlarging is
    // for. A diagram taller than the dialog starts at its top; the reader pans down.
    const scale = Math.min((v.clientWidth / width) * 0.96, 2.5);
    const overflow = scale * height - v.clientHeight;
    const startY = overflow > 0 ? (overflow / 2 + 8) / scale : 0;
    const pz = Panzoom(s, { startScale: scale, startY, minScale: scale / 6, maxScale: Math.max(scale * 6, 4), step: 0.25, canvas: true, cursor: 'grab' });
    panzoom.current = pz;
    const onWheel = (e: WheelEvent): void => { pz.zoomWithWheel(e); };
    v.addEventListener('wheel', onWheel, { passive: false });
    v.focus();
    return () => {
      v.removeEventListener('wheel', onWheel);
      pz.destroy();
    };
  }, []);

  const zoomIn = (): void => { panzoom.current?.zoomIn(); };
  const zoomOut = (): void => { panzoom.current?.zoomOut(); };
  const reset = (): void => { panzoom.current?.reset(); };
  const pan = (x: number, y: number): void => { panzoom.current?.pan(x, y, { relative: true }); };

  const onKeyDown = (e: React.KeyboardEvent): void => {
    const actions: Record<string, () => void> = {
      '+': zoomIn, '=': zoomIn, '-': zoomOut, _: zoomOut, '0': reset,
      ArrowLeft: () => pan(PAN_STEP, 0), ArrowRight: () => pan(-PAN_STEP, 0), ArrowUp: () => pan(0, PAN_STEP), ArrowDown: () => pan(0, -PAN_STEP),
    };
    const action = actions[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-help`}
      onClose={onClose}
      onCancel={() => undefined}
      data-diagram-dialog=""
    >
      <div className={styles.bar}>
        <h2 id={`${id}-title`} className={styles.title}>{title}</h2>
        <div className={styles.buttons} role="toolbar" aria-label="Zoom and close">
          <button type="button" className="button button--sm button--secondary" onClick={zoomIn} aria-label="Zoom in" data-zoom="in">+</button>
          <button type="button" className="button button--sm button--secondary" onClick={zoomOut} aria-label="Zoom out" data-zoom="out">−</button>
          <button type="button" className="button button--sm button--secondary" onClick={reset} data-zoom="fit">Reset</button>
          <button type="button" className="button button--sm button--primary" onClick={() => dialog.current?.close()} data-zoom="close">Close</button>
        </div>
      </div>
      <p id={`${id}-help`} className={styles.help}>
        Drag to move, scroll or pinch to zoom. Keyboard: + and − zoom, the arrow keys move, 0 goes back to the start, Esc closes.
      </p>
      <div
        ref={viewport}
        className={styles.viewport}
        tabIndex={0}
        role="group"
        aria-roledescription="zoomable diagram"
        aria-label={title}
        onKeyDown={onKeyDown}
        data-diagram-viewport=""
      >
        {/* The copy of an SVG Mermaid drew in this page from the site's own diagram source. */}
        <div ref={stage} className={styles.stage} dangerouslySetInnerHTML={{ __html: copy.current.markup }} />
      </div>
    </dialog>
  );
}
