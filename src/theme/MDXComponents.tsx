import MDXComponents from '@theme-original/MDXComponents';
import ScrollTable from '@site/src/components/ScrollTable';

/**
 * Markdown tables render through ScrollTable: words never break inside a cell, and a table
 * wider than the page scrolls in its own frame (which says so) instead of the page.
 */
export default {
  ...MDXComponents,
  table: ScrollTable,
};
