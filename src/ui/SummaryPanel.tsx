/**
 * 概览: the report paragraph's first sentence (who was assessed, how many per grade), then what needs
 * action — open rectifications (逾期未整改 with its days, 整改未见效, 待整改), each with its people, grade,
 * deadline, items that lost most and where its record is — then 与上次相比 (what the last run changed; a
 * section that stays), the latest half-year of every Party group (total, grade, change, why), the data
 * issues to fix, and the chart. A Party group's name is a link to its history. Above every tab, under the
 * tabs: the summary strip (SummaryStrip).
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { Badge, Link, Spinner, Text } from '@fluentui/react-components';
import { BAND } from '../i18n/domain';
import { PANE } from '../i18n/pane';
import { useI18n } from './context';
import type { ComparisonText } from './view/compare';
import type { HalfLine, IssueLine, OpenRectification, PaneView } from './view/types';
import { STATUS_BADGE } from './look';
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
        <Badge appearance="filled" color={STATUS_BADGE[item.status]} className="pga-badge">
          {tr(PANE[`badge_${item.status}`])}
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

/**
 * Under the tabs: 未完成整改1（逾期1）· 优秀1 合格3 基本合格1 不合格0 — the open rectifications and the
 * latest half-year's grades, so the answers are on the first screen whatever the tab. Below ~240 px (200 % zoom)
 * 概览 goes without it (`onSummary`): its own first lines say the same (未完成整改（1）, each card's 逾期, the
 * latest half-year's counts), and the first card then starts within the first screen.
 */
export function SummaryStrip({ view, onSummary }: { view: PaneView; onSummary: boolean }) {
  const { tr } = useI18n();
  const open = view.openRectifications.length;
  const overdue = view.openRectifications.filter((o) => o.status === 'overdue').length;
  return (
    <div className={onSummary ? 'pga-strip pga-strip-summary' : 'pga-strip'} role="group" aria-label={tr(PANE.stripLabel)} data-testid="summary-strip">
      <span>
        <span className="pga-strip-open" data-overdue={overdue > 0 || undefined} data-testid="strip-open">
          {tr(PANE.stripOpen, { count: open })}
          {overdue > 0 && tr(PANE.stripOverdue, { count: overdue })}
        </span>
        {/* The dot stays with what it follows (a wrapped line never starts with it). */}
        {view.latest && (
          <span aria-hidden="true" className="pga-strip-dot">
            ·
          </span>
        )}
      </span>
      {view.latest && (
        <>
          {view.latest.counts.map((c) => (
            <span key={c.band} className="pga-strip-band" data-testid={`strip-${c.band}`} data-count={c.count}>
              {tr(PANE.stripBand, { band: tr(BAND[c.band]), count: c.count })}
            </span>
          ))}
        </>
      )}
    </div>
  );
}

/** 与上次相比: what the last run in this session changed; before any run, how to get it. */
function ComparisonSection({ comparison }: { comparison: ComparisonText | null }) {
  const { tr } = useI18n();
  return (
    <Section id="pga-compare-title" title={tr(PANE.compareTitle)} level={2} testId="comparison">
      {comparison === null ? (
        <p className="pga-message pga-muted">{tr(PANE.compareNotYet)}</p>
      ) : comparison.first ? (
        <p className="pga-message" data-testid="compare-first">
          {tr(PANE.compareFirst)}
        </p>
      ) : (
        <ul className="pga-compare">
          {comparison.lines.length === 0 && !comparison.rules && <li>{tr(PANE.compareNone)}</li>}
          {comparison.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
          {comparison.rules && <li data-testid="compare-rules">{comparison.rules}</li>}
        </ul>
      )}
    </Section>
  );
}

function GroupRow({ line, onOpen }: { line: HalfLine; onOpen: (key: string) => void }) {
  const { tr } = useI18n();
  return (
    <li className="pga-group-row" data-group={line.group}>
      {/* A link that looks like one (issue 18: the names read as plain grey text, blue on hover only). */}
      <Link as="button" className="pga-group-link" onClick={() => onOpen(line.key)} aria-label={tr(PANE.historyOpen, { group: line.group })} data-history={line.key}>
        {line.group}
      </Link>
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
        // Written for people (2023年下半年表H10单元格); the link selects the real address (2023年下半年!H10).
        <Link as="button" className="pga-group-link" onClick={() => onSelect(issue.cell)} aria-label={tr(PANE.goToCell, { cell: issue.cellText })}>
          {issue.cellText}
        </Link>
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
  /** That history is still being asked for (the workbook page's engine sends it when it is opened). */
  historyLoading?: boolean;
  /** The last run's 与上次相比 (null or absent before any run in this session). */
  comparison?: ComparisonText | null;
  onOpenHistory: (key: string) => void;
  onCloseHistory: () => void;
  /** 复制汇报文字, at the end of the paragraph's first sentence (absent while a run is under way). */
  onCopy?: () => void;
}

export function SummaryPanel({ view, noTable, history, historyLoading, comparison, onOpenHistory, onCloseHistory, onCopy, ...select }: SummaryProps) {
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
  if (history && historyLoading) return <Spinner size="small" label={tr(PANE.loading)} />;
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
      <p className="pga-message pga-lede" data-testid="lede">
        {view.summaryLead}
        {onCopy && (
          <>
            {tr({ zh: '', en: ' ' })}
            <Link as="button" inline className="pga-copy-link" onClick={onCopy} title={tr(PANE.copySummaryHint)}>
              {tr(PANE.copySummary)}
            </Link>
          </>
        )}
      </p>
      <Section id="pga-open-title" title={tr(PANE.openTitle, { count: view.openRectifications.length })} level={2} testId="open-rectifications">
        {view.openRectifications.length ? (
          <CappedList items={view.openRectifications} render={(item) => <OpenCard key={`${item.place.address}-${item.status}`} item={item} {...select} />} />
        ) : (
          <p className="pga-message">{tr(PANE.openNone)}</p>
        )}
        {view.openLeaderWarnings > 0 && <p className="pga-message">{tr(PANE.leaderMore, { count: view.openLeaderWarnings })}</p>}
      </Section>

      <ComparisonSection comparison={comparison ?? null} />

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
