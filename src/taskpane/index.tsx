/** The task pane's entry (taskpane.html): polyfills first, then boots the pane (src/taskpane/boot.tsx) into #container. */
import '../compat/polyfills';
import '../compat/resize-observer';
import { boot } from './boot';

const container = document.getElementById('container');
if (container) void boot(container);
