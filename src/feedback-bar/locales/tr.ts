import type { FeedbackMessages } from '../messages.js';

export const tr: FeedbackMessages = {
  toolbar: 'Tepki ver',
  reactions: {
    like: 'Beğendim',
    heart: 'Kalp',
    clap: 'Alkış',
    'talked-at-home': 'Evde konuştuk',
    'practised-at-home': 'Evde alıştırma yaptık',
  },
  reactionName: (label, count) => `${label}, ${count}`,
  reactionGiven: (label, count) => `${label} verildi — ${count}`,
  reactionTakenBack: (label, count) => `${label} geri alındı — ${count}`,
  reactionFailed: 'Tepkiniz kaydedilmedi. Lütfen tekrar deneyin.',
  replyLabel: 'Öğretmene kısa bir mesaj',
  replyPlaceholder: 'Örneğin: evde iyi geçti!',
  send: 'Gönder',
  sending: 'Gönderiliyor…',
  replyFailed: 'Gönderilemedi. Yazınız saklandı.',
  replySent: 'Mesaj gönderildi',
  yourReplies: 'Mesajlarınız',
  replies: 'Velilerden gelen mesajlar',
  noReplies: 'Henüz mesaj yok.',
  noReactions: 'Henüz tepki yok.',
  whoReacted: 'Kimler tepki verdi',
  nobody: 'Henüz kimse yok',
  homeShare: (n, total) => `${n} / ${total} aile bunu evde yaptı`,
};
