import type { RewardMessages } from '../messages.js';
import { plural, type PluralForms } from '../../core/plural.js';

const count = (n: number, forms: Omit<PluralForms, 'zero'>) => plural('ar', n, forms);
/** A counted noun: one and two as words, otherwise the number before the right form. */
const noun = (n: number, one: string, two: string, few: string, many: string, other: string) =>
  count(n, { one, two, few: `${n} ${few}`, many: `${n} ${many}`, other: `${n} ${other}` });

export const ar: RewardMessages = {
  classChart: 'هدف الصف',
  personalChart: (name) => (name ? `لوحة ملصقات ${name}` : 'لوحة الملصقات'),
  rewardIs: (reward) => `المكافأة: ${reward}`,
  progress: (n, goal, kind) =>
    `${n} من ${
      kind === 'class'
        ? noun(goal, 'عملة واحدة', 'عملتين', 'عملات', 'عملة', 'عملة')
        : noun(goal, 'ملصق واحد', 'ملصقين', 'ملصقات', 'ملصقًا', 'ملصق')
    }`,
  remaining: (n) => `بقي ${n}`,
  reached: 'تحقّق الهدف!',
  focus: 'نعمل على هذا',
  recent: 'لهذا حصلنا على العملات',
  stickers: 'الملصقات',
  noAwardsYet: 'لا توجد ملصقات بعد. الملصق الأول قادم قريبًا بالتأكيد!',
  earnedBefore: 'ما حصلنا عليه سابقًا',
  award: (kind) => (kind === 'class' ? 'إعطاء عملة' : 'إعطاء ملصق'),
  awardFor: (text) => `السبب: ${text}`,
  given: (kind, count, goal) => `${kind === 'class' ? 'أُعطيت عملة' : 'أُعطي ملصق'} — ${count} من ${goal}`,
  homeGiven: (count, goal) => `أُعطي ملصق من البيت — ${count} من ${goal}`,
  undo: 'تراجع',
  undone: 'تم التراجع',
  redeem: 'الاحتفال بالمكافأة',
  redeemed: (reward) => `أحسنتم! حان وقت: ${reward}`,
  newGoal: 'هدف جديد',
  goalLabel: 'كم العدد',
  rewardLabel: 'المكافأة',
  startNewGoal: 'بدء الهدف الجديد',
  cancelNewGoal: 'إلغاء',
  queued: (n) => `لم يُرسَل بعد: ${n}. سيُرسَل عندما يعود الاتصال.`,
  homeSticker: 'إعطاء ملصق من البيت',
  reasonLabel: 'لماذا؟',
  reasonPlaceholder: 'مثلًا: ترتيب المائدة دون مساعدة',
  fromSchool: 'في المدرسة',
  fromHome: 'في البيت',
  positiveOnly: (kind) => (kind === 'class' ? 'إيجابي فقط: نعطي العملات ولا نأخذها أبدًا.' : 'إيجابي فقط: نعطي الملصقات ولا نأخذها أبدًا.'),
  dataAdjusted: 'بعض بيانات المدرسة لم تكن صحيحة، فتم تخطّيها.',
  actionFailed: 'لم ينجح ذلك. يُرجى المحاولة مرة أخرى.',
  forWhom: 'لمن؟',
  wholeClass: 'الصف كله',
  complimentFor: (child) => `مديح لـ${child}`,
  recognitionHeading: 'هل رأيت الجميع هذا الأسبوع؟',
  recognitionPrivate: 'لك وحدك: لا يراه الأهل ولا الأطفال.',
  notYetHeading: 'لم يحصل بعد على عملة أو ملصق أو مديح هذا الأسبوع:',
  allRecognised: 'حصل كل طفل هذا الأسبوع على عملة أو ملصق أو مديح.',
  compliments: (n) => `عدد المدائح هذا الأسبوع: ${n}.`,
  fourToOne: 'نصيحة: أربعة مدائح مقابل تصحيح واحد.',
  childFallback: 'طفل',
  myChart: 'بطاقتي',
  chooseHeading: 'اختر بنفسك',
  chooseIntro: 'يمكنك أن تختار. ما الذي يناسبك؟',
  chooseWords: 'هدفي',
  chooseReward: 'مكافأتي',
  chooseSave: 'هذا اختياري!',
  chooseSaving: 'جارٍ الحفظ…',
  chooseSaved: 'تم الحفظ. هذا ما اخترته!',
  chooseNone: 'لا يوجد شيء للاختيار بعد. سيجهّز معلمك ووالداك بعض الأشياء أولًا.',
  ownGoal: 'هدف اختاره الطفل',
};
