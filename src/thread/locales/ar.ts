import type { ThreadMessages } from '../messages.js';
import { plural } from '../../core/plural.js';

export const ar: ThreadMessages = {
  withTeacher: 'محادثة مع المعلّم',
  withFamily: (family) => `محادثة مع ${family}`,
  fromTeacher: 'المعلّم',
  fromFamily: 'العائلة',
  you: 'أنت',
  unread: (n) =>
    plural('ar', n, {
      one: 'رسالة جديدة واحدة',
      two: 'رسالتان جديدتان',
      few: `${n} رسائل جديدة`,
      many: `${n} رسالة جديدة`,
      other: `${n} رسالة جديدة`,
    }),
  privacy: 'لا يقرأ هذا إلا عائلتك ومعلّم الصف.',
  label: 'رسالتك',
  placeholder: 'اكتب ردًا قصيرًا',
  send: 'إرسال',
  sending: 'جارٍ الإرسال…',
  sendFailed: 'لم ينجح الإرسال. نصّك محفوظ.',
  arrived: (from) => `رسالة جديدة من ${from}`,
  sent: 'أُرسلت رسالتك.',
  answerFamily: 'ردّ',
  exampleLabel: 'مثال:',
  tipTopFromTeacher: 'نصيحة وإشادة من المعلّم',
  tipTopFor: (child) => (child ? `نصيحة وإشادة للبيت عن ${child}` : 'نصيحة وإشادة للبيت'),
  tipTopOpen: 'أرسل نصيحة وإشادة',
  top: 'إشادة:',
  tipForHome: 'نصيحة للبيت:',
  tipTopExample: 'إشادة: انتظر اليوم دوره بهدوء. نصيحة للبيت: في اللعب، دعه يقول من عليه الدور.',
};
