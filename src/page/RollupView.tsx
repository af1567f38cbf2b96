/**
 * 汇总多个党支部 in the workbook page: the 党委 picks (or drops) the workbooks its branches sent in, or the
 * folder holding them; the page reads and assesses each in turn (src/page/run-rollup.ts, a lazy chunk),
 * shows 报送情况 — every file, its branch and latest period, or why it could not be read — and offers the
 * summary workbook (汇总.xlsx), the same `assess rollup` writes for the same files on the same day.
 * The summary is in the page's language: switching the language makes it again. The Party committee's
 * name (optional) goes into the summary's titles; changing it makes the summary again from the files
 * already read.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Field, Input, Text } from '@fluentui/react-components';
import type { Lang } from '../domain/types';
import { t } from '../i18n';
import type { Msg, Params } from '../i18n';
import { dateLabel, periodLabel } from '../i18n/domain';
import { PAGE } from '../i18n/page';
import { ROLLUP, ROLLUP_PAGE, ROLLUP_SHEET, SUBMISSIONS } from '../i18n/rollup';
import { describeError } from '../i18n/errors';
import { saveBytes } from './download';
import type { PickedFile } from './files';
import { MIME_XLSX, pickedFromInput, rollupInputs } from './files';
import type { PageRollup } from './run-rollup';

/** The roll-up's chunk (also prefetched by the page: src/ui/prefetch.ts). */
export const loadRollup = () => import(/* webpackChunkName: "rollup" */ './run-rollup');

type Phase =
  | { phase: 'idle' }
  | { phase: 'empty' }
  | { phase: 'running'; done: number; total: number }
  | { phase: 'done'; result: PageRollup }
  | { phase: 'failed'; error: unknown };

export interface RollupViewProps {
  lang: Lang;
  /** The files picked or dropped; null: none yet. */
  files: PickedFile[] | null;
  /** New files were picked here (the page starts a new roll-up with them). */
  onFiles: (files: PickedFile[]) => void;
  onBack: () => void;
}

// The folder picker's attribute (Chromium, Edge, Firefox, Safari), unknown to React's types.
const FOLDER = { webkitdirectory: '', directory: '' } as Record<string, string>;

export function RollupView({ lang, files, onFiles, onBack }: RollupViewProps) {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const [state, setState] = useState<Phase>({ phase: 'idle' });
  const [unit, setUnit] = useState('');
  // The roll-up reads the name when it starts; a later change remakes the summary (below).
  const unitNow = useRef(unit);
  unitNow.current = unit.trim();
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  useEffect(() => {
    if (!files) return;
    const inputs = rollupInputs(files);
    if (inputs.length === 0) {
      setState({ phase: 'empty' });
      return;
    }
    let live = true;
    setState({ phase: 'running', done: 0, total: inputs.length });
    loadRollup()
      .then(({ rollupPicked }) => rollupPicked(inputs, lang, (done) => live && setState({ phase: 'running', done, total: inputs.length }), new Date(), unitNow.current))
      .then(
        (result) => live && setState({ phase: 'done', result }),
        (error) => live && setState({ phase: 'failed', error }),
      );
    return () => {
      live = false;
    };
  }, [files, lang]);

  useEffect(() => {
    if (state.phase === 'done') resultHeading.current?.focus();
  }, [state.phase]);

  // Another Party committee's name: the same files' summary made again with it, once typing pauses.
  const wanted = unit.trim();
  useEffect(() => {
    if (state.phase !== 'done' || state.result.made.unit === wanted) return;
    let live = true;
    const made = state.result.made;
    const timer = setTimeout(() => {
      loadRollup()
        .then(({ makeRollup }) => makeRollup({ ...made, unit: wanted }))
        .then(
          (result) => live && setState({ phase: 'done', result }),
          (error) => live && setState({ phase: 'failed', error }),
        );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wanted, state]);
  const stale = state.phase === 'done' && state.result.made.unit !== wanted;

  const picked = (e: React.ChangeEvent<HTMLInputElement>) => {
    const list = e.currentTarget.files;
    const chosen = list && list.length ? pickedFromInput(list) : [];
    e.currentTarget.value = '';
    if (chosen.length) onFiles(chosen);
  };

  const running = state.phase === 'running';
  return (
    <section className="pgp-section" aria-labelledby="pgp-rollup-title" data-testid="rollup-view">
      <h2 id="pgp-rollup-title" className="pgp-h2" ref={heading} tabIndex={-1}>
        {tr(PAGE.rollupTitle)}
      </h2>
      <Text>{tr(PAGE.rollupIntro)}</Text>
      <Field label={tr(ROLLUP_PAGE.unitLabel)} className="pgp-unit">
        <Input value={unit} onChange={(_, d) => setUnit(d.value)} placeholder={tr(ROLLUP_PAGE.unitHint)} data-testid="rollup-unit" />
      </Field>
      <div className="pgp-drop" data-testid="rollup-drop-zone">
        <div className="pgp-actions">
          <Button appearance="primary" onClick={() => filesInput.current?.click()} disabled={running} data-testid="pick-files">
            {tr(state.phase === 'done' ? PAGE.rollupAgain : PAGE.pickFiles)}
          </Button>
          <Button appearance="secondary" onClick={() => folderInput.current?.click()} disabled={running} data-testid="pick-folder">
            {tr(PAGE.pickFolder)}
          </Button>
        </div>
        <Text className="pgp-muted">{tr(PAGE.dropMany)}</Text>
        <Text className="pgp-muted">{tr(ROLLUP_PAGE.keepHint)}</Text>
      </div>
      <input ref={filesInput} type="file" multiple accept=".xlsx,.xlsm,.xls,.xlsb,.et,.ods" hidden onChange={picked} data-testid="rollup-files-input" />
      <input ref={folderInput} type="file" multiple hidden onChange={picked} data-testid="rollup-folder-input" {...FOLDER} />

      {state.phase === 'running' && (
        <Field validationMessage={tr(PAGE.rollupRunning, { done: state.done, total: state.total })} validationState="none" data-testid="rollup-progress">
          <ProgressBar value={state.total ? state.done / state.total : 0} aria-label={tr(PAGE.rollupTitle)} />
        </Field>
      )}
      {state.phase === 'empty' && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>{tr(PAGE.rollupNoFiles)}</MessageBarBody>
        </MessageBar>
      )}
      {state.phase === 'failed' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{tr(PAGE.rollupNone)}</MessageBarTitle>
            {describeError(state.error, lang)}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.phase === 'done' && <RollupResult result={state.result} lang={lang} headingRef={resultHeading} stale={stale} />}
      <div>
        <Button appearance="subtle" onClick={onBack} data-testid="back">
          {tr(PAGE.back)}
        </Button>
      </div>
    </section>
  );
}

function RollupResult({ result, lang, headingRef, stale }: { result: PageRollup; lang: Lang; headingRef: React.RefObject<HTMLHeadingElement>; stale: boolean }) {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const { report, lines, bytes } = result;
  const fileName = tr(PAGE.rollupFile);
  const first = report.files.find((f) => f.status === 'unreadable');
  const status = (s: (typeof report.files)[number]['status']) => tr(SUBMISSIONS[s === 'unreadable' ? 'unreadable' : s]);
  return (
    <>
      <MessageBar intent={bytes ? 'success' : 'error'} layout="multiline" role="status" data-testid="rollup-result">
        <MessageBarBody>
          <MessageBarTitle>{tr(bytes ? PAGE.rollupDone : PAGE.rollupNone)}</MessageBarTitle>
          <div className="pga-notice-body">
            <span>{lines.done}</span>
            {bytes && lines.latest && <span>{lines.latest}</span>}
            {bytes && <span>{lines.open}</span>}
            {bytes && <span>{tr(PAGE.asOf, { date: dateLabel(lang, result.asOf) })}</span>}
            {!bytes && first && <span>{tr({ zh: '{file}：{reason}', en: '{file}: {reason}' }, { file: first.file, reason: first.reason ?? '' })}</span>}
          </div>
        </MessageBarBody>
      </MessageBar>
      {bytes && (
        <div className="pgp-filebar">
          <div className="pgp-actions">
            <Button appearance="primary" onClick={() => saveBytes(bytes, fileName, MIME_XLSX)} disabled={stale} data-testid="download-rollup">
              {tr(PAGE.downloadRollup)}
            </Button>
          </div>
          <Text className="pgp-muted">{tr(PAGE.downloadAs, { file: fileName })}</Text>
        </div>
      )}
      <h3 className="pgp-h3" ref={headingRef} tabIndex={-1} id="pgp-submissions">
        {tr(ROLLUP_SHEET.submissions)}
      </h3>
      <ol className="pgp-files" aria-labelledby="pgp-submissions" data-testid="submissions">
        {report.files.map((f) => (
          <li key={f.file} className="pgp-file-item" data-status={f.status}>
            <span className="pgp-file-name">{f.file}</span>
            <span className="pgp-file-facts">
              <strong>{status(f.status)}</strong>
              {f.branch ? (
                <span>
                  {tr(ROLLUP.branch)}
                  {tr({ zh: '：', en: ': ' })}
                  {f.branch}
                </span>
              ) : null}
              {f.latest ? (
                <span>
                  {tr(SUBMISSIONS.latest)}
                  {tr({ zh: '：', en: ': ' })}
                  {periodLabel(lang, f.latest)}
                </span>
              ) : null}
            </span>
            {(f.reason || f.notes) && <span className="pgp-file-note">{f.reason ?? f.notes}</span>}
          </li>
        ))}
      </ol>
    </>
  );
}
