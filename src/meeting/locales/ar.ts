import type { MeetingMessages } from '../messages.js';
import { plural, type PluralForms } from '../../core/plural.js';

const count = (n: number, forms: Omit<PluralForms, 'zero'>) => plural('ar', n, forms);
/** A counted noun: one and two as words, otherwise the number before the right form. */
const noun = (n: number, one: string, two: string, few: string, many: string, other: string) =>
  count(n, { one, two, few: `${n} ${few}`, many: `${n} ${many}`, other: `${n} ${other}` });
const persons = (n: number) => noun(n, 'شخص واحد', 'شخصان', 'أشخاص', 'شخصًا', 'شخص');

export const ar: MeetingMessages = {
  kinds: {
    'information-evening': 'أمسية إعلامية',
    'last-lesson': 'الدرس الأخير، مع الأهل',
    'child-conversation': 'لقاء الأهل والطفل والمعلّم',
  },
  when: 'متى',
  where: 'أين',
  bring: 'أحضِر معك',
  invitedBy: (name) => `دعوة من: ${name}`,
  question: 'هل ستحضر؟',
  answers: { yes: 'نعم، سأحضر', maybe: 'ربما', no: 'لا، لا أستطيع' },
  people: 'كم عدد الأشخاص؟',
  send: 'أرسل الجواب',
  sending: 'جارٍ الإرسال…',
  yourAnswer: (answer, people) =>
    answer === 'no'
      ? 'لن تحضر. للأسف! بعد اللقاء تقرأ هنا ما تحدّثنا عنه.'
      : `${answer === 'yes' ? 'ستحضر' : 'ربما تحضر'}: ${persons(people)}.`,
  change: 'غيّر الجواب',
  sent: 'شكرًا! تم إرسال جوابك.',
  handedOver: 'شكرًا! جوابك في تقويم التطبيق.',
  failed: 'لم يُرسَل جوابك. حاول مرة أخرى.',
  addToCalendar: 'أضِف إلى التقويم',
  calendarReady: 'ملف التقويم جاهز.',
  past: 'انتهى هذا اللقاء.',
  summary: 'لمن لم يستطع الحضور',
  summaryFollows: 'سيضع المعلّم هنا ملخصًا قصيرًا قريبًا.',
  sheet: 'التحضير للقاء',
  sheetIntro: 'املأ هذا مع طفلك. يقرأه المعلّم قبل اللقاء.',
  keywords: 'بضع كلمات يختارها طفلك',
  keywordsHint: 'مثلًا: كرة القدم، الأصدقاء، الحساب',
  goesWell: 'ما يسير جيدًا',
  talkAbout: 'ما نريد أن نتحدث عنه',
  sendSheet: 'أرسل الورقة',
  sheetSent: 'تم الإرسال. يقرأه المعلّم قبل اللقاء.',
  sheetFailed: 'لم تُرسَل الورقة. ما كتبته يبقى هنا.',
  sheetEmpty: 'اكتب شيئًا أولًا.',
  draftKept: 'ما تكتبه يُحفظ على هذا الجهاز.',
  replies: 'أجوبة الأهل',
  count: (answer, n) => `${{ yes: 'نعم', maybe: 'ربما', no: 'لا' }[answer]}: ${n}`,
  peopleTotal: (n) => `نتوقع: ${persons(n)}`,
  notReplied: (n, total) => `${n} من أصل ${noun(total, 'عائلة واحدة', 'عائلتين', 'عائلات', 'عائلة', 'عائلة')} لم تُجب بعد`,
  noReplies: 'لا توجد أجوبة بعد.',
  replyOf: (answer, people) => (answer === 'no' ? 'لا' : `${answer === 'yes' ? 'نعم' : 'ربما'}، ${persons(people)}`),
  sheets: 'أوراق التحضير',
  noSheets: 'لم تُملأ أي ورقة بعد.',
};
