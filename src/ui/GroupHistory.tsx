/** A Party group's history (opened from 概览): every half-year with total, grade, change and why; its years; its warnings. */
import { useEffect, useRef } from 'react';
import { Button } from '@fluentui/react-components';
import { PANE } from '../i18n/pane';
import { useI18n } from './context';
import type { GroupHistory } from './view/types';
import type { SelectProps } from './bits';
import { BandBadge, LocateButton, Section, WhyList, changeText } from './bits';
import { WarningCard } from './WarningsPanel';

export function GroupHistoryView({ history, onBack, ...select }: { history: GroupHistory; onBack: () => void } & SelectProps) {
  const { tr } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a history moves focus to its heading, so a screen reader starts there.
  useEffect(() => heading.current?.focus(), [history.key]);
  const none = <p className="pga-message pga-muted">{tr(PANE.historyNone)}</p>;
  return (
    <div className="pga-stack" data-testid="history">
      <Button appearance="secondary" className="pga-disclosure" onClick={onBack}>
        {`← ${tr(PANE.historyBack)}`}
      </Button>
      <h2 className="pga-h2" tabIndex={-1} ref={heading}>
        {tr(PANE.historyTitle, { group: history.group })}
      </h2>
      <dl className="pga-facts">
        <dt>{tr(PANE.leader)}</dt>
        <dd>{history.leader || tr(PANE.none)}</dd>
        <dt>{tr(PANE.liaison)}</dt>
        <dd>{history.liaison || tr(PANE.none)}</dd>
      </dl>
      <Section id="pga-history-halves" title={tr(PANE.historyHalves)} level={3}>
        <ul className="pga-list pga-flush">
          {history.halves.map((h) => (
            <li key={h.place.address} className="pga-group-row" data-period={h.period}>
              <div className="pga-line">
                <strong>{h.period}</strong>
                {h.total !== null && <span>{tr(PANE.totalPoints, { total: h.total })}</span>}
                <BandBadge band={h.band} />
                {h.band === null && <span>{tr(PANE.noBand)}</span>}
              </div>
              {h.band !== null && <span className="pga-muted">{changeText(h, tr)}</span>}
              <WhyList items={h.why} />
              <LocateButton place={h.place} group={history.group} {...select} />
            </li>
          ))}
        </ul>
      </Section>
      <Section id="pga-history-years" title={tr(PANE.historyAnnual)} level={3}>
        {history.annual.length === 0 ? (
          none
        ) : (
          <ul className="pga-list pga-flush">
            {history.annual.map((a) => (
              <li key={a.year} className="pga-group-row">
                <div className="pga-line">
                  <strong>{tr(PANE.yearLabel, { year: a.year })}</strong>
                  {a.average !== null && <span>{tr(PANE.annualLine, { average: a.average })}</span>}
                  <BandBadge band={a.band} />
                  <span>{a.rank === null ? tr(PANE.unranked) : tr(PANE.rankN, { rank: a.rank })}</span>
                </div>
                {a.titles.map((ti) => (
                  <span key={ti}>{ti}</span>
                ))}
                <WhyList items={a.notes} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="pga-history-warnings" title={tr(PANE.historyWarnings)} level={3}>
        {history.warnings.length === 0 ? (
          none
        ) : (
          <ul className="pga-list">
            {history.warnings.map((w, i) => (
              <WarningCard key={`${w.code}-${w.source}-${i}`} w={w} {...select} />
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
