import type { Messages } from '../i18n.js';
import { plural } from '../plural.js';

/*
 * Arabic (Modern Standard, right to left). A counted noun has six forms, chosen by
 * Intl.PluralRules: zero, one ("حرف واحد"), two (the dual "حرفان"), few for 3–10 ("3 أحرف"),
 * many for 11–99 ("11 حرفًا") and other for 100 and up ("100 حرف"). Buttons use the verbal
 * noun ("إرسال", "حفظ"), which suits every reader; the family is addressed in the plural
 * ("إجابتكم"). Numbers stay in the digits the rest of the page uses.
 */

export const ar: Messages = {
  locale: 'ar',
  dir: 'rtl',
  loading: 'جارٍ التحميل…',
  justNow: 'قبل قليل',
  savedOnDevice: 'حُفظ على هذا الجهاز. سيُرسَل عندما يعود الاتصال.',
  savedUntilSignedIn: 'تم تسجيل خروجكم. سجّلوا الدخول مرة أخرى؛ ما كتبتموه محفوظ على هذا الجهاز وسيُرسَل بعد ذلك.',
  signedOutKept: 'تم تسجيل خروجكم. سجّلوا الدخول مرة أخرى؛ ما كتبتموه يبقى هنا.',
  readAloud: 'القراءة بصوت عالٍ',
  readAloudFailed: 'القراءة بصوت عالٍ لا تعمل الآن على هذا الجهاز.',
  retry: 'إعادة المحاولة',
  errors: {
    'invalid-data': { title: 'لا يمكن عرض هذا', body: 'بيانات المدرسة غير صحيحة.' },
    'not-found': { title: 'غير موجود', body: 'هذا المنشور غير موجود (أو لم يعد موجودًا).' },
    forbidden: { title: 'لا يوجد إذن', body: 'لا يُسمح لك برؤية هذا.' },
    'signed-out': { title: 'تم تسجيل خروجكم', body: 'يُرجى تسجيل الدخول مرة أخرى للمتابعة.' },
    conflict: { title: 'سبقك شخص آخر', body: 'غيّر شخص آخر هذا في هذه الأثناء.' },
    offline: { title: 'لا يوجد اتصال', body: 'أنت غير متصل بالإنترنت. ما تكتبه يبقى محفوظًا.' },
    unavailable: { title: 'غير متاح الآن', body: 'حدث خطأ ما. يُرجى المحاولة مرة أخرى بعد قليل.' },
    'not-connected': { title: 'غير متصل', body: 'لم يتم ربط هذا التطبيق بـ Samen بعد.' },
  },
  invalidField: (path) => `هذا الحقل غير صحيح: ${path}`,
  missingMethods: (methods) => `لم يتم ربطها بعد: ${methods}`,
  programmes: { wish: 'WIsH', kanjer: 'Kanjertraining', pbs: 'PBS', custom: 'درس' },
  unknownProgramme: 'برنامج غير معروف',
  charactersLeft: (n) =>
    plural('ar', n, {
      zero: 'لم يبقَ أي حرف',
      one: 'بقي حرف واحد',
      two: 'بقي حرفان',
      few: `بقي ${n} أحرف`,
      many: `بقي ${n} حرفًا`,
      other: `بقي ${n} حرف`,
    }),
  familyFallback: 'عائلة',
  preview: {
    toggle: 'معاينة كوليّ أمر',
    label: 'معاينة:',
    note: 'هكذا يرى أولياء الأمور هذه البطاقة. لا يُرسَل أو يُحفَظ شيء هنا.',
  },
};
