/**
 * The workbook page's entry (workbook.html): the page language, then the page (src/page/WorkbookPage.tsx)
 * into #container. No office.js on this page: it runs in any current Chromium-based browser on its own.
 */
import { createRoot } from 'react-dom/client';
import { LANG_KEY, pageLanguage } from './files';
import { WorkbookPage } from './WorkbookPage';

function stored(): string | null {
  try {
    return localStorage.getItem(LANG_KEY);
  } catch {
    return null;
  }
}

const container = document.getElementById('container');
if (container) {
  const lang = pageLanguage(new URLSearchParams(location.search).get('lang'), stored(), navigator.languages?.length ? navigator.languages : [navigator.language]);
  document.documentElement.lang = lang;
  createRoot(container).render(<WorkbookPage initialLang={lang} />);
}
