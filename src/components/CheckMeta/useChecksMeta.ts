import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { catalogueFromCustomFields, type CatalogueEntry } from '../../utils/catalogue';

/** The check catalogue that docusaurus.config.ts put into `customFields.checks` at build time. */
export function useChecksMeta(): readonly CatalogueEntry[] {
  const { siteConfig } = useDocusaurusContext();
  return catalogueFromCustomFields(siteConfig.customFields);
}
