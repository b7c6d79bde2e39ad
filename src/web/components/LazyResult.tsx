import type { ResultProps } from 'antd';
import { type ComponentType, lazy, Suspense } from 'react';

/** The same words and actions without the illustration: while loading, or when offline. */
function PlainResult({ title, subTitle, extra }: ResultProps) {
  return (
    <div role="status" style={{ padding: '48px 32px', textAlign: 'center' }}>
      <div style={{ fontSize: 24, marginBottom: 8 }}>{title}</div>
      <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 24 }}>{subTitle}</div>
      {extra}
    </div>
  );
}

// antd's Result carries its 403/404/500 illustrations (~11 KB gzipped). Error and status
// screens are rare, so it loads when one shows rather than with every page; a failed call is
// often a lost connection, so a chunk that cannot load falls back to the plain version.
const AntResult = lazy<ComponentType<ResultProps>>(() =>
  import('antd/es/result').then(
    (module): { default: ComponentType<ResultProps> } => module,
    () => ({ default: PlainResult }),
  ),
);

/** antd's Result, fetched on first use. */
export function Result(props: ResultProps) {
  return (
    <Suspense fallback={<PlainResult {...props} />}>
      <AntResult {...props} />
    </Suspense>
  );
}
