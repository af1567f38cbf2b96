/**
 * 预警: what to act on first (open rectifications, leader warnings at a group's latest assessment, a tie of
 * the latest year), each badged by what it is now — a rectification by its status (逾期未整改 red, 待整改
 * orange), anything else by its severity; everything else — rectifications done, earlier warnings, notices
 * — collapsed under one button, muted (grey badges: history is not an alarm) and grouped by year when opened.
 */
import { useState } from 'react';
import { Badge, Button, Text } from '@fluentui/react-components';
import { SEVERITY, dateLabel, statusText, warningName } from '../i18n/domain';
import { PANE } from '../i18n/pane';
import { useI18n } from './context';
import type { PaneView, WarningLine } from './view/types';
import { SEVERITY_BADGE, STATUS_BADGE } from './look';
import type { SelectProps } from './bits';
import { CappedList, LocateButton } from './bits';

/** The badge of a warning: its status (a rectification) or its severity; grey and outlined when it is history. */
function WarningBadge({ w }: { w: WarningLine }) {
  const { tr } = useI18n();
  const text = w.code === 'RECTIFY' && w.status ? tr(PANE[`badge_${w.status}`]) : tr(SEVERITY[w.severity]);
  if (!w.open) {
    return (
      <Badge appearance="outline" color="informative" className="pga-badge" data-testid="warning-badge">
        {text}
      </Badge>
    );
  }
  const color = w.code === 'RECTIFY' && w.status ? STATUS_BADGE[w.status] : SEVERITY_BADGE[w.severity];
  return (
    <Badge appearance="filled" color={color} className="pga-badge" data-testid="warning-badge">
      {text}
    </Badge>
  );
}

export function WarningCard({ w, ...select }: { w: WarningLine } & SelectProps) {
  const { tr, lang } = useI18n();
  const dash = tr(PANE.none);
  return (
    <li className={w.open ? 'pga-card' : 'pga-card pga-card-past'} data-code={w.code} data-status={w.status ?? undefined} data-open={w.open}>
      <div className="pga-line">
        <WarningBadge w={w} />
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
          label={tr(PANE.openWarningsLabel, { open: open.length })}
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
          yearsOf(rest).map((year) => {
            const list = rest.filter((w) => w.year === year);
            const headingId = `pga-year-${year}`;
            return (
              <section key={year} aria-labelledby={headingId} data-year={year} className="pga-section">
                <h2 id={headingId} className="pga-h2">
                  {tr(PANE.warningsYear, { year, count: list.length })}
                </h2>
                <CappedList items={list} render={(w, i) => <WarningCard key={`${w.code}-${w.source}-${i}`} w={w} {...select} />} />
              </section>
            );
          })}
      </div>
    </div>
  );
}

/** The years the warnings concern, newest first. */
function yearsOf(ws: readonly WarningLine[]): number[] {
  return [...new Set(ws.map((w) => w.year))].sort((a, b) => b - a);
}
