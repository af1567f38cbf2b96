/**
 * Preloaded (node -r) into the built command by test/rollup.test.ts: counts the worker threads it starts and
 * reports the count on stderr when the process exits, as one line `PGA_WORKERS <n>`.
 */
'use strict';
const wt = require('worker_threads');
let started = 0;
const Original = wt.Worker;
wt.Worker = class extends Original {
  constructor(...args) {
    super(...args);
    started++;
  }
};
process.on('exit', () => require('fs').writeSync(2, `PGA_WORKERS ${started}\n`));
