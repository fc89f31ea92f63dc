import type { ThreadMessages } from '../messages.js';

export const tr: ThreadMessages = {
  withTeacher: 'Öğretmenle konuşma',
  withFamily: (family) => `${family} ile konuşma`,
  fromTeacher: 'Öğretmen',
  fromFamily: 'Aile',
  you: 'Siz',
  unread: (n) => `${n} yeni mesaj`,
  privacy: 'Bunu yalnızca aileniz ve sınıf öğretmeni okur.',
  label: 'Mesajınız',
  placeholder: 'Kısa bir yanıt yazın',
  send: 'Gönder',
  sending: 'Gönderiliyor…',
  sendFailed: 'Gönderilemedi. Metniniz saklandı.',
  arrived: (from) => `${from} kişisinden yeni mesaj`,
  sent: 'Mesajınız gönderildi.',
  answerFamily: 'Yanıtla',
};
