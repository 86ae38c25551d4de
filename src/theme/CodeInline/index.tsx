import React from 'react';
import type { Props } from '@theme/CodeInline';
import CodeInline from '@theme-original/CodeInline';
import { breakableParts } from '../../utils/break-points';

/**
 * Wraps (does not eject) inline code: a long host, URL or identifier may wrap at its separators
 * (a <wbr> after `/`, `.` ..., which copies as nothing), so table columns never have to break a
 * word in the middle to fit.
 */
export default function CodeInlineWrapper({ children, ...props }: Props): React.JSX.Element {
  if (typeof children !== 'string' || children.length < 12) return <CodeInline {...props}>{children}</CodeInline>;
  const parts = breakableParts(children);
  return (
    <CodeInline {...props}>
      {parts.map((part, i) => (
        <React.Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </React.Fragment>
      ))}
    </CodeInline>
  );
}
