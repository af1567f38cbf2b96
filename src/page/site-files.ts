/**
 * The files the workbook page uses from beside it on its site (dist/): its icon and the help page.
 * The single-file build (dist/考评助手.html, webpack.config.js) swaps this module for
 * src/page/single-file/site-files.ts by a resolve.alias: there is no site beside that file, so the icon is
 * inlined and there is no help page to link.
 */
export const PAGE_ICON: string = 'assets/icon-32.png';
/** The help page beside this page; null: none (the single file). */
export const HELP_PAGE: string | null = 'help.html';
