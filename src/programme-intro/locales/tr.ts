import type { IntroMessages } from '../messages.js';

export const tr: IntroMessages = {
  label: 'Tanışma',
  title: (programme) => `${programme} programına hoş geldiniz`,
  about: 'Bu nedir?',
  aboutText: {
    wish: 'WIsH, groep 6’da bir dayanıklılık eğitimidir. Çocuğunuz sınır koymayı, kendini savunmayı ve yardım istemeyi öğrenir. Kızlar ve erkekler dersleri ayrı alır; bir eğitmen öğretmenle birlikte verir.',
    kanjer:
      'Kanjertraining çocuklara birbirleriyle iyi geçinmeyi öğretir. Dört şapka buna yardım eder ve her şapkanın güçlü bir yanı vardır. Beyaz şapkayla kendin olursun: bir kanjer.',
    pbs: 'Okulda güvenlik, saygı ve sorumluluk hakkında birlikte kurallar öğreniyoruz. Bir kuralı çalışıyor ve başarınca övüyoruz.',
  },
  lessons: 'Dersler',
  where: (current, total) =>
    current === 0 ? `${total} ders olacak. İlk ders yakında.` : `Sınıf şimdi ${total} dersin ${current}. dersinde.`,
  lesson: (n) => `Ders ${n}`,
  posted: 'Yapıldı',
  planned: 'Planlandı',
  now: 'Sınıf şimdi burada',
  home: 'Evde ne istiyoruz',
  homeAsks: {
    wish: [
      'Her dersten sonra sınıftan bir video alırsınız. Birlikte izleyin ve ev sorusu hakkında konuşun.',
      'WIsH adımlarını evde, okuldaki aynı kelimelerle çalışın.',
      'Son derse, Samen weerbaar’a gelin. Bir davet alacaksınız.',
    ],
    kanjer: [
      'Her dersten sonra ev için bir soru içeren bir mesaj alırsınız. Birlikte konuşun.',
      'Güçlü yanlara birlikte dikkat edin: biri kanjer gibi davrandığında birbirinize söyleyin.',
    ],
    pbs: ['Evde okuldaki aynı kelimeleri kullanın.', 'Başarınca övün ve öğretmene de söyleyin.'],
  },
  folder: 'Ev dosyası: dört şapka',
  folderIntro: 'Her şapkanın güçlü bir yanı ve zor bir yanı vardır. Birlikte beyaz şapkayı çalışıyoruz.',
  caps: {
    white: 'Kaplan, beyaz şapka: kendinsin ve sana güvenilir. Hedef budur: bir kanjer.',
    black: 'Zorba kuş, siyah şapka: inisiyatif alır, güçlü ve cesurdur. Zor yanı: bazen patronluk taslar ya da zorbalık yapar.',
    red: 'Maymun, kırmızı şapka: espritüel, neşeli ve iyimserdir. Zor yanı: bazen başkalarıyla alay eder.',
    yellow: 'Tavşan, sarı şapka: nazik, alçakgönüllü, iyi dinler ve empati kurar. Zor yanı: bazen korkar ve bir şey söylemez.',
  },
  ask: 'Sorularınız mı var? Şunlara sorabilirsiniz',
  roles: {
    teacher: 'Öğretmen',
    'care-coordinator': 'Destek koordinatörü (IB’er)',
    'youth-centre': 'Gençlik ve Aile Merkezi (CJG)',
    other: 'Ayrıca',
  },
  example: 'Samen’den örnek metin. Okul bu metni uyarlar.',
};
