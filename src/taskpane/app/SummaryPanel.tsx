/** 概览: groups per band in the latest period, and (lazily) the chart of totals over the periods. */
import { lazy, Suspense } from 'react';
import {
  Badge,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { BAND } from '../../i18n/domain';
import { PANE } from '../../i18n/pane';
import { useI18n } from './context';
import type { PaneView } from './engine';
import { BAND_BADGE } from './look';

const Chart = lazy(() => import(/* webpackChunkName: "chart" */ './Chart'));

export function SummaryPanel({ view }: { view: PaneView | null }) {
  const { tr } = useI18n();
  if (!view) return <Text>{tr(PANE.noResults)}</Text>;
  const latest = view.latest;
  return (
    <div className="pga-stack">
      {latest ? (
        <Table size="small" aria-label={tr(PANE.bandCountsCaption, { period: latest.label })}>
          <caption className="pga-caption">{tr(PANE.bandCountsCaption, { period: latest.label })}</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className="pga-col-band">{tr(PANE.band)}</TableHeaderCell>
              <TableHeaderCell className="pga-col-count">{tr(PANE.groups)}</TableHeaderCell>
              <TableHeaderCell>{tr(PANE.groupNames)}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {latest.counts.map((c) => (
              <TableRow key={c.band} data-band={c.band}>
                <TableCell>
                  <Badge appearance="tint" color={BAND_BADGE[c.band]} className="pga-badge">
                    {tr(BAND[c.band])}
                  </Badge>
                </TableCell>
                <TableCell data-testid={`count-${c.band}`}>{c.count}</TableCell>
                <TableCell>{c.groups.join(tr({ zh: '、', en: ', ' }))}</TableCell>
              </TableRow>
            ))}
            {latest.ungraded > 0 && (
              <TableRow>
                <TableCell>{tr(PANE.noBand)}</TableCell>
                <TableCell>{latest.ungraded}</TableCell>
                <TableCell />
              </TableRow>
            )}
          </TableBody>
        </Table>
      ) : (
        <Text>{tr(PANE.noResults)}</Text>
      )}
      <Suspense fallback={<Spinner size="tiny" label={tr(PANE.loading)} />}>
        <Chart data={view.chart} />
      </Suspense>
    </div>
  );
}
