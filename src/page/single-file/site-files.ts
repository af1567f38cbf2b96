/**
 * src/page/site-files.ts in the single-file build (dist/考评助手.html; webpack.config.js aliases it here): the
 * file stands alone, opened from a file:// URL with the network off — the icon is inlined as a data: URL
 * (webpack's asset/inline) and there is no help page beside it to link.
 */
import icon from '../../../assets/icon-32.png';

export const PAGE_ICON: string = icon;
export const HELP_PAGE: string | null = null;
