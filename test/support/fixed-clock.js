/**
 * Preloaded into a child Node process (`node --require test/support/fixed-clock.js …`) to stop its clock at
 * PGA_FIXED_NOW (an ISO time): `new Date()` and `Date.now()` answer that instant, every other use of Date
 * is untouched. The workbook page's end-to-end test runs the real command-line tool this way, and the page
 * under Playwright's fixed clock, so that both write the same run time and judge rectifications on the
 * same day.
 */
'use strict';
const fixed = Date.parse(process.env.PGA_FIXED_NOW || '');
if (Number.isFinite(fixed)) {
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
}
