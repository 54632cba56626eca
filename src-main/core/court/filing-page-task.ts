import { isolatedTask } from '../isolation/isolated-tasks';
import { readFilingPage } from './read-filing-page';

/** In a child process: one page of the court's filing surface and the court's profile id in, what it says out. */
export default isolatedTask('filing-page', {
  run: async (page) => readFilingPage(page.profileId, page.html, page.expected),
});
