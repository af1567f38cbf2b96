/**
 * 概览: what needs action first — open rectifications (逾期未整改 with its days, 整改未见效, 待整改), each
 * with its people, grade, deadline, items that lost most and where its record is — then the latest
 * half-year of every Party group (total, grade, change, why), the data issues to fix, and the chart.
 * A Party group's name opens its history.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { Badge, Button, Spinner, Text } from '@fluentui/react-components';
import { BAND, WARNING_STATUS } from '../i18n/domain';
import { PANE } from '../i18n/pane';
import { useI18n } from './context';
import type { HalfLine, IssueLine, OpenRectification, PaneView } from './view/types';
import { BandBadge, CappedList, LocateButton, Section, WhyList, changeText } from './bits';
import type { SelectProps } from './bits';
import { GroupHistoryView } from './GroupHistory';

/** The chart's chunk (also prefetched: PANE_CHUNKS in ./App). */
export const loadChart = () => import(/* webpackChunkName: "chart" */ './Chart');
const Chart = lazy(loadChart);

/** Issues shown before "show all". */
const ISSUES_SHOWN = 5;

function OpenCard({ item, ...select }: { item: OpenRectification } & SelectProps) {
  const { tr } = useI18n();
  const sep = tr({ zh: '、', en: ', ' });
  const urgency =
    item.overdueDays !== null
      ? tr(PANE.overdueDays, { days: item.overdueDays })
      : item.daysLeft !== null
        ? item.daysLeft === 0
          ? tr(PANE.dueToday)
          : tr(PANE.daysLeft, { days: item.daysLeft })
        : null;
  return (
    <li className="pga-card" data-status={item.status} data-testid="open-rectification">
      <div className="pga-line">
        <Badge appearance="filled" color={item.status === 'open' ? 'warning' : 'danger'} className="pga-badge">
          {tr(WARNING_STATUS[item.status])}
        </Badge>
        {urgency && <strong data-testid="urgency">{urgency}</strong>}
      </div>
      <h3 className="pga-h3">{item.group}</h3>
      <div className="pga-line">
        <span>{item.period}</span>
        <BandBadge band={item.band} />
        {item.total !== null && <span>{tr(PANE.totalPoints, { total: item.total })}</span>}
      </div>
      <dl className="pga-facts">
        <dt>{tr(PANE.deadline)}</dt>
        <dd>{item.deadline ?? tr(PANE.none)}</dd>
        <dt>{tr(PANE.leader)}</dt>
        <dd>{item.leader || tr(PANE.none)}</dd>
        <dt>{tr(PANE.liaison)}</dt>
        <dd>{item.liaison || tr(PANE.none)}</dd>
        {item.veto && (
          <>
            <dt>{tr(PANE.vetoed)}</dt>
            <dd>{item.veto}</dd>
          </>
        )}
        <dt>{tr(PANE.focus)}</dt>
        <dd>{item.focus.length ? item.focus.join(sep) : tr(PANE.none)}</dd>
      </dl>
      <LocateButton place={item.place} group={item.group} {...select} />
    </li>
  );
}

function GroupRow({ line, onOpen }: { line: HalfLine; onOpen: (key: string) => void }) {
  const { tr } = useI18n();
  return (
    <li className="pga-group-row" data-group={line.group}>
      <Button
        appearance="transparent"
        className="pga-group-button"
        onClick={() => onOpen(line.key)}
        aria-label={tr(PANE.historyOpen, { group: line.group })}
        data-history={line.key}
      >
        {line.group}
      </Button>
      <div className="pga-line">
        {line.total !== null && <span data-testid="total">{tr(PANE.totalPoints, { total: line.total })}</span>}
        <BandBadge band={line.band} />
        {line.band === null && <span>{tr(PANE.noBand)}</span>}
        {line.band !== null && <span className="pga-muted">{changeText(line, tr)}</span>}
      </div>
      <WhyList items={line.why} />
    </li>
  );
}

function IssuesSection({ issues, canSelect, onSelect }: { issues: IssueLine[] } & SelectProps) {
  const { tr } = useI18n();
  const shown = issues.slice(0, ISSUES_SHOWN);
  const rest = issues.slice(ISSUES_SHOWN);
  const item = (issue: IssueLine, i: number) => (
    <li key={`${issue.cell}-${issue.code}-${i}`} className="pga-group-row" data-code={issue.code}>
      {canSelect ? (
        <Button
          size="small"
          appearance="transparent"
          className="pga-group-button"
          onClick={() => onSelect(issue.cell)}
          aria-label={tr(PANE.goToCell, { cell: issue.cellText })}
        >
          {issue.cellText}
        </Button>
      ) : (
        <strong>{issue.cellText}</strong>
      )}
      <p className="pga-message">{issue.message}</p>
      {issue.value !== '' && <p className="pga-message pga-muted">{`${tr(PANE.value)}${tr({ zh: '：', en: ': ' })}${issue.value}`}</p>}
    </li>
  );
  return (
    <Section id="pga-issues-title" title={tr(PANE.issuesTitle, { count: issues.length })} level={2} testId="issues">
      <p className="pga-message">{tr(PANE.issuesIntro)}</p>
      <ul className="pga-list">{shown.map(item)}</ul>
      {rest.length > 0 && (
        <details>
          <summary>{tr(PANE.issuesShowAll, { count: issues.length })}</summary>
          <ul className="pga-list">{rest.map((x, i) => item(x, i + ISSUES_SHOWN))}</ul>
        </details>
      )}
    </Section>
  );
}

export interface SummaryProps extends SelectProps {
  view: PaneView | null;
  /** The workbook has no score table (the template is the way in). */
  noTable: boolean;
  history: string | null;
  onOpenHistory: (key: string) => void;
  onCloseHistory: () => void;
}

export function SummaryPanel({ view, noTable, history, onOpenHistory, onCloseHistory, ...select }: SummaryProps) {
  const { tr } = useI18n();
  // Back from a history, focus returns to the group's name.
  const lastOpened = useRef<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (history) lastOpened.current = history;
    else if (lastOpened.current && listRef.current) {
      const key = lastOpened.current;
      lastOpened.current = null;
      const button = Array.from(listRef.current.querySelectorAll<HTMLElement>('[data-history]')).find((b) => b.dataset.history === key);
      button?.focus();
    }
  }, [history]);

  if (!view) return <Text>{tr(noTable ? PANE.noTableText : PANE.noResults)}</Text>;
  if (history && view.histories[history]) {
    return <GroupHistoryView history={view.histories[history]} onBack={onCloseHistory} {...select} />;
  }
  if (view.graded === 0) {
    // Nothing graded yet: one empty state, not "no rectification open" (which reads as all clear); the data
    // issues, when there are any, say why rows could not be graded.
    return (
      <div className="pga-stack">
        <p className="pga-message" data-testid="no-scores">
          {tr(PANE.noScores)}
        </p>
        {view.issues.length > 0 && <IssuesSection issues={view.issues} {...select} />}
      </div>
    );
  }
  const latest = view.latest;
  return (
    <div className="pga-stack" ref={listRef}>
      <Section id="pga-open-title" title={tr(PANE.openTitle, { count: view.openRectifications.length })} level={2} testId="open-rectifications">
        {view.openRectifications.length ? (
          <CappedList
            items={view.openRectifications}
            render={(item) => <OpenCard key={`${item.place.address}-${item.status}`} item={item} {...select} />}
          />
        ) : (
          <p className="pga-message">{tr(PANE.openNone)}</p>
        )}
        {view.openLeaderWarnings > 0 && <p className="pga-message">{tr(PANE.leaderMore, { count: view.openLeaderWarnings })}</p>}
      </Section>

      {latest && (
        <Section id="pga-latest-title" title={tr(PANE.latestTitle, { period: latest.label })} level={2} testId="latest">
          <ul className="pga-counts" aria-label={tr(PANE.bandCounts)}>
            {latest.counts.map((c) => (
              <li key={c.band} data-band={c.band}>
                {tr(BAND[c.band])} <strong data-testid={`count-${c.band}`}>{c.count}</strong>
              </li>
            ))}
            {latest.ungraded > 0 && (
              <li>
                {tr(PANE.noBand)} <strong data-testid="count-none">{latest.ungraded}</strong>
              </li>
            )}
          </ul>
          <CappedList
            className="pga-list pga-flush"
            items={latest.groups}
            render={(line) => <GroupRow key={`${line.key}-${line.place.address}`} line={line} onOpen={onOpenHistory} />}
          />
        </Section>
      )}

      {view.issues.length > 0 && <IssuesSection issues={view.issues} {...select} />}

      <Suspense fallback={<Spinner size="tiny" label={tr(PANE.loading)} />}>
        <Chart data={view.chart} />
      </Suspense>
    </div>
  );
}
