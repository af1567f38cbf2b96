/** In preview, the sample workbook's side of things: the selected cell and its row, as Excel would show them. */
import { useSyncExternalStore } from 'react';
import { Text } from '@fluentui/react-components';
import type { MemoryHost } from '../../hosts/memory/host';
import { PANE } from '../../i18n/pane';
import { useI18n } from './context';

export function PreviewWorkbook({ host }: { host: MemoryHost }) {
  const { tr } = useI18n();
  const version = useSyncExternalStore(
    (fn) => host.subscribe(fn),
    () => host.version,
  );
  const sel = host.selection;
  const row = sel ? host.snapshot().sheets.find((s) => s.name === sel.sheet)?.values[sel.row] ?? [] : [];
  const values = row
    .map((v) => (v === null ? '' : typeof v === 'object' ? ('error' in v ? v.error : v.formula) : String(v)))
    .filter((v) => v !== '')
    .slice(0, 8);
  return (
    <aside className="pga-preview" aria-live="polite" aria-label={tr(PANE.previewTitle)} data-version={version}>
      {sel ? (
        <>
          <Text weight="semibold" block data-testid="preview-selection">
            {tr(PANE.previewSelected, { cell: sel.address })}
          </Text>
          <Text size={200} block>
            {tr(PANE.previewRow, { values: values.join(' | ') })}
          </Text>
        </>
      ) : (
        <Text size={200} block>
          {tr(PANE.previewNothingSelected)}
        </Text>
      )}
    </aside>
  );
}
