/** Shared helpers for the pane's component tests: the sample workbook in memory and a rendered pane. */
import { configure, render } from '@testing-library/react';
import type { Lang } from '../../src/domain/types';
import { MemoryHost } from '../../src/hosts/memory/host';
import sample from '../../src/hosts/memory/sample.json';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { App } from '../../src/taskpane/app/App';
import { PreviewWorkbook } from '../../src/taskpane/app/PreviewWorkbook';

// The engine chunk is compiled on first use under ts-jest: allow it time.
configure({ asyncUtilTimeout: 10000 });

export function sampleHost(): MemoryHost {
  return new MemoryHost(sample as unknown as WorkbookSnapshot);
}

export function renderPane(lang: Lang, host: MemoryHost = sampleHost()) {
  const utils = render(<App host={host} displayLanguage={null} initialLang={lang} footer={<PreviewWorkbook host={host} />} />);
  return { host, ...utils };
}

import { assess } from '../../src/domain/assess';
import { parseWorkbook } from '../../src/workbook/parse';
import { buildView } from '../../src/taskpane/app/engine';
import type { PaneView } from '../../src/taskpane/app/engine';
import { I18nContext, makeI18n } from '../../src/taskpane/app/context';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** The sample workbook assessed, as the panels see it. */
export function sampleView(lang: Lang, snapshot: WorkbookSnapshot = sample as unknown as WorkbookSnapshot): PaneView {
  const p = parseWorkbook(snapshot);
  return buildView(assess({ rubric: p.rubric, rules: p.rules, rows: p.rows, issues: p.issues, asOf: '2026-01-15' }), lang);
}

/** A panel alone, in a language. */
export function renderIn(lang: Lang, node: ReactNode) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={makeI18n(lang)}>{node}</I18nContext.Provider>
    </FluentProvider>,
  );
}
