/** The task pane's entry (taskpane.html): polyfills first, then boots the pane (src/taskpane/app/boot.tsx) into #container. */
import '../compat/polyfills';
import '../compat/resize-observer';
import { boot } from './app/boot';

const container = document.getElementById('container');
if (container) void boot(container);
