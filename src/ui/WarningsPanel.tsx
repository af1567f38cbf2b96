/**
 * 预警: what to act on first (open rectifications, leader warnings at a group's latest assessment, a tie of
 * the latest year), counted open/total; everything else — rectifications done, earlier warnings, notices
 * — collapsed under one button, grouped by severity when opened.
 */
import { useState } from 'react';
import { Badge, Button, Text } from '@fluentui/react-components';
import { SEVERITY, dateLabel, statusText, warningName } from '../i18n/domain';
import { PANE } from '../i18n/pane';
import { useI18n } from './context';
import type { PaneView, WarningLine } from './view/types';
import { SEVERITY_BADGE, SEVERITY_ORDER } from './look';
import type { SelectProps } from './bits';
import { CappedList, LocateButton } from './bits';

export function WarningCard({ w, ...select }: { w: WarningLine } & SelectProps) {
  const { tr, lang } = useI18n();
  const dash = tr(PANE.none);
  return (
    <li className="pga-card" data-code={w.code} data-status={w.status ?? undefined} data-open={w.open}>
      <div className="pga-line">
        <Badge appearance="filled" color={SEVERITY_BADGE[w.severity]} className="pga-badge">
          {tr(SEVERITY[w.severity])}
        </Badge>
        <strong>{warningName(lang, w)}</strong>
        <span>{w.periodText}</span>
      </div>
      <p className="pga-message">{w.message}</p>
      <dl className="pga-facts">
        <dt>{tr(PANE.group)}</dt>
        <dd>{w.group || dash}</dd>
        <dt>{tr(PANE.leader)}</dt>
        <dd>{w.leader || dash}</dd>
        <dt>{tr(PANE.liaison)}</dt>
        <dd>{w.liaison || dash}</dd>
        {w.code === 'RECTIFY' && (
          <>
            <dt>{tr(PANE.deadline)}</dt>
            <dd>{w.deadline ? dateLabel(lang, w.deadline) : dash}</dd>
            <dt>{tr(PANE.status)}</dt>
            <dd>
              {w.status ? statusText(lang, w.status, w) : dash}
              {w.overdueDays !== null ? tr({ zh: '（{text}）', en: ' ({text})' }, { text: tr(PANE.overdueDays, { days: w.overdueDays }) }) : ''}
            </dd>
          </>
        )}
      </dl>
      <LocateButton place={w.place} group={w.group} {...select} />
    </li>
  );
}

export function WarningsPanel({ view, ...select }: { view: PaneView | null } & SelectProps) {
  const { tr } = useI18n();
  const [showHistory, setShowHistory] = useState(false);
  if (!view) return <Text>{tr(PANE.noResults)}</Text>;
  if (view.graded === 0) return <Text data-testid="no-scores">{tr(PANE.noScores)}</Text>;
  if (view.warnings.length === 0) return <Text>{tr(PANE.noWarnings)}</Text>;
  const open = view.warnings.filter((w) => w.open);
  const rest = view.warnings.filter((w) => !w.open);
  return (
    <div className="pga-stack">
      <p className="pga-message" data-testid="warnings-summary">
        {tr(PANE.warningsSummary, { open: open.length, total: view.warnings.length })}
      </p>
      {open.length ? (
        <CappedList
          items={open}
          label={tr(PANE.tabWarningsLabel, { open: open.length, total: view.warnings.length })}
          testId="open-warnings"
          render={(w, i) => <WarningCard key={`${w.code}-${w.source}-${i}`} w={w} {...select} />}
        />
      ) : (
        <p className="pga-message">{tr(PANE.warningsOpenNone)}</p>
      )}
      {rest.length > 0 && (
        <Button
          appearance="secondary"
          className="pga-disclosure"
          aria-expanded={showHistory}
          aria-controls="pga-warning-history"
          onClick={() => setShowHistory(!showHistory)}
        >
          {`${showHistory ? '▾' : '▸'} ${tr(PANE.warningsHistory, { count: rest.length })}`}
        </Button>
      )}
      <div id="pga-warning-history" hidden={!showHistory} className="pga-stack">
        {showHistory &&
          SEVERITY_ORDER.map((sev) => {
            const list = rest.filter((w) => w.severity === sev);
            if (!list.length) return null;
            const headingId = `pga-sev-${sev}`;
            return (
              <section key={sev} aria-labelledby={headingId} data-severity={sev} className="pga-section">
                <h2 id={headingId} className="pga-h2">
                  {tr(PANE.warningsCount, { severity: tr(SEVERITY[sev]), count: list.length })}
                </h2>
                <CappedList items={list} render={(w, i) => <WarningCard key={`${w.code}-${w.source}-${i}`} w={w} {...select} />} />
              </section>
            );
          })}
      </div>
    </div>
  );
}
