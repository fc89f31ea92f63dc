/** The automated audit (test/a11y/audit-suite.ts), stories part 3 of 4: every fourth story, from the third. */
import { auditSetup, auditStories } from './audit-suite.js';

auditSetup();
auditStories(3);
