/** The automated audit (test/a11y/audit-suite.ts), stories part 2 of 4: every fourth story, from the second. */
import { auditSetup, auditStories } from './audit-suite.js';

auditSetup();
auditStories(2);
