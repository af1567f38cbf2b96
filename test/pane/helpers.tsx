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
