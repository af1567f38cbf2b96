/**
 * Each group's totals over the periods, with the band thresholds as dashed lines. A small hand-drawn
 * SVG (no chart library): loaded lazily, described for screen readers by its label and a data table.
 */
import { PANE } from '../../i18n/pane';
import { BAND } from '../../i18n/domain';
import { useI18n } from './context';
import type { ChartData } from './engine';
import { SERIES_COLOURS } from './look';

const W = 320;
const H = 200;
const PAD = { left: 26, right: 22, top: 10, bottom: 24 };

export default function Chart({ data }: { data: ChartData }) {
  const { tr } = useI18n();
  const { periods, series, thresholds } = data;
  if (periods.length === 0 || series.length === 0) return <p>{tr(PANE.chartEmpty)}</p>;
  // (No flatMap: the EdgeHTML webview of Excel 2019 lacks it.)
  const all = series.reduce<number[]>((acc, s) => acc.concat(s.totals.filter((v): v is number => v !== null)), []);
  const lo = Math.max(0, Math.floor((Math.min(...all, thresholds.basic) - 5) / 10) * 10);
  const hi = 100;
  const x = (i: number) =>
    PAD.left + (periods.length === 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (periods.length - 1));
  const y = (v: number) => PAD.top + ((hi - v) * (H - PAD.top - PAD.bottom)) / (hi - lo);
  const ticks: number[] = [];
  for (let v = lo; v <= hi; v += 10) ticks.push(v);
  const every = Math.ceil(periods.length / 6);
  const label = tr(PANE.chartLabel, {
    groups: series.length,
    from: periods[0],
    to: periods[periods.length - 1],
    excellent: thresholds.excellent,
    qualified: thresholds.qualified,
    basic: thresholds.basic,
  });
  const lines: { v: number; name: string; colour: string }[] = [
    { v: thresholds.excellent, name: tr(BAND.excellent), colour: '#107C10' },
    { v: thresholds.qualified, name: tr(BAND.qualified), colour: '#0F6CBD' },
    { v: thresholds.basic, name: tr(BAND.basic), colour: '#BC4B09' },
  ];
  return (
    <figure className="pga-chart">
      <figcaption className="pga-caption">{tr(PANE.chartTitle)}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="chart">
        <title>{label}</title>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#E0E0E0" strokeWidth={0.5} />
            <text x={PAD.left - 4} y={y(v) + 3} fontSize={8} textAnchor="end" fill="#424242">
              {v}
            </text>
          </g>
        ))}
        {lines.map((l) => (
          <g key={l.name} data-threshold={l.v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(l.v)} y2={y(l.v)} stroke={l.colour} strokeDasharray="4 3" strokeWidth={1} />
            <text x={W - PAD.right + 2} y={y(l.v) + 3} fontSize={8} textAnchor="start" fill={l.colour}>
              {l.v}
            </text>
          </g>
        ))}
        {periods.map((p, i) =>
          i % every === 0 || i === periods.length - 1 ? (
            <text
              key={p}
              x={x(i)}
              y={H - PAD.bottom + 12}
              fontSize={7.5}
              textAnchor={periods.length > 1 && i === 0 ? 'start' : periods.length > 1 && i === periods.length - 1 ? 'end' : 'middle'}
              fill="#424242"
            >
              {p}
            </text>
          ) : null,
        )}
        {series.map((s, k) => {
          const colour = SERIES_COLOURS[k % SERIES_COLOURS.length];
          const pts = s.totals.map((v, i) => (v === null ? null : ([x(i), y(v)] as const)));
          // Break the line where a period is missing.
          const segments: string[] = [];
          let cur = '';
          for (const p of pts) {
            if (!p) {
              if (cur) segments.push(cur);
              cur = '';
            } else cur += `${cur ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}`;
          }
          if (cur) segments.push(cur);
          return (
            <g key={s.group} data-series={s.group}>
              {segments.map((d, j) => (
                <path key={j} d={d} fill="none" stroke={colour} strokeWidth={1.5} />
              ))}
              {pts.map((p, i) => (p ? <circle key={i} cx={p[0]} cy={p[1]} r={2} fill={colour} /> : null))}
            </g>
          );
        })}
      </svg>
      <ul className="pga-legend" aria-label={tr(PANE.chartThresholds)}>
        {lines.map((l) => (
          <li key={l.name} style={{ color: l.colour }}>
            <span className="pga-dash" style={{ borderColor: l.colour }} aria-hidden="true" />
            {`${l.name} ≥ ${l.v}`}
          </li>
        ))}
      </ul>
      <ul className="pga-legend" aria-label={tr(PANE.chartGroups)}>
        {series.map((s, k) => (
          <li key={s.group}>
            <span className="pga-swatch" style={{ background: SERIES_COLOURS[k % SERIES_COLOURS.length] }} aria-hidden="true" />
            {s.group}
          </li>
        ))}
      </ul>
    </figure>
  );
}
