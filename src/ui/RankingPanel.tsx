/**
 * 年度排名 (loaded lazily): a chosen year's Party groups as a list that fits 320 px — rank and name on
 * their own line, the figures and grade below, the award nominations, and the reason for every Party
 * group that is not ranked or cannot be nominated (the 年度排名 sheet's 说明). Capped like the other long
 * lists (bits.tsx CappedList): 50 groups, then "显示全部N条".
 */
import { useState } from 'react';
import { Badge, Dropdown, Field, Option, Text } from '@fluentui/react-components';
import { PANE } from '../i18n/pane';
import { BandBadge, CappedList, WhyList } from './bits';
import { useI18n } from './context';
import type { AnnualLine, PaneView } from './view/types';

function RankRow({ line }: { line: AnnualLine }) {
  const { tr } = useI18n();
  const num = (v: number | null) => (v === null ? tr(PANE.none) : String(v));
  const sep = tr({ zh: ' · ', en: ' · ' });
  return (
    <li className="pga-card" data-group={line.group} data-rank={line.rank ?? 'none'}>
      <div className="pga-line">
        <Badge appearance={line.rank === null ? 'outline' : 'filled'} color={line.rank === 1 ? 'brand' : 'informative'} className="pga-badge">
          {line.rank === null ? tr(PANE.unranked) : tr(PANE.rankN, { rank: line.rank })}
        </Badge>
        {line.tie && (
          <Badge appearance="outline" color="important" className="pga-badge">
            {tr(PANE.tied)}
          </Badge>
        )}
      </div>
      <h3 className="pga-h3">{line.group}</h3>
      <div className="pga-line">
        <span>
          {[
            `${tr(PANE.h1)} ${num(line.h1)}`,
            `${tr(PANE.h2)} ${num(line.h2)}`,
            `${tr(PANE.average)} ${num(line.average)}`,
          ].join(sep)}
        </span>
        <BandBadge band={line.band} />
      </div>
      {line.titles.length > 0 && (
        <ul className="pga-why" style={{ color: 'inherit' }} aria-label={tr(PANE.titles)}>
          {line.titles.map((ti) => (
            <li key={ti}>
              <strong>{ti}</strong>
            </li>
          ))}
        </ul>
      )}
      <WhyList items={line.notes} testId="ranking-notes" />
    </li>
  );
}

export default function RankingPanel({ view }: { view: PaneView | null }) {
  const { tr } = useI18n();
  const years = view?.years ?? [];
  const [chosen, setChosen] = useState<number | null>(null);
  if (!view || years.length === 0) return <Text>{tr(PANE.noRanking)}</Text>;
  const year = chosen !== null && years.includes(chosen) ? chosen : years[0];
  const entry = view.ranking.find((r) => r.year === year)!;
  const mode = tr(view.rules.rankMode === 'dense' ? PANE.modeDense : PANE.modeCompetition);
  const caption = tr(PANE.rankingCaption, { year, mode });
  return (
    <div className="pga-stack">
      <Field label={tr(PANE.chooseYear)}>
        <Dropdown value={String(year)} selectedOptions={[String(year)]} onOptionSelect={(_, d) => d.optionValue && setChosen(Number(d.optionValue))}>
          {years.map((y) => (
            <Option key={y} value={String(y)}>
              {String(y)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <h2 className="pga-h2" id="pga-ranking-title">
        {caption}
      </h2>
      <CappedList key={year} ordered items={entry.lines} labelledBy="pga-ranking-title" testId="ranking" render={(line) => <RankRow key={line.group} line={line} />} />
      {!entry.hasTitle && <p className="pga-message">{tr(PANE.noTitle)}</p>}
    </div>
  );
}
