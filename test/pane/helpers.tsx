/** Shared helpers for the pane's component tests: the sample workbook in memory and a rendered pane. */
import { configure, render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { AssessmentResult, Lang } from '../../src/domain/types';
import { assess } from '../../src/domain/assess';
import { MemoryHost } from '../../src/hosts/memory/host';
import sample from '../../src/hosts/memory/sample.json';
import { App } from '../../src/ui/App';
import type { AppProps } from '../../src/ui/App';
import { I18nContext, makeI18n } from '../../src/ui/context';
import { buildView } from '../../src/ui/view/index';
import type { PaneView } from '../../src/ui/view/types';
import { PreviewWorkbook } from '../../src/taskpane/PreviewWorkbook';
import { paneHost } from '../../src/app/pane-service';
import { workerPaneHost } from '../../src/ui/worker/pane';
import { parseWorkbook } from '../../src/workbook/parse';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';

// The engine chunk is compiled on first use under ts-jest: allow it time.
configure({ asyncUtilTimeout: 10000 });

export function sampleHost(): MemoryHost {
  return new MemoryHost(sample as unknown as WorkbookSnapshot);
}

export function renderPane(lang: Lang, memory: MemoryHost = sampleHost(), props: Partial<AppProps> = {}) {
  const utils = render(
    <App host={workerPaneHost(paneHost(memory), null)} displayLanguage={null} initialLang={lang} footer={<PreviewWorkbook host={memory} />} {...props} />,
  );
  return { host: memory, ...utils };
}

/**
 * The sample workbook assessed, as the panels see it. As of 2026-05-01 the only open rectification
 * (城西供电所党小组, 2025年下半年, deadline 2026-03-31) is 31 days overdue.
 */
export function sampleView(lang: Lang, asOf = '2026-05-01', snapshot: WorkbookSnapshot = sample as unknown as WorkbookSnapshot): PaneView {
  const p = parseWorkbook(snapshot);
  return buildView(assess({ rubric: p.rubric, rules: p.rules, rows: p.rows, issues: p.issues, asOf }), lang);
}

/** A panel alone, in a language. */
export function renderIn(lang: Lang, node: ReactNode) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={makeI18n(lang)}>{node}</I18nContext.Provider>
    </FluentProvider>,
  );
}

/**
 * A large result made from the sample's: `groups` Party groups, each with 城西供电所党小组's half-years and
 * years, and `perGroup` warnings (the sample's warnings, repeated), all under the group's own name. Rows are
 * spaced so that every record has its own place.
 */
export function scaledResult(groups: number, perGroup: number, asOf = '2026-05-01'): AssessmentResult {
  const p = parseWorkbook(sample as unknown as WorkbookSnapshot);
  const base = assess({ rubric: p.rubric, rules: p.rules, rows: p.rows, issues: p.issues, asOf });
  const model = '城西供电所党小组';
  const assessments: AssessmentResult['assessments'] = [];
  const annual: AssessmentResult['annual'] = [];
  const warnings: AssessmentResult['warnings'] = [];
  for (let g = 0; g < groups; g++) {
    const name = `第${g + 1}党小组`;
    const at = <T extends { row: number }>(c: T): T => ({ ...c, row: c.row + 1000 * (g + 1) });
    for (const a of base.assessments) {
      if (a.row.group === model) assessments.push({ ...a, row: { ...a.row, group: name, groupKey: name, source: at(a.row.source) } });
    }
    for (const e of base.annual) if (e.group === model) annual.push({ ...e, group: name, groupKey: name });
    for (let i = 0; i < perGroup; i++) {
      const w = base.warnings[i % base.warnings.length];
      warnings.push({ ...w, group: name, source: { ...at(w.source), row: w.source.row + 1000 * (g + 1) + 100 * Math.floor(i / base.warnings.length) } });
    }
  }
  return { ...base, assessments, annual, warnings, issues: [] };
}
