/**
 * Preloaded into the command-line tool by `npm run bench` (node -r): when the process exits it reports
 * its own CPU time (user + system) and peak resident memory on stderr, as one line the bench reads.
 */
'use strict';
process.on('exit', () => {
  const cpu = process.cpuUsage();
  const rss = process.resourceUsage().maxRSS; // KiB
  require('fs').writeSync(2, `\nPGA_MEASURE ${JSON.stringify({ cpuS: (cpu.user + cpu.system) / 1e6, rssMb: rss / 1024 })}\n`);
});
