import React, { useEffect, useState } from 'react';
import { useLocation } from '@docusaurus/router';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { cssString } from '../../../checks/report/html';
import styles from './styles.module.css';

interface Stamp {
  title: string;
  url: string;
  printed: string;
}

/** "2026-06-01 12:00 UTC" */
function minute(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * What a printed page carries on paper: the page title, its address, when it was printed and
 * the tool version, at the top of the first page and in the page margins of every page (with
 * page numbers). Kept current in the page (it cannot be known at build time) and refreshed just
 * before printing.
 */
export default function PrintStamp(): React.JSX.Element | null {
  const { siteConfig } = useDocusaurusContext();
  const version = String(siteConfig.customFields?.toolVersion ?? '');
  const { pathname, search } = useLocation();
  const [stamp, setStamp] = useState<Stamp | undefined>(undefined);

  useEffect(() => {
    const update = (): void => setStamp({ title: document.title, url: window.location.href, printed: minute(new Date()) });
    update();
    // The title is set after the page renders (Head); take it again once it has settled.
    const later = window.setTimeout(update, 400);
    const print = window.matchMedia('print');
    window.addEventListener('beforeprint', update);
    print.addEventListener('change', update);
    return () => {
      window.clearTimeout(later);
      window.removeEventListener('beforeprint', update);
      print.removeEventListener('change', update);
    };
  }, [pathname, search]);

  if (!stamp) return null;
  const tool = `${siteConfig.title}, botflow ${version}`;
  const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  // The margins of every page: title at the top, the address (the whole of it is on page 1)
  // bottom left, version, date and page number bottom right.
  const font = 'font: 8pt system-ui, sans-serif; color: #333;';
  const css = `@page {
  @top-left { content: ${cssString(cut(stamp.title, 100))}; ${font} }
  @bottom-left { content: ${cssString(cut(stamp.url, 70))}; ${font} }
  @bottom-right { content: ${cssString(`${tool} · printed ${stamp.printed} · page `)} counter(page) " of " counter(pages); ${font} }
}`;
  return (
    <>
      <style data-print-stamp-style="">{css}</style>
      <div className={styles.stamp} data-print-stamp="">
        <strong>{stamp.title}</strong>
        <span>{stamp.url}</span>
        <span>Printed {stamp.printed} · {tool}</span>
      </div>
    </>
  );
}
