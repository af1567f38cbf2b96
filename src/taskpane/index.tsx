/** The task pane's entry (taskpane.html): boots the pane (src/taskpane/app/boot.tsx) into #container. */
import { boot } from './app/boot';

const container = document.getElementById('container');
if (container) void boot(container);
