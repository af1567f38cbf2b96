/**
 * Each Party group's totals over the periods, with the grade thresholds as dashed lines. Hand-drawn SVG
 * (no chart library), loaded lazily. Drawn in CSS pixels at the figure's measured width, so its text is
 * ordinary 12 px text that grows with zoom; short period labels (23上 / 2023 H1), thinned so they never
 * overlap; every line has its own marker shape as well as its colour (markers thinned like the labels when
 * they would overlap), and the legend shows shape and name; in forced colours everything is drawn in system colours (pane.css). A data table replaces the
 * picture on request (and for screen readers the figure is labelled and the table is one button away).
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { Button } from '@fluentui/react-components';
import { BAND } from '../i18n/domain';
import { PANE } from '../i18n/pane';
import type { PaneKey } from '../i18n/pane';
import { useI18n } from './context';
import type { ChartData } from './view/types';

/** Line colours: Fluent palette tokens (they follow the light and dark themes), fallbacks for outside a provider. */
export const SERIES_COLOURS = [
  'var(--colorPaletteBlueForeground2, #0f6cbd)',
  'var(--colorPaletteRedForeground1, #bc2f32)',
  'var(--colorPaletteGreenForeground1, #0e700e)',
  'var(--colorPaletteBerryForeground1, #c239b3)',
  'var(--colorPaletteDarkOrangeForeground1, #c43501)',
  'var(--colorPaletteTealForeground2, #00666d)',
  'var(--colorPaletteGrapeForeground2, #82267e)',
  'var(--colorPaletteBrownForeground2, #8e562e)',
];

export const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'down', 'cross', 'plus', 'star'] as const;
export type Shape = (typeof SHAPES)[number];

const FONT = 12;

/**
 * The legend names at most this many lines. Eight shapes × eight colours repeat past eight lines, so a longer
 * legend identifies nothing more; and a workbook of 1,000 Party groups made a legend of 6,000 elements whose
 * layout was most of the pane's longest task on the main thread after 考评. The rest are counted under it,
 * and the data table (one button away) names every group.
 */
export const LEGEND_MAX = 24;

/** The SVG path of a marker of a shape centred on (x, y), radius r. */
export function markerPath(shape: Shape, x: number, y: number, r: number): string {
  const f = (n: number) => n.toFixed(1);
  switch (shape) {
    case 'circle':
      return `M${f(x - r)},${f(y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'square':
      return `M${f(x - r)},${f(y - r)}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case 'triangle':
      return `M${f(x)},${f(y - r * 1.15)}L${f(x + r * 1.1)},${f(y + r * 0.85)}L${f(x - r * 1.1)},${f(y + r * 0.85)}Z`;
    case 'down':
      return `M${f(x)},${f(y + r * 1.15)}L${f(x + r * 1.1)},${f(y - r * 0.85)}L${f(x - r * 1.1)},${f(y - r * 0.85)}Z`;
    case 'diamond':
      return `M${f(x)},${f(y - r * 1.3)}L${f(x + r * 1.1)},${f(y)}L${f(x)},${f(y + r * 1.3)}L${f(x - r * 1.1)},${f(y)}Z`;
    case 'cross': {
      const d = r * 0.95;
      return `M${f(x - d)},${f(y - d)}L${f(x + d)},${f(y + d)}M${f(x + d)},${f(y - d)}L${f(x - d)},${f(y + d)}`;
    }
    case 'plus':
      return `M${f(x - r * 1.2)},${f(y)}H${f(x + r * 1.2)}M${f(x)},${f(y - r * 1.2)}V${f(y + r * 1.2)}`;
    case 'star': {
      let d = '';
      for (let i = 0; i < 10; i++) {
        const a = (Math.PI / 5) * i - Math.PI / 2;
        const rr = i % 2 === 0 ? r * 1.35 : r * 0.6;
        d += `${i === 0 ? 'M' : 'L'}${f(x + rr * Math.cos(a))},${f(y + rr * Math.sin(a))}`;
      }
      return `${d}Z`;
    }
  }
}

/** Open shapes (cross, plus) are stroked only. */
const stroked = (shape: Shape) => shape === 'cross' || shape === 'plus';

/** Width a label takes at 12 px: CJK characters are square, others about 0.6 em. */
function labelWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? FONT : FONT * 0.6;
  return w;
}

/** The figure's width in CSS pixels, following resizes (and zoom). */
function useWidth(fallback: number) {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(fallback);
  const last = useRef(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Only a new width renders again: hidden (width 0, another tab on show) and shown again at the same width,
    // the chart of 1,000 groups is not drawn again (React may call a component whose state is set to the same
    // value before it bails out: the whole chart's arithmetic, on every tab switch).
    const measure = () => {
      const w = el.clientWidth;
      if (w > 0 && w !== last.current) {
        last.current = w;
        setWidth(w);
      }
    };
    measure();
    // (Looked up, not named: a webview without it gets the polyfill, or keeps the first measure.)
    const RO = typeof window !== 'undefined' ? (window as unknown as { ResizeObserver?: typeof ResizeObserver }).ResizeObserver : undefined;
    if (!RO) return;
    const ro = new RO(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { ref, width };
}

/**
 * Markers of one shape and colour, drawn as one path (each marker its own subpath): a series of 200
 * half-years is one element, not 200 — a 100-group workbook's chart was 20,000 elements to create, style
 * and lay out whenever 概览 was shown.
 */
function Marker({ shape, points, r, colour }: { shape: Shape; points: readonly (readonly [number, number])[]; r: number; colour: string }) {
  return (
    <path
      className="pga-marker"
      data-markers={points.length}
      d={points.map(([x, y]) => markerPath(shape, x, y, r)).join('')}
      style={stroked(shape) ? { fill: 'none', stroke: colour, strokeWidth: 1.8 } : { fill: colour, stroke: colour, strokeWidth: 1 }}
    />
  );
}

/** A legend's symbol: a short line through the series' marker. */
function Symbol({ shape, colour, dashed }: { shape?: Shape; colour: string; dashed?: boolean }) {
  return (
    <svg width={28} height={14} viewBox="0 0 28 14" aria-hidden="true" focusable="false">
      <line
        className={dashed ? 'pga-threshold' : 'pga-series'}
        x1={1}
        x2={27}
        y1={7}
        y2={7}
        style={{ stroke: colour, strokeWidth: dashed ? 1.5 : 2, strokeDasharray: dashed ? '4 3' : undefined }}
      />
      {shape && <Marker shape={shape} points={[[14, 7]]} r={4} colour={colour} />}
    </svg>
  );
}

export default function Chart({ data }: { data: ChartData }) {
  const { tr } = useI18n();
  const { ref, width } = useWidth(296);
  const [asTable, setAsTable] = useState(false);
  const { periods, series, thresholds } = data;
  if (periods.length === 0 || series.length === 0) return <p className="pga-message">{tr(PANE.chartEmpty)}</p>;

  const W = Math.max(120, width);
  const H = Math.round(Math.min(280, Math.max(180, W * 0.62)));
  const PAD = { left: FONT * 2.4, right: FONT * 2.4, top: 10, bottom: FONT + 12 };
  // The lowest total (one pass: concatenating the series one by one copied 1,000 groups' totals 500 times over).
  let least: number = thresholds.basic;
  for (const s of series) for (const v of s.totals) if (v !== null && v < least) least = v;
  const lo = Math.max(0, Math.floor((least - 5) / 10) * 10);
  const hi = 100;
  const innerW = W - PAD.left - PAD.right;
  const x = (i: number) => PAD.left + (periods.length === 1 ? innerW / 2 : (i * innerW) / (periods.length - 1));
  const y = (v: number) => PAD.top + ((hi - v) * (H - PAD.top - PAD.bottom)) / (hi - lo);
  const ticks: number[] = [];
  const tickStep = H < 220 ? 20 : 10;
  for (let v = lo; v <= hi; v += 10) if ((hi - v) % tickStep === 0) ticks.push(v);
  // Label every k-th period so that neighbouring labels keep a gap (the last is always labelled).
  const widest = Math.max(...periods.map((p) => labelWidth(p.short)));
  const spacing = periods.length > 1 ? innerW / (periods.length - 1) : innerW;
  const every = Math.max(1, Math.ceil((widest + 8) / spacing));
  const labelled = periods.map((_, i) => i % every === 0 && (i === periods.length - 1 || periods.length - 1 - i >= every));
  labelled[periods.length - 1] = true;
  // Markers that would overlap (periods closer than a marker's width) are drawn only at the labelled periods,
  // and wherever a half-year stands alone between gaps (no line passes through it): 200 half-years drawn as
  // 200 overlapping markers per line are a smear that took most of the time to paint 概览.
  const dense = spacing < 3 * 3.5 + 2;

  const label = tr(PANE.chartLabel, {
    groups: series.length,
    from: periods[0].full,
    to: periods[periods.length - 1].full,
    excellent: thresholds.excellent,
    qualified: thresholds.qualified,
    basic: thresholds.basic,
  });
  const lines = [
    { v: thresholds.excellent, name: tr(BAND.excellent), colour: 'var(--colorPaletteGreenForeground1, #0e700e)' },
    { v: thresholds.qualified, name: tr(BAND.qualified), colour: 'var(--colorBrandForeground1, #0f6cbd)' },
    { v: thresholds.basic, name: tr(BAND.basic), colour: 'var(--colorPaletteDarkOrangeForeground1, #c43501)' },
  ];
  /** A group's line (broken where a period is missing) and the markers drawn on it. */
  const drawn = (totals: readonly (number | null)[]) => {
    const pts = totals.map((v, i) => (v === null ? null : ([x(i), y(v)] as const)));
    const segments: string[] = [];
    let cur = '';
    for (const p of pts) {
      if (!p) {
        if (cur) segments.push(cur);
        cur = '';
      } else cur += `${cur ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}`;
    }
    if (cur) segments.push(cur);
    const markers = pts.filter((p, i): p is readonly [number, number] => p !== null && (!dense || labelled[i] || (!pts[i - 1] && !pts[i + 1])));
    return { segments, markers };
  };
  const shapeOf = (k: number) => SHAPES[k % SHAPES.length];
  const colourOf = (k: number) => SERIES_COLOURS[k % SERIES_COLOURS.length];
  const shapeName = (k: number) => tr(PANE[`shape_${shapeOf(k)}` as PaneKey]);

  return (
    <figure className="pga-chart" ref={ref} data-testid="chart-figure">
      <figcaption className="pga-h2">{tr(PANE.chartTitle)}</figcaption>
      <Button
        size="small"
        appearance="secondary"
        className="pga-disclosure"
        aria-pressed={asTable}
        onClick={() => setAsTable(!asTable)}
        data-testid="chart-toggle"
        style={{ margin: '6px 0' }}
      >
        {tr(asTable ? PANE.chartAsChart : PANE.chartAsTable)}
      </Button>
      {asTable ? (
        <div className="pga-scroll" role="region" aria-label={tr(PANE.chartTableCaption)} tabIndex={0}>
          <table className="pga-table" data-testid="chart-table">
            <caption className="pga-sr-only">{tr(PANE.chartTableCaption)}</caption>
            <thead>
              <tr>
                <th scope="col">{tr(PANE.period)}</th>
                {series.map((s) => (
                  <th scope="col" key={s.group}>
                    {s.group}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {periods.map((p, i) => (
                <tr key={p.full}>
                  <th scope="row">{p.full}</th>
                  {series.map((s) => (
                    <td key={s.group}>{s.totals[i] === null ? tr(PANE.none) : s.totals[i]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="chart">
          <title>{label}</title>
          {ticks.map((v) => (
            <g key={v}>
              <line className="pga-chart-grid" x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} strokeWidth={0.75} />
              <text className="pga-chart-text" x={PAD.left - 4} y={y(v) + FONT * 0.35} textAnchor="end">
                {v}
              </text>
            </g>
          ))}
          {lines.map((l) => (
            <g key={l.name} data-threshold={l.v}>
              <line
                className="pga-threshold"
                x1={PAD.left}
                x2={W - PAD.right}
                y1={y(l.v)}
                y2={y(l.v)}
                style={{ stroke: l.colour, strokeDasharray: '5 4', strokeWidth: 1.25 }}
              />
              <text className="pga-chart-text" x={W - PAD.right + 3} y={y(l.v) + FONT * 0.35} textAnchor="start">
                {l.v}
              </text>
            </g>
          ))}
          {periods.map((p, i) =>
            labelled[i] ? (
              <text
                key={p.full}
                className="pga-chart-text"
                data-period-label={p.short}
                x={x(i)}
                y={H - 6}
                textAnchor={periods.length > 1 && i === 0 ? 'start' : periods.length > 1 && i === periods.length - 1 ? 'end' : 'middle'}
              >
                {p.short}
              </text>
            ) : null,
          )}
          {series.length <= LEGEND_MAX
            ? series.map((s, k) => {
                const { segments, markers } = drawn(s.totals);
                return (
                  <g key={s.group} data-series={s.group} data-shape={shapeOf(k)}>
                    {segments.map((d, j) => (
                      <path key={j} className="pga-series" d={d} style={{ fill: 'none', stroke: colourOf(k), strokeWidth: 1.75 }} />
                    ))}
                    <Marker shape={shapeOf(k)} points={markers} r={3.5} colour={colourOf(k)} />
                  </g>
                );
              })
            : // Past the legend's length, the lines of one look (shape and colour) are one path and their markers
              // another: 16 elements for 1,000 groups, not 3,000, to create, style and lay out.
              SHAPES.map((shape, k) => {
                const mine = series.filter((_, j) => j % SHAPES.length === k);
                if (mine.length === 0) return null;
                const all = mine.map((s) => drawn(s.totals));
                return (
                  <g key={shape} data-series-look={shape} data-lines={mine.length} data-shape={shape}>
                    <path className="pga-series" d={all.flatMap((a) => a.segments).join('')} style={{ fill: 'none', stroke: colourOf(k), strokeWidth: 1.75 }} />
                    <Marker shape={shape} points={all.flatMap((a) => a.markers)} r={3.5} colour={colourOf(k)} />
                  </g>
                );
              })}
        </svg>
      )}
      <ul className="pga-legend" aria-label={tr(PANE.chartGroups)} data-testid="legend">
        {series.slice(0, LEGEND_MAX).map((s, k) => (
          <li key={s.group} data-shape={shapeOf(k)}>
            <Symbol shape={shapeOf(k)} colour={colourOf(k)} />
            <span>{s.group}</span>
            <span className="pga-sr-only">{tr({ zh: '（{shape}）', en: ' ({shape})' }, { shape: shapeName(k) })}</span>
          </li>
        ))}
        {series.length > LEGEND_MAX && <li data-testid="legend-more">{tr(PANE.chartLegendMore, { n: series.length - LEGEND_MAX })}</li>}
      </ul>
      <ul className="pga-legend" aria-label={tr(PANE.chartThresholds)}>
        {lines.map((l) => (
          <li key={l.name}>
            <Symbol colour={l.colour} dashed />
            <span>{`${l.name} ${l.v}`}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
