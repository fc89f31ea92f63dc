import type { MatrixMessages } from '../messages.js';
import { plural, type PluralForms } from '../../core/plural.js';

const count = (n: number, forms: Omit<PluralForms, 'zero'>) => plural('ar', n, forms);
/** A counted noun: one and two as words, otherwise the number before the right form. */
const noun = (n: number, one: string, two: string, few: string, many: string, other: string) =>
  count(n, { one, two, few: `${n} ${few}`, many: `${n} ${many}`, other: `${n} ${other}` });
/** Characters after a preposition (genitive dual): "أطول من 200 حرف". */
const chars = (n: number) => noun(n, 'حرف واحد', 'حرفين', 'أحرف', 'حرفًا', 'حرف');

export const ar: MatrixMessages = {
  schoolTitle: 'قواعدنا في المدرسة',
  homeTitle: 'قواعدنا في البيت',
  caption: 'القواعد حسب القيمة (الصفوف) والمكان (الأعمدة)',
  value: 'القيمة',
  location: 'المكان',
  empty: 'لا توجد قواعد بعد.',
  emptyCell: 'لا توجد قاعدة بعد',
  focus: 'محور الأسبوع',
  focusBadge: 'المحور',
  focusOf: (value, location) => `${value} · ${location}`,
  why: 'لماذا',
  homeTip: 'نصيحة للبيت',
  successLabel: 'نجح الأمر في البيت عندما…',
  successPlaceholder: 'مثلًا: مشت بهدوء إلى السيارة',
  share: 'مشاركة مع المعلّم',
  sharing: 'جارٍ المشاركة…',
  shared: 'تمت المشاركة. شكرًا لكم!',
  shareFailed: 'لم تنجح المشاركة. نصّكم محفوظ.',
  successes: 'هكذا نجح الأمر في البيت',
  noSuccesses: 'لم يشارك أحد نجاحًا بعد.',
  week: (n) => `الأسبوع ${n}`,
  edit: 'تعديل القواعد',
  editHome: 'تغيير قواعدنا',
  editing: 'جارٍ تعديل القواعد',
  values: 'القيم',
  locations: 'الأماكن',
  expectations: 'القواعد',
  addValue: 'إضافة قيمة',
  addLocation: 'إضافة مكان',
  addExpectation: 'إضافة قاعدة',
  nameOf: (kind, n) => `اسم ${kind === 'value' ? 'القيمة' : 'المكان'} ${n}`,
  expectationOf: (cell, n) => `${cell}: القاعدة ${n}`,
  moveUp: (name) => `تحريك ${name} إلى الأعلى`,
  moveDown: (name) => `تحريك ${name} إلى الأسفل`,
  remove: (name) => `حذف ${name}`,
  movedTo: (name, position, total) => `${name} الآن في المكان ${position} من ${total}`,
  removeExpectation: (n) => `حذف القاعدة ${n}`,
  focusValue: 'قيمة المحور',
  focusLocation: 'مكان المحور',
  focusExpectation: 'أي قاعدة',
  wholeCell: 'الخانة كلها',
  noFocus: 'بلا محور',
  save: 'حفظ',
  saving: 'جارٍ الحفظ…',
  saved: 'تم الحفظ',
  cancel: 'إلغاء',
  saveFailed: 'لم ينجح الحفظ. تغييراتك ما زالت هنا.',
  conflict: 'غيّر شخص آخر القواعد في هذه الأثناء. لم تُحفَظ تغييراتك بعد.',
  loadLatest: 'تحميل أحدث نسخة (ستُحذف تغييراتي)',
  keepMine: 'حفظ نسختي على أي حال',
  fix: 'يُرجى تصحيح هذا أولًا:',
  emptyName: (kind, n) => `${kind === 'value' ? 'القيمة' : 'المكان'} ${n} بلا اسم.`,
  emptyExpectation: (cell) => `${cell}: إحدى القواعد فارغة.`,
  tooLong: (cell, max) => `${cell}: إحدى القواعد أطول من ${chars(max)}.`,
  tooMany: (kind, max) =>
    `الحد الأقصى ${
      kind === 'values'
        ? noun(max, 'قيمة واحدة', 'قيمتان', 'قيم', 'قيمة', 'قيمة')
        : noun(max, 'مكان واحد', 'مكانان', 'أماكن', 'مكانًا', 'مكان')
    }.`,
  tooManyInCell: (cell, max) => `${cell}: الحد الأقصى ${noun(max, 'قاعدة واحدة', 'قاعدتان', 'قواعد', 'قاعدة', 'قاعدة')}.`,
  dataAdjusted: 'بعض قواعد المدرسة لم تكن صحيحة، فتم تخطّيها.',
};
