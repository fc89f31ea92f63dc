/** The automated audit (test/a11y/audit-suite.ts), its last part: each widget's main story in all six languages. */
import { auditLanguages, auditSetup } from './audit-suite.js';

auditSetup();
auditLanguages();
