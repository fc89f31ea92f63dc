/**
 * What {@link LazyThreads} loads the first time a card shows a thread (issue 23): the threads
 * and their styles, which a parent's page needs only once the teacher wrote.
 */
export { CardThreads } from './card-threads.js';
export { threadStyles as styles } from './thread.styles.js';
