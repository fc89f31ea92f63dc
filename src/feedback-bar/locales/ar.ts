import type { FeedbackMessages } from '../messages.js';
import { plural, type PluralForms } from '../../core/plural.js';

const count = (n: number, forms: Omit<PluralForms, 'zero'>) => plural('ar', n, forms);
/** A counted noun: one and two as words, otherwise the number before the right form. */
const noun = (n: number, one: string, two: string, few: string, many: string, other: string) =>
  count(n, { one, two, few: `${n} ${few}`, many: `${n} ${many}`, other: `${n} ${other}` });
/** "3 من أصل 24 عائلة": the noun follows the total, in the genitive. */
const ofFamilies = (n: number, total: number) => `${n} من أصل ${noun(total, 'عائلة واحدة', 'عائلتين', 'عائلات', 'عائلة', 'عائلة')}`;

export const ar: FeedbackMessages = {
  toolbar: 'تفاعل',
  reactions: {
    like: 'إعجاب',
    heart: 'قلب',
    clap: 'تصفيق',
    'talked-at-home': 'تحدثنا عنه في البيت',
    'practised-at-home': 'تدرّبنا عليه في البيت',
  },
  reactionName: (label, count) => `${label}، ${count}`,
  reactionGiven: (label, count) => `تم إرسال ${label} — ${count}`,
  reactionTakenBack: (label, count) => `تم سحب ${label} — ${count}`,
  reactionFailed: 'لم يُحفَظ تفاعلك. يُرجى المحاولة مرة أخرى.',
  replyLabel: 'رسالة قصيرة إلى المعلّم',
  replyPlaceholder: 'مثلًا: سار الأمر جيدًا في البيت!',
  send: 'إرسال',
  sending: 'جارٍ الإرسال…',
  replyFailed: 'لم ينجح الإرسال. نصّكم محفوظ.',
  replySent: 'أُرسلت الرسالة',
  yourReplies: 'رسائلكم',
  replies: 'رسائل من الأهل',
  noReplies: 'لا توجد رسائل بعد.',
  noReactions: 'لا توجد تفاعلات بعد.',
  whoReacted: 'من تفاعل',
  nobody: 'لا أحد بعد',
  homeShare: (n, total) => `فعلوها في البيت: ${ofFamilies(n, total)}`,
};
