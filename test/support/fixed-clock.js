/**
 * Stops a clock at PGA_FIXED_NOW (an ISO time): `new Date()` and `Date.now()` answer that instant, every other
 * use of Date is untouched. Two ways in:
 * - preloaded into a child Node process (`node --require test/support/fixed-clock.js …`), PGA_FIXED_NOW in its
 *   environment: the workbook page's end-to-end tests run the real command-line tool this way;
 * - as a browser's preload script after `globalThis.PGA_FIXED_NOW = '…';` (test/support/single-file.ts,
 *   fixedClockScript): the single-file page in Firefox, where Playwright's fixed clock is not available.
 * So the tool and the page write the same run time and judge rectifications on the same day.
 */
'use strict';
(function (iso) {
  const fixed = Date.parse(iso || '');
  if (!Number.isFinite(fixed)) return;
  const RealDate = Date;
  class FixedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(fixed);
      else super(...args);
    }
    static now() {
      return fixed;
    }
  }
  globalThis.Date = FixedDate;
})(typeof process === 'object' ? process.env.PGA_FIXED_NOW : globalThis.PGA_FIXED_NOW);
