import type { FeelingsMessages } from '../messages.js';
import { plural } from '../../core/plural.js';

export const ar: FeelingsMessages = {
  // Nouns with the article, so they fit any child and the "أشعر ب…" starter.
  words: {
    happy: 'السعادة',
    angry: 'الغضب',
    scared: 'الخوف',
    sad: 'الحزن',
    proud: 'الفخر',
    tired: 'التعب',
    nervous: 'التوتر',
    calm: 'الهدوء',
  },
  question: 'كيف تشعر؟',
  yourChoice: 'اختيارك:',
  questionParent: 'كيف يشعر طفلكم؟',
  strength: 'ما مدى قوة هذا الشعور؟',
  strengthWords: ['قليلًا جدًا', 'قليلًا', 'إلى حدّ ما', 'كثيرًا', 'كثيرًا جدًا'],
  strengthValue: (n) => `${n} من 5`,
  noteLabel: 'هل تريدون إخبارنا بشيء؟ (اختياري)',
  notePlaceholder: 'مثلًا: كانت متعبة بعد السباحة',
  starter: (word) => `أشعر ب${word} لأن …`,
  save: 'حفظ',
  saving: 'جارٍ الحفظ…',
  saved: 'تم الحفظ. شكرًا لكم!',
  saveFailed: 'لم ينجح الحفظ. اختياركم محفوظ.',
  today: (word, strength) => `اليوم: ${word} (${strength} من 5)`,
  context: { home: 'في البيت', school: 'في المدرسة' },
  history: 'آخر 14 يومًا',
  noCheckin: 'لا يوجد تسجيل',
  classToday: 'الصف اليوم',
  checkedIn: (n) =>
    plural('ar', n, {
      zero: 'لم يسجّل أي طفل شعوره بعد',
      one: 'سجّل طفل واحد شعوره',
      two: 'سجّل طفلان شعورهما',
      few: `سجّل ${n} أطفال مشاعرهم`,
      many: `سجّل ${n} طفلًا مشاعرهم`,
      other: `سجّل ${n} طفل مشاعرهم`,
    }),
  week: 'هذا الأسبوع',
  weekDay: (checkins, negative) => `التسجيلات: ${checkins}، منها بشعور صعب: ${negative}`,
  signals: 'إشارات',
  noSignals: 'لا توجد إشارات الآن.',
  // A label and numbers ("أيام الدراسة: 3 من 5"), so no noun has to follow the count.
  signal: (name, feelings, days, window, schoolDays) =>
    `${name}: شعور قوي (${feelings}) — ${schoolDays ? 'أيام الدراسة' : 'الأيام'}: ${days} من ${window}`,
  nextStep: 'ماذا يمكنك أن تفعل؟',
  steps: {
    child: 'اسأل الطفل عن حاله',
    parents: 'تحدّث مع الأهل',
    'care-coordinator': 'تشاور مع منسّق الرعاية',
    teacher: 'تشاور مع المعلّم',
  },
  childFallback: 'طفل',
  privacy: 'لا يرى الإشارات إلا المعلّم ومنسّق الرعاية. يرى الأهل طفلهم فقط.',
  whoSees:
    'من يرى هذا؟ يرى المعلّم ومنسّق الرعاية في المدرسة هذا التسجيل وملاحظتكم. ينتبه منسّق الرعاية خاصةً للأطفال الذين يمرّون بأيام دراسية صعبة. لا يراه الأهل الآخرون أبدًا.',
  whoSeesChild: 'يرى معلّمك ما تختاره وما تكتبه.',
  feelingsRefused: 'بعض التسجيلات لم تكن صحيحة، فتم تخطّيها.',
};
