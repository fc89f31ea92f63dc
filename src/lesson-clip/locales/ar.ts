import type { ClipMessages } from '../messages.js';
import { plural, type PluralForms } from '../../core/plural.js';

const count = (n: number, forms: Omit<PluralForms, 'zero'>) => plural('ar', n, forms);
/** A counted noun: one and two as words, otherwise the number before the right form. */
const noun = (n: number, one: string, two: string, few: string, many: string, other: string) =>
  count(n, { one, two, few: `${n} ${few}`, many: `${n} ${many}`, other: `${n} ${other}` });
/** "3 من أصل 24 عائلة": the noun follows the total, in the genitive. */
const ofFamilies = (n: number, total: number) => `${n} من أصل ${noun(total, 'عائلة واحدة', 'عائلتين', 'عائلات', 'عائلة', 'عائلة')}`;

export const ar: ClipMessages = {
  lesson: (n) => `الدرس ${n}`,
  lessonLabel: 'منشور الدرس',
  goal: 'هدف الدرس',
  learned: 'ماذا تعلّمنا',
  homeQuestion: 'سؤال للحديث في البيت',
  homeActivity: 'تمرين في البيت',
  answerLabel: 'إجابتكم',
  answerPlaceholder: 'اكتبوا ببضع كلمات عمّا تحدثتم عنه في البيت',
  send: 'إرسال',
  sending: 'جارٍ الإرسال…',
  sendFailed: 'لم ينجح الإرسال. نصّكم محفوظ.',
  talkedFailed: 'لم يُحفَظ ذلك. يُرجى المحاولة مرة أخرى.',
  draftKept: 'حُفظت المسودة',
  talkedAboutIt: 'تحدثنا عن ذلك في البيت',
  talkedAboutItDone: 'تحدثتم عن ذلك في البيت',
  yourAnswer: 'إجابتكم',
  edit: 'تعديل',
  cancel: 'إلغاء',
  saved: 'تم الإرسال',
  posted: (relative) => `نُشر ${relative}`,
  coTeacher: (name) => `بمشاركة ${name}`,
  video: 'فيديو',
  photos: (n) =>
    plural('ar', n, {
      zero: 'لا توجد صور',
      one: 'صورة واحدة',
      two: 'صورتان',
      few: `${n} صور`,
      many: `${n} صورة`,
      other: `${n} صورة`,
    }),
  photoOf: (i, n) => `الصورة ${i} من ${n}`,
  previousPhoto: 'الصورة السابقة',
  nextPhoto: 'الصورة التالية',
  mediaBlocked: 'لا يمكن عرض الفيديو أو الصور بأمان.',
  noCaptions: 'لا توجد ترجمة مكتوبة لهذا الفيديو.',
  reach: 'الوصول إلى عائلات الصف',
  reachOf: (n, total) => ofFamilies(n, total),
  seen: 'شاهدوا',
  talked: 'تحدثوا عنه في البيت',
  answered: 'أجابوا',
  answers: 'إجابات الأهل',
  noAnswers: 'لا توجد إجابات بعد.',
  talkedOnly: 'تحدثوا عن ذلك',
  mediaWithheld: 'لا تُعرض صور هذا الدرس ومقاطعه هنا، حفاظًا على خصوصية الأطفال.',
  notReached: 'لم يصلهم بعد',
  notReachedHint: 'أنت وحدك ترى هذه القائمة. ربما تسأل شخصيًا؟',
  everyoneReached: 'شاهدت كل العائلات هذا المنشور.',
  audienceCarer: 'لا يرى هذا إلا المعلّم وأنت.',
  audienceHousehold: 'لا يرى هذا إلا المعلّم وأهل بيتك.',
  audienceFamily: 'لا يرى هذا إلا المعلّم وعائلتك، وفي العنوان الآخر أيضًا.',
  addressesOf: (n, total) => `${n} من أصل ${noun(total, 'عنوان واحد', 'عنوانين', 'عناوين', 'عنوانًا', 'عنوان')}`,
  familyAt: (family, address) => `${family} — ${address}`,
  otherAddress: 'عنوان آخر',
};
