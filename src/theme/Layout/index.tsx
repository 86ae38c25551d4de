import React, { type ReactNode } from 'react';
import type { Props } from '@theme/Layout';
import Layout from '@theme-original/Layout';
import PrintStamp from '@site/src/components/PrintStamp';

/**
 * Wraps (does not eject) the page layout to add the print stamp (page title, address, date and
 * tool version) that every printed page carries.
 */
export default function LayoutWrapper(props: Props): ReactNode {
  return (
    <>
      <PrintStamp />
      <Layout {...props} />
    </>
  );
}
