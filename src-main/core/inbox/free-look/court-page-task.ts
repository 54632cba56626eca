import { isolatedTask } from '../../isolation/isolated-tasks';
import { readCourtPage } from './read-court-page';

/** In a child process: one page a court answered with, and its address, in; what kind of page it is out. */
export default isolatedTask('court-page', { run: async (page) => readCourtPage(page.html, page.url) });
