/** The automated audit (test/a11y/audit-suite.ts), stories part 1 of 4: every fourth story, from the first. */
import { auditSetup, auditStories } from './audit-suite.js';

auditSetup();
auditStories(1);
