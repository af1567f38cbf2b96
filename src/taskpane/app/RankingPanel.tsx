/** 年度排名: the ranking of a chosen year, titles and ties marked (loaded lazily). */
import { useState } from 'react';
import {
  Badge,
  Dropdown,
  Field,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { BAND, TITLE } from '../../i18n/domain';
import { PANE } from '../../i18n/pane';
import { useI18n } from './context';
import type { PaneView } from './engine';
import { BAND_BADGE } from './look';

export default function RankingPanel({ view }: { view: PaneView | null }) {
  const { tr } = useI18n();
  const years = view?.years ?? [];
  const [chosen, setChosen] = useState<number | null>(null);
  if (!view || years.length === 0) return <Text>{tr(PANE.noRanking)}</Text>;
  const year = chosen !== null && years.includes(chosen) ? chosen : years[0];
  const entries = view.annual
    .filter((e) => e.year === year)
    .slice()
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  const mode = tr(view.rules.rankMode === 'dense' ? PANE.modeDense : PANE.modeCompetition);
  const num = (v: number | null) => (v === null ? tr(PANE.none) : String(v));
  const hasTitle = entries.some((e) => e.titles.includes('advanced'));
  return (
    <div className="pga-stack">
      <Field label={tr(PANE.chooseYear)}>
        <Dropdown
          value={String(year)}
          selectedOptions={[String(year)]}
          onOptionSelect={(_, d) => d.optionValue && setChosen(Number(d.optionValue))}
        >
          {years.map((y) => (
            <Option key={y} value={String(y)}>
              {String(y)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className="pga-scroll">
        <Table size="small" aria-label={tr(PANE.rankingCaption, { year, mode })}>
          <caption className="pga-caption">{tr(PANE.rankingCaption, { year, mode })}</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{tr(PANE.rank)}</TableHeaderCell>
              <TableHeaderCell>{tr(PANE.group)}</TableHeaderCell>
              <TableHeaderCell>{tr(PANE.h1)}</TableHeaderCell>
              <TableHeaderCell>{tr(PANE.h2)}</TableHeaderCell>
              <TableHeaderCell>{tr(PANE.average)}</TableHeaderCell>
              <TableHeaderCell>{tr(PANE.band)}</TableHeaderCell>
              <TableHeaderCell>{tr(PANE.titles)}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map((e) => (
              <TableRow key={e.group} data-group={e.group}>
                <TableCell>
                  {e.rank === null ? tr(PANE.unranked) : String(e.rank)}
                  {e.tie && (
                    <Badge size="small" appearance="outline" color="important" className="pga-gap">
                      {tr(PANE.tied)}
                    </Badge>
                  )}
                </TableCell>
                <TableCell>{e.group}</TableCell>
                <TableCell>{num(e.h1)}</TableCell>
                <TableCell>{num(e.h2)}</TableCell>
                <TableCell>{num(e.average)}</TableCell>
                <TableCell>
                  {e.band ? (
                    <Badge appearance="tint" color={BAND_BADGE[e.band]}>
                      {tr(BAND[e.band])}
                    </Badge>
                  ) : (
                    tr(PANE.none)
                  )}
                  {e.vetoed && <Text size={200} block>{tr(PANE.vetoed)}</Text>}
                </TableCell>
                <TableCell>
                  {e.titles.length
                    ? e.titles.map((ti) => (
                        <Text key={ti} size={200} block>
                          {tr(TITLE[ti])}
                          {ti === 'advanced' && e.tie ? tr(PANE.tiedSuffix) : ''}
                        </Text>
                      ))
                    : tr(PANE.none)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {!hasTitle && <Text size={200}>{tr(PANE.noTitle)}</Text>}
    </div>
  );
}
