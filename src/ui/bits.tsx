/** Small pieces the panels share: where a record is (定位), a grade badge, the change since the half before. */
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Badge, Button, Text } from '@fluentui/react-components';
import { BAND } from '../i18n/domain';
import { PANE } from '../i18n/pane';
import { useI18n } from './context';
import type { PaneI18n } from './context';
import type { HalfLine, Place } from './view/types';
import { BAND_BADGE } from './look';

export interface SelectProps {
  /** The host can go to a cell (not a file in the browser). */
  canSelect: boolean;
  onSelect: (address: string) => void;
}

/** 定位：2025年下半年 第6行 — a button that selects the record's row, or the place as text where nothing can be selected. */
export function LocateButton({ place, group, canSelect, onSelect }: { place: Place; group: string } & SelectProps) {
  const { tr } = useI18n();
  const text = tr(PANE.locate, { sheet: place.sheet, row: place.row });
  if (!canSelect) return <Text className="pga-muted">{text}</Text>;
  return (
    <Button
      size="small"
      appearance="secondary"
      className="pga-wrap-button"
      onClick={() => onSelect(place.address)}
      aria-label={tr(PANE.locateLabel, { sheet: place.sheet, row: place.row, group })}
    >
      {text}
    </Button>
  );
}

export function BandBadge({ band }: { band: HalfLine['band'] }) {
  const { tr } = useI18n();
  if (!band) return null;
  return (
    <Badge appearance="tint" color={BAND_BADGE[band]} className="pga-badge" data-band={band}>
      {tr(BAND[band])}
    </Badge>
  );
}

/** Change since the previous half-year, signed: +3.5 / −12. */
export function changeText(line: HalfLine, tr: PaneI18n['tr']): string {
  if (line.band === null) return '';
  if (line.change === null || line.previous === null) return line.hadPrevious ? tr(PANE.noPrevious) : '';
  if (line.change === 0) return tr(PANE.changeSame, { previous: line.previous });
  const delta = `${line.change > 0 ? '+' : '−'}${Math.abs(line.change)}`;
  return tr(PANE.change, { delta, previous: line.previous });
}


/** A gear (8 teeth, a hole), drawn once: the settings button's icon. */
const GEAR = (() => {
  const pts: string[] = [];
  const teeth = 8;
  for (let i = 0; i < teeth * 4; i++) {
    const a = (i / (teeth * 4)) * 2 * Math.PI;
    const r = i % 4 < 2 ? 9 : 6.8;
    pts.push(`${(10 + r * Math.cos(a)).toFixed(2)},${(10 + r * Math.sin(a)).toFixed(2)}`);
  }
  return `M${pts.join('L')}ZM13,10a3,3 0 1,0 -6,0a3,3 0 1,0 6,0Z`;
})();

export function GearIcon() {
  return (
    <svg width={20} height={20} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d={GEAR} fillRule="evenodd" fill="currentColor" />
    </svg>
  );
}

/** The reasons under a line (why a record has no grade, a year's notes…); nothing when there are none. */
export function WhyList({ items, testId }: { items: readonly string[]; testId?: string }) {
  if (items.length === 0) return null;
  return (
    <ul className="pga-why" data-testid={testId}>
      {items.map((w) => (
        <li key={w}>{w}</li>
      ))}
    </ul>
  );
}

/** A titled part of a panel: a section labelled by its own heading (h2 on a tab, h3 inside a group's history). */
export function Section({ id, title, level, testId, children }: { id: string; title: string; level: 2 | 3; testId?: string; children?: ReactNode }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="pga-section" aria-labelledby={id} data-testid={testId}>
      <Heading id={id} className={`pga-h${level}`}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** Long lists show this many items, then "显示全部N条" (1,000 Party groups made a 150,000 px page). */
const LIST_SHOWN = 50;
/** After "显示全部N条", this many more are rendered each time the end of the list nears the screen. */
const LIST_BATCH = 100;

interface IoWindow {
  IntersectionObserver?: typeof IntersectionObserver;
}

/** IntersectionObserver where the browser has one (EdgeHTML 18 does; guarded all the same), else null. */
function intersectionObserver(): typeof IntersectionObserver | null {
  const w = (typeof window !== 'undefined' ? window : {}) as IoWindow;
  return typeof w.IntersectionObserver === 'function' ? w.IntersectionObserver : null;
}

/**
 * A list that shows its first LIST_SHOWN items and a button for the rest. `render` gives each item's
 * `<li>` (with its key). After "显示全部N条" the focus goes to the first item that was hidden, and the rest
 * are rendered as they scroll into view (LIST_BATCH at a time, a screen ahead: 1,000 cards at once were
 * seconds of one task); without IntersectionObserver, all at once. `ordered`: an `<ol>` (a ranking).
 */
export function CappedList<T>({
  items,
  render,
  className = 'pga-list',
  label,
  labelledBy,
  ordered = false,
  testId,
}: {
  items: readonly T[];
  render: (item: T, index: number) => ReactNode;
  className?: string;
  label?: string;
  labelledBy?: string;
  ordered?: boolean;
  testId?: string;
}) {
  const { tr } = useI18n();
  // How many items are rendered: LIST_SHOWN until "显示全部N条", then more as the list's end comes near.
  const [rendered, setRendered] = useState(LIST_SHOWN);
  const [all, setAll] = useState(false);
  const list = useRef<HTMLUListElement & HTMLOListElement>(null);
  const end = useRef<HTMLDivElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    if (!all || !opened.current) return;
    opened.current = false;
    const first = list.current?.children[LIST_SHOWN] as HTMLElement | undefined;
    if (first) {
      first.tabIndex = -1;
      first.focus();
    }
  }, [all]);
  const more = all && rendered < items.length;
  useEffect(() => {
    const IO = intersectionObserver();
    const target = end.current;
    if (!more || !IO || !target) return;
    const io = new IO(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setRendered((r) => r + LIST_BATCH);
      },
      { rootMargin: '0px 0px 800px 0px' },
    );
    io.observe(target);
    return () => io.disconnect();
  }, [more, rendered]);
  const cut = !all && items.length > LIST_SHOWN;
  const count = all ? rendered : LIST_SHOWN;
  const List = ordered ? 'ol' : 'ul';
  return (
    <>
      <List ref={list} className={className} aria-label={label} aria-labelledby={labelledBy} data-testid={testId}>
        {(items.length > count ? items.slice(0, count) : items).map(render)}
      </List>
      {more && <div ref={end} className="pga-list-end" aria-hidden="true" data-testid="list-end" />}
      {cut && (
        <Button
          appearance="secondary"
          className="pga-disclosure"
          onClick={() => {
            opened.current = true;
            setAll(true);
            setRendered(intersectionObserver() ? LIST_SHOWN + LIST_BATCH : items.length);
          }}
        >
          {tr(PANE.listShowAll, { count: items.length })}
        </Button>
      )}
    </>
  );
}
