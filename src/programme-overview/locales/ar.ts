import type { OverviewMessages } from '../messages.js';
import { plural, type PluralForms } from '../../core/plural.js';

const count = (n: number, forms: Omit<PluralForms, 'zero'>) => plural('ar', n, forms);
/** A counted noun: one and two as words, otherwise the number before the right form. */
const noun = (n: number, one: string, two: string, few: string, many: string, other: string) =>
  count(n, { one, two, few: `${n} ${few}`, many: `${n} ${many}`, other: `${n} ${other}` });
const families = (n: number) => noun(n, 'عائلة واحدة', 'عائلتان', 'عائلات', 'عائلة', 'عائلة');
const households = (n: number) => noun(n, 'أسرة واحدة', 'أسرتان', 'أسر', 'أسرة', 'أسرة');
export const ar: OverviewMessages = {
  heading: (programme) => `${programme}: كيف سار كل درس`,
  show: 'اعرض',
  measures: {
    seen: 'شاهدوه',
    talked: 'تحدثوا عنه في البيت',
    answered: 'أجابوا',
    reacted: 'تفاعلوا',
    'households-seen': 'شاهدوه (الأسر)',
    'households-talked': 'تحدثوا عنه في البيت (الأسر)',
    'households-answered': 'أجابوا (الأسر)',
    'households-reacted': 'تفاعلوا (الأسر)',
    views: 'المشاهدات',
    likes: 'الإعجابات',
    reactions: 'التعليقات',
  },
  measureNote: {
    families: 'نسبة عائلات الصف. كل عائلة تُحسب مرة واحدة.',
    households: 'نسبة الأسر. الطفل الذي يعيش في بيتين يُحسب في كل بيت.',
    count: 'العدد عند المقطع. المشاهدات ليست عائلات: قد تشاهد العائلة أكثر من مرة.',
  },
  cls: 'الصف',
  lesson: (n) => `الدرس ${n}`,
  caption: (measure, minimum) => `${measure} لكل صف ودرس. لا رقم لصف عدد عائلاته أقل من ${minimum}.`,
  familiesCount: (n) => families(n),
  lessonsOf: (first, last) => (last === first + 1 ? `الدرسان ${first} و${last}` : `الدروس من ${first} إلى ${last}`),
  lessonsColumn: 'الدرس',
  postedColumn: 'تاريخ النشر',
  notPosted: 'لم يُنشر',
  tooFew: 'عائلات قليلة جدًا',
  unknown: 'غير معروف',
  shareOfFamilies: (n, of) => `${n} من أصل ${families(of)}`,
  shareOfHouseholds: (n, of) => `${n} من أصل ${households(of)}`,
  postedOn: (date) => `نُشر في ${date}`,
  chartsHeading: 'التطور في كل صف',
  chartLabel: (cls, measure) => `${measure} في ${cls}، درسًا بعد درس. الأرقام في الجدول.`,
  exportCsv: 'تنزيل الجدول (CSV)',
  exportSvg: 'تنزيل الرسوم (SVG)',
  fileName: 'نظرة-عامة-على-البرنامج',
  families: 'العائلات',
  households: 'الأسر',
  percentOf: (label) => `${label} (%)`,
  unreachedHeading: 'لم نصل إليهم بعد',
  unreachedNote: 'أنت وحدك ترى هذه الأسماء. هذه العائلات لم تشاهد أي درس من هذا البرنامج بعد. قد تساعد رسالة شخصية.',
  unreachedNone: 'وصلنا إلى كل العائلات.',
  unreachedIn: (cls, n) => `${cls}: ${families(n)}`,
  noClasses: 'لم يُنشر أي درس من هذا البرنامج بعد.',
  afterColumn: 'بعد الدرس الأخير',
  followUp: (lesson) => `متابعة للدرس ${lesson}`,
  repeat: (lesson) => `درس مُعاد ${lesson}`,
  repeatIn: (lesson, cls) => `درس مُعاد ${lesson} في ${cls}`,
  plannedOn: (date) => `مخطط له ${date}`,
  noFollowUp: 'لا شيء بعد',
};
