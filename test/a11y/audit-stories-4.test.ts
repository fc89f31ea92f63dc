/** The automated audit (test/a11y/audit-suite.ts), stories part 4 of 4: every fourth story, from the fourth. */
import { auditSetup, auditStories } from './audit-suite.js';

auditSetup();
auditStories(4);
