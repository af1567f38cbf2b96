/**
 * The workbook page (workbook.html): the task pane's assessment for a workbook FILE, in a browser, with no
 * Office at all — for WPS, for Excel that cannot load the add-in, for computers where add-ins are blocked —
 * and the 党委's roll-up of many branches' workbooks.
 *
 * - Open a .xlsx / .xlsm (button or drop): the file is read in the browser, in a worker (the file host and
 *   the engine, src/page/engine.worker.ts; the page speaks to it through src/page/worker-host.ts) and the
 *   same pane (App, embedded) runs over it; while 考评 runs, 取消 stops it and keeps the workbook as it was — 考评, 概览, 预警, 年度排名, 设置, 复制汇报文字.
 *   After 考评 the assessed workbook is offered as `<name>.assessed.xlsx`: the same the `assess` tool writes.
 *   A file that cannot be read shows the one-line reason and offers nothing.
 * - 汇总多个党支部 (button, or a drop of several files or a folder): RollupView.
 * - The page's language: `?lang=`, else the last choice on this site, else the browser's (zh* → Chinese,
 *   anything else → English); the switch in the header and 设置's 面板语言 change it together. The choice is
 *   kept in this browser (localStorage), never written into a workbook.
 * - Nothing leaves the browser: the page's CSP allows connections to its own site only, and it makes none.
 */
import { Component, Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Button, FluentProvider, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import { AssessError } from '../domain/errors';
import type { Lang } from '../domain/types';
import { t } from '../i18n';
import type { Msg, Params } from '../i18n';
import { PAGE } from '../i18n/page';
import { usePaneTheme } from '../ui/theme';
import { prefetchWhenIdle } from '../ui/prefetch';
import { saveBytes } from './download';
import type { PickedFile } from './files';
import { LANG_KEY, downloadName, droppedEntries, droppedFiles, fileBytes } from './files';
import { describeError, errorText, oneLine } from '../i18n/errors';
import type { Download } from './workbook-file';
import type { PageWorkbook } from './worker-host';
import { CONFIG_CODES } from '../i18n/config';
import { HELP_PAGE, PAGE_ICON } from './site-files';

// The first view needs none of these: the pane, the engine worker's client and the roll-up load on demand
// (the file host — zip, XML — and the engine run in the worker, src/page/engine.worker.ts).
const loadWorkerHost = () => import(/* webpackChunkName: "worker-host" */ './worker-host');
const loadPane = () => import(/* webpackChunkName: "page-pane" */ '../ui/App');
const App = lazy(() => loadPane().then((m) => ({ default: m.App })));
const loadRollupView = () => import(/* webpackChunkName: "page-rollup" */ './RollupView');
const RollupView = lazy(() => loadRollupView().then((m) => ({ default: m.RollupView })));
/** Every on-demand chunk of the page, nested ones after their parent: loaded when idle after the first paint. */
const PAGE_CHUNKS = [
  // The next workbook's worker, made and loaded ahead: a workbook opened offline still has its engine.
  () => loadWorkerHost().then((m) => m.warmEngine()),
  () => loadPane().then((m) => Promise.all(m.PANE_CHUNKS.map((load) => load()))),
  // The roll-up reads its files on this thread: its core, and the old-format check's library.
  () => loadRollupView().then((m) => m.loadRollup()).then((m) => m.loadCfb()),
];

type View =
  | { kind: 'start' }
  | { kind: 'opening'; file: string }
  | { kind: 'workbook'; opened: PageWorkbook; id: number }
  | { kind: 'rollup'; id: number; files: PickedFile[] | null };

interface Failure {
  file: string;
  error: unknown;
}

export interface WorkbookPageProps {
  initialLang: Lang;
}

/**
 * Why a file could not be opened, naming the file once: the title names it unless the reason does (a
 * reason placed at the file itself is given without the place).
 * @internal exported for test/page/workbook-file.test.ts
 */
export function failureText(failure: Failure, lang: Lang): { title: string; reason: string } {
  const e = failure.error;
  let reason = oneLine(e instanceof AssessError && e.where === failure.file ? errorText(e, lang) : describeError(e, lang));
  if (lang === 'en-US') reason = reason.charAt(0).toUpperCase() + reason.slice(1);
  const title = reason.includes(failure.file) ? t(lang, PAGE.cannotOpenFile) : t(lang, PAGE.cannotOpen, { file: failure.file });
  return { title, reason };
}

function remember(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // storage may be off (private windows, policies): the choice then lasts for this visit
  }
}

export function WorkbookPage({ initialLang }: WorkbookPageProps) {
  const theme = usePaneTheme();
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [view, setView] = useState<View>({ kind: 'start' });
  const [failure, setFailure] = useState<Failure | null>(null);
  const [download, setDownload] = useState<Download | null>(null);
  const [dragging, setDragging] = useState(false);
  // 考评 is running in the worker (取消 is offered); the last run was cancelled (the page says so).
  const [running, setRunning] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const cancelledBar = useRef<HTMLDivElement>(null);
  const cancelledRef = useRef(cancelled);
  cancelledRef.current = cancelled;
  const openInput = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const sequence = useRef(0);
  const viewRef = useRef(view);
  viewRef.current = view;
  const tr = useCallback((m: Msg, p?: Params) => t(lang, m, p), [lang]);

  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    remember(l);
  }, []);

  // Once painted and idle, every chunk: the page, once open, works without the network.
  useEffect(() => prefetchWhenIdle(PAGE_CHUNKS), []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t(lang, PAGE.title);
  }, [lang]);

  // ── one workbook ──
  const openFile = useCallback(async (file: File) => {
    const id = ++sequence.current;
    setFailure(null);
    setDownload(null);
    setCancelled(false);
    setView({ kind: 'opening', file: file.name });
    try {
      const [{ openPageWorkbook }] = await Promise.all([loadWorkerHost(), loadPane()]);
      let bytes: Uint8Array;
      try {
        bytes = await fileBytes(file);
      } catch (e) {
        throw new AssessError('file', CONFIG_CODES.fileUnreadable, { path: file.name, detail: e instanceof Error ? e.name : String(e) });
      }
      const opened = await openPageWorkbook(file.name, bytes, (d) => {
        if (sequence.current === id) setDownload(d);
      });
      if (sequence.current !== id) {
        opened.close();
        return;
      }
      setView({ kind: 'workbook', opened, id });
    } catch (error) {
      if (sequence.current !== id) return;
      setFailure({ file: file.name, error });
      setView({ kind: 'start' });
    }
  }, []);

  const startRollup = useCallback((files: PickedFile[] | null) => {
    setFailure(null);
    setDownload(null);
    setView({ kind: 'rollup', id: ++sequence.current, files });
  }, []);

  const back = useCallback(() => {
    ++sequence.current;
    setDownload(null);
    setCancelled(false);
    setView({ kind: 'start' });
  }, []);

  // The workbook on show: is 考评 running in its worker? Its worker stops when another takes its place.
  useEffect(() => {
    if (view.kind !== 'workbook') return;
    const opened = view.opened;
    const stop = opened.onRunning((r) => {
      setRunning(r);
      if (r) setCancelled(false);
    });
    return () => {
      stop();
      setRunning(false);
      opened.close();
    };
  }, [view]);

  // 取消: the worker stops at once; the workbook as it stood before the run is shown again (a new pane over
  // it), and what is offered for download stays what it was.
  const cancel = useCallback(async () => {
    const current = viewRef.current;
    if (current.kind !== 'workbook') return;
    const id = ++sequence.current;
    setRunning(false);
    try {
      const opened = await current.opened.cancel((d) => {
        if (sequence.current === id) setDownload(d);
      });
      if (sequence.current !== id) {
        opened.close();
        return;
      }
      setCancelled(true);
      setView({ kind: 'workbook', opened, id });
    } catch (error) {
      if (sequence.current !== id) return;
      setFailure({ file: current.opened.name, error });
      setView({ kind: 'start' });
    }
  }, []);
  useEffect(() => {
    if (cancelled) cancelledBar.current?.focus();
  }, [cancelled]);

  // Focus follows the view: the heading of what just opened (after 取消, the message saying so).
  useEffect(() => {
    if (view.kind === 'workbook' && !cancelledRef.current) heading.current?.focus();
  }, [view]);

  // ── drops anywhere on the page ──
  useEffect(() => {
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types ?? [], 'Files') >= 0;
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      // Without this the browser would open the dropped file itself.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!e.relatedTarget) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e) && !(e.dataTransfer?.files?.length ?? 0)) return;
      e.preventDefault();
      setDragging(false);
      const taken = droppedEntries(e.dataTransfer);
      void droppedFiles(taken).then((files) => {
        if (files.length === 0) return;
        const single = files.length === 1 && !files[0].inFolder;
        if (viewRef.current.kind === 'rollup') startRollup(files);
        else if (single) void openFile(files[0].file);
        else startRollup(files);
      });
    };
    window.addEventListener('dragenter', over);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', over);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [openFile, startRollup]);

  // An assessed workbook not yet downloaded: leaving the page asks first.
  const unsaved = useRef(false);
  useEffect(() => {
    const guard = (e: BeforeUnloadEvent) => {
      if (!unsaved.current) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, []);
  useEffect(() => {
    unsaved.current = !!download;
  }, [download]);

  const pickOne = () => openInput.current?.click();
  const onPicked = (e: React.ChangeEvent<HTMLInputElement>) => {
    const files = e.currentTarget.files;
    const file = files && files.length ? files[0] : null;
    e.currentTarget.value = '';
    if (file) void openFile(file);
  };

  const save = () => {
    if (!download) return;
    saveBytes(download.bytes, download.name, download.mime);
    unsaved.current = false;
  };

  let body: ReactNode;
  switch (view.kind) {
    case 'start':
    case 'opening':
      body = (
        <Start
          tr={tr}
          opening={view.kind === 'opening' ? view.file : null}
          failure={failure}
          lang={lang}
          onOpen={pickOne}
          onRollup={() => startRollup(null)}
        />
      );
      break;
    case 'workbook': {
      // The steps read downwards, one primary button at a time: ① what is open (another: secondary), ② 考评 (the
      // pane's, primary until there is something to download), ③ download (primary once there is), its name said first.
      const mark = (m: Msg) => (
        <span className="pgp-step" aria-hidden="true">
          {tr(m)}
        </span>
      );
      const downloadStep = (
        <div className="pgp-actions pgp-download-step" data-testid="download-step">
          {mark(PAGE.stepDownload)}
          {download ? (
            <Button appearance="primary" size="large" onClick={save} data-testid="download">
              {tr(download.assessed ? PAGE.download : PAGE.downloadChanged)}
            </Button>
          ) : null}
          <Text className="pgp-muted pgp-step-text" data-testid="download-hint">
            {download ? tr(PAGE.downloadAs, { file: download.name }) : tr(PAGE.notYet, { file: downloadName(view.opened.name, true) })}
          </Text>
        </div>
      );
      body = (
        <section className="pgp-section" aria-labelledby="pgp-workbook-title">
          <div className="pgp-filebar">
            <div className="pgp-step-head">
              {mark(PAGE.stepOpen)}
              <h2 id="pgp-workbook-title" className="pgp-h2 pgp-file" ref={heading} tabIndex={-1}>
                {tr(PAGE.workbook, { file: view.opened.name })}
              </h2>
            </div>
            <div className="pgp-actions">
              {running ? (
                <Button appearance="secondary" onClick={() => void cancel()} title={tr(PAGE.cancelTitle)} data-testid="cancel">
                  {tr(PAGE.cancel)}
                </Button>
              ) : null}
              <Button appearance="secondary" onClick={pickOne} data-testid="open-another">
                {tr(PAGE.openAnother)}
              </Button>
              <Button appearance="subtle" onClick={back}>
                {tr(PAGE.back)}
              </Button>
            </div>
            {cancelled ? (
              <MessageBar intent="info" role="status" data-testid="cancelled" ref={cancelledBar} tabIndex={-1}>
                <MessageBarBody>{tr(PAGE.cancelled)}</MessageBarBody>
              </MessageBar>
            ) : null}
          </div>
          <Suspense fallback={<Spinner size="tiny" label={tr(PAGE.loading)} />}>
            <App
              key={view.id}
              host={view.opened.host}
              displayLanguage={null}
              initialLang={lang}
              lang={lang}
              onLanguage={setLang}
              embedded={{
                label: tr(PAGE.paneLabel),
                helpPage: HELP_PAGE,
                steps: { mark: mark(PAGE.stepAssess), next: downloadStep, stepBack: !!download, again: !!download?.assessed },
              }}
            />
          </Suspense>
        </section>
      );
      break;
    }
    case 'rollup':
      body = (
        <Suspense fallback={<Spinner size="tiny" label={tr(PAGE.loading)} />}>
          <RollupView key={view.id} lang={lang} files={view.files} onFiles={startRollup} onBack={back} />
        </Suspense>
      );
      break;
  }

  return (
    <FluentProvider theme={theme} dir="ltr" className="pgp-provider">
      <div className={dragging ? 'pgp pgp-dragging' : 'pgp'}>
        <header className="pgp-header">
          <img src={PAGE_ICON} alt="" width={32} height={32} />
          <h1 className="pgp-h1">{tr(PAGE.title)}</h1>
          <Button
            appearance="subtle"
            onClick={() => setLang(lang === 'zh-CN' ? 'en-US' : 'zh-CN')}
            lang={tr(PAGE.switchLanguageLang)}
            title={tr(PAGE.switchLanguageTitle)}
            data-testid="switch-language"
          >
            {tr(PAGE.switchLanguage)}
          </Button>
        </header>
        <main className="pgp-body">
          <section className="pgp-privacy" aria-labelledby="pgp-privacy-title" data-testid="privacy">
            <h2 id="pgp-privacy-title" className="pgp-privacy-title">
              {tr(PAGE.privacyTitle)}
            </h2>
            <p>{tr(PAGE.privacy)}</p>
          </section>
          <Unloaded key={view.kind === 'start' || view.kind === 'opening' ? 0 : view.id} lang={lang}>
            {body}
          </Unloaded>
        </main>
        <footer className="pgp-footer">
          <Text>{tr(PAGE.footer)}</Text>{' '}
          {HELP_PAGE && (
            <Link href={HELP_PAGE} target="_blank" rel="noopener">
              {tr(PAGE.help)}
            </Link>
          )}
        </footer>
        <input ref={openInput} type="file" accept=".xlsx,.xlsm" hidden onChange={onPicked} data-testid="open-input" />
      </div>
    </FluentProvider>
  );
}

interface StartProps {
  tr: (m: Msg, p?: Params) => string;
  lang: Lang;
  opening: string | null;
  failure: Failure | null;
  onOpen: () => void;
  onRollup: () => void;
}

/** The first view: open one workbook (or drop it), or go to the roll-up. */
function Start({ tr, lang, opening, failure, onOpen, onRollup }: StartProps) {
  // An error takes the focus, so that a screen reader reads it and the keyboard starts from it.
  const failureBar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) failureBar.current?.focus();
  }, [failure]);
  const text = failure ? failureText(failure, lang) : null;
  return (
    <>
      <section className="pgp-section" aria-labelledby="pgp-one-title">
        <h2 id="pgp-one-title" className="pgp-h2">
          {tr(PAGE.oneTitle)}
        </h2>
        <Text>{tr(PAGE.intro)}</Text>
        <div className="pgp-drop" data-testid="drop-zone">
          <Button appearance="primary" size="large" onClick={onOpen} disabled={!!opening} data-testid="open">
            {tr(PAGE.open)}
          </Button>
          <Text className="pgp-muted">{tr(PAGE.dropOne)}</Text>
          {opening && <Spinner size="tiny" label={tr(PAGE.opening, { file: opening })} />}
        </div>
        {text && (
          <MessageBar intent="error" role="alert" layout="multiline" data-testid="open-failed" ref={failureBar} tabIndex={-1}>
            <MessageBarBody>
              <MessageBarTitle>{text.title}</MessageBarTitle>
              <div className="pga-notice-body">
                <span data-testid="open-reason">{text.reason}</span>
                <span>{tr(PAGE.cannotOpenNote)}</span>
              </div>
            </MessageBarBody>
          </MessageBar>
        )}
      </section>
      <section className="pgp-section" aria-labelledby="pgp-rollup-start-title">
        <h2 id="pgp-rollup-start-title" className="pgp-h2">
          {tr(PAGE.rollupTitle)}
        </h2>
        <Text>{tr(PAGE.rollupShort)}</Text>
        <div>
          <Button appearance="secondary" onClick={onRollup} data-testid="rollup">
            {tr(PAGE.rollupButton)}
          </Button>
        </div>
      </section>
    </>
  );
}

interface UnloadedProps {
  lang: Lang;
  children: ReactNode;
}

/**
 * A part of the page that failed while rendering — in practice a lazy chunk (the roll-up, a panel of the
 * pane) that could not be fetched because the network went away before it was prefetched: its reason in
 * place of the view (describeError says "页面未加载完整，请联网刷新后再试。"), never a blank page.
 */
class Unloaded extends Component<UnloadedProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error: error ?? new Error(String(error)) };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <MessageBar intent="error" role="alert" layout="multiline" data-testid="page-failed">
        <MessageBarBody>{oneLine(describeError(this.state.error, this.props.lang))}</MessageBarBody>
      </MessageBar>
    );
  }
}
