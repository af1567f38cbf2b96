/**
 * In preview, the sample workbook's side of things, in a strip at the bottom (so nothing above the
 * pane's actions arrives late): that this is the preview, the selected cell and its row, as Excel would
 * show them.
 */
import { useSyncExternalStore } from 'react';
import type { MemoryHost } from '../hosts/memory/host';
import { PANE } from '../i18n/pane';
import { useI18n } from '../ui/context';
import { cellMsg } from '../i18n/words';

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
    <aside className="pga-preview" aria-label={tr(PANE.previewTitle)} data-version={version}>
      <p className="pga-message" data-testid="banner-preview">
        <span className="pga-status-title">{tr(PANE.previewTitle)}</span>
        {tr(PANE.previewText)}
      </p>
      <div aria-live="polite">
        {sel ? (
          <>
            <p className="pga-message" data-testid="preview-selection">
              <strong>{tr(PANE.previewSelected, { cell: cellMsg(sel.address) })}</strong>
            </p>
            <p className="pga-message">{tr(PANE.previewRow, { values: values.join(' | ') })}</p>
          </>
        ) : (
          <p className="pga-message pga-muted">{tr(PANE.previewNothingSelected)}</p>
        )}
      </div>
    </aside>
  );
}
