import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import styles from './index.module.css';

/**
 * Entry points, one per audience. Targets live here, in one list, so they are easy to
 * retarget when a dedicated page lands (for example the data-residency page).
 */
interface AudienceEntry {
  /** Stable id, used for the heading anchor. */
  id: string;
  audience: string;
  title: string;
  summary: string;
  cta: string;
  to: string;
}

const AUDIENCE_ENTRIES: readonly AudienceEntry[] = [
  {
    id: 'architects',
    audience: 'Architects',
    title: 'The reference design',
    summary:
      'The six elements between a Teams user and your bot, in one diagram, each with its public Microsoft source.',
    cta: 'Read the architecture',
    to: '/docs/architecture',
  },
  {
    id: 'compliance',
    audience: 'Compliance officers',
    title: 'Data in transit and at rest',
    summary:
      'Where Teams messages travel on their way to your bot, what Azure Bot Service stores, and what stays in your own hosting.',
    cta: 'See where data goes',
    to: '/docs/data-residency',
  },
  {
    id: 'engineers',
    audience: 'Engineers',
    title: 'Self-checks and CLI',
    summary:
      'Check your own bot: endpoint, TLS, authentication, manifest and registration, from this site or with botflow.',
    cta: 'Run the self-checks',
    to: '/docs/self-checks',
  },
];

export default function Home(): ReactNode {
  return (
    <Layout
      title="How Microsoft Teams talks to your bot"
      description="Reference design for Microsoft Teams bots: the data flow hop by hop, where data travels and rests, and self-checks for your own bot."
    >
      <header className={styles.hero}>
        <div className="container">
          <Heading as="h1" className={styles.title}>
            Teams Bot Flow
          </Heading>
          <p className={styles.lead}>
            How traffic flows between Microsoft Teams and a bot, every claim linked to its public
            source, with live checks you can run against your own bot.
          </p>
        </div>
      </header>
      <main className={styles.audiences}>
        <div className="container">
          <ul className={styles.audienceList}>
            {AUDIENCE_ENTRIES.map((entry) => (
              <li key={entry.id}>
                <section className={styles.card} aria-labelledby={`audience-${entry.id}`}>
                  <p className={styles.audience}>{entry.audience}</p>
                  <Heading as="h2" id={`audience-${entry.id}`}>
                    {entry.title}
                  </Heading>
                  <p>{entry.summary}</p>
                  <Link className="button button--primary" to={entry.to}>
                    {entry.cta}
                  </Link>
                </section>
              </li>
            ))}
          </ul>
        </div>
      </main>
    </Layout>
  );
}
