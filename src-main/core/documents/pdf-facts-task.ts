import { isolatedTask } from '../isolation/isolated-tasks';
import { readPdfFacts } from './read-pdf-facts';

/** In a child process: one document a court sent in, its facts (is it a PDF, how many pages) out. */
export default isolatedTask('pdf-facts', { run: (bytes) => readPdfFacts(bytes) });
