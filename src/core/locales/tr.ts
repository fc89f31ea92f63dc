import type { Messages } from '../i18n.js';

/*
 * Turkish. Parents are addressed with "siz", children with "sen". A noun after a number stays
 * singular in Turkish ("5 fotoğraf"), so no plural forms are needed. Names and other
 * placeholders never get a suffix (its vowel would depend on the word): "${name} için …".
 */

export const tr: Messages = {
  locale: 'tr',
  dir: 'ltr',
  loading: 'Yükleniyor…',
  justNow: 'az önce',
  savedOnDevice: 'Bu cihazda saklandı. Bağlantı gelince gönderilecek.',
  savedUntilSignedIn: 'Oturumunuz kapandı. Yeniden giriş yapın; yazdıklarınız bu cihazda saklandı ve sonra gönderilecek.',
  signedOutKept: 'Oturumunuz kapandı. Yeniden giriş yapın; yazdıklarınız burada kalıyor.',
  readAloud: 'Sesli oku',
  readAloudFailed: 'Sesli okuma şu an bu cihazda çalışmıyor.',
  retry: 'Tekrar dene',
  errors: {
    'invalid-data': { title: 'Bu gösterilemiyor', body: 'Okulun bilgilerinde bir hata var.' },
    'not-found': { title: 'Bulunamadı', body: 'Bu mesaj yok ya da artık yok.' },
    forbidden: { title: 'Erişim yok', body: 'Bunu görme izniniz yok.' },
    'signed-out': { title: 'Oturumunuz kapandı', body: 'Devam etmek için lütfen yeniden giriş yapın.' },
    conflict: { title: 'Başka biri daha önce değiştirdi', body: 'Bu arada başka biri bunu değiştirdi.' },
    offline: { title: 'Bağlantı yok', body: 'İnternet bağlantınız yok. Yazdıklarınız saklanıyor.' },
    unavailable: { title: 'Şu anda kullanılamıyor', body: 'Bir sorun oldu. Lütfen biraz sonra tekrar deneyin.' },
    'not-connected': { title: 'Bağlı değil', body: 'Bu uygulama henüz Samen ile bağlanmadı.' },
  },
  invalidField: (path) => `Bu alan doğru değil: ${path}`,
  missingMethods: (methods) => `Henüz bağlanmadı: ${methods}`,
  programmes: { wish: 'WIsH', kanjer: 'Kanjertraining', pbs: 'PBS', custom: 'Ders' },
  unknownProgramme: 'Bilinmeyen program',
  charactersLeft: (n) => `${n} karakter kaldı`,
  familyFallback: 'Bir aile',
  preview: {
    toggle: 'Veli olarak önizle',
    label: 'Önizleme:',
    note: 'veliler bunu böyle görür. Burada hiçbir şey gönderilmez veya kaydedilmez.',
  },
};
