/** 预警: warnings grouped by severity (serious first), each with its people, deadline, status and a way to its row. */
import { Badge, Button, Text } from '@fluentui/react-components';
import { SEVERITY, WARNING_NAME, dateLabel, periodLabel, statusText } from '../../i18n/domain';
import { PANE } from '../../i18n/pane';
import { rowOf, useI18n } from './context';
import type { PaneView } from './engine';
import { SEVERITY_BADGE, SEVERITY_ORDER } from './look';

export interface SelectProps {
  onSelect: (address: string) => void;
}

export function WarningsPanel({ view, onSelect }: { view: PaneView | null } & SelectProps) {
  const { tr, lang } = useI18n();
  if (!view) return <Text>{tr(PANE.noResults)}</Text>;
  if (view.warnings.length === 0) return <Text>{tr(PANE.noWarnings)}</Text>;
  const dash = tr(PANE.none);
  return (
    <div className="pga-stack">
      {SEVERITY_ORDER.map((sev) => {
        const list = view.warnings.filter((w) => w.severity === sev);
        if (!list.length) return null;
        const headingId = `pga-sev-${sev}`;
        return (
          <section key={sev} aria-labelledby={headingId} data-severity={sev}>
            <h2 id={headingId} className="pga-h3">
              {tr(PANE.warningsCount, { severity: tr(SEVERITY[sev]), count: list.length })}
            </h2>
            <ul className="pga-list">
              {list.map((w, i) => {
                const period = w.half ? periodLabel(lang, { year: w.year, half: w.half }) : String(w.year);
                return (
                  <li key={`${w.code}-${w.source}-${i}`} className="pga-item" data-code={w.code}>
                    <div className="pga-item-head">
                      <Badge appearance="filled" color={SEVERITY_BADGE[w.severity]}>
                        {tr(SEVERITY[w.severity])}
                      </Badge>
                      <Text weight="semibold">{tr(WARNING_NAME[w.code])}</Text>
                      <Text size={200}>{period}</Text>
                    </div>
                    <Text as="p" size={200} className="pga-message">
                      {w.message}
                    </Text>
                    <dl className="pga-facts">
                      <dt>{tr(PANE.group)}</dt>
                      <dd>{w.group || dash}</dd>
                      <dt>{tr(PANE.leader)}</dt>
                      <dd>{w.leader || dash}</dd>
                      <dt>{tr(PANE.liaison)}</dt>
                      <dd>{w.liaison || dash}</dd>
                      <dt>{tr(PANE.deadline)}</dt>
                      <dd>{w.deadline ? dateLabel(lang, w.deadline) : dash}</dd>
                      <dt>{tr(PANE.status)}</dt>
                      <dd>{w.status ? statusText(lang, w.status, w.resolvedBy) : dash}</dd>
                    </dl>
                    <Button
                      size="small"
                      appearance="secondary"
                      onClick={() => onSelect(w.source)}
                      aria-label={tr(PANE.goToRowLabel, { row: rowOf(w.source), cell: w.source, group: w.group })}
                    >
                      {tr(PANE.goToRow, { row: rowOf(w.source) })}
                    </Button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
