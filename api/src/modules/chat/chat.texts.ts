/** Server-made chat texts the visitor and the agents read, in English and Bahasa Indonesia. */
const TEXTS = {
  en: {
    joined: (agent: string) => `${agent} joined the chat.`,
    transferred: (agent: string) => `The chat was transferred to ${agent}.`,
    requeued: 'Your agent went offline. We are finding another agent for you…',
    department: (dept: string) => `The chat was transferred to ${dept}. Finding an agent…`,
    offline: (n: number, email: string) =>
      `No agent is available right now. Your chat is saved as ticket #${n}, and we will reply by e-mail to ${email}.`,
    closed: 'The chat was closed. Thank you!',
    description: (page: string | null) => `Live chat started from ${page ?? 'the website'}.`,
  },
  id: {
    joined: (agent: string) => `${agent} bergabung dalam obrolan.`,
    transferred: (agent: string) => `Obrolan dialihkan ke ${agent}.`,
    requeued: 'Agen Anda sedang offline. Kami sedang mencarikan agen lain…',
    department: (dept: string) => `Obrolan dialihkan ke ${dept}. Mencari agen…`,
    offline: (n: number, email: string) =>
      `Saat ini tidak ada agen yang tersedia. Obrolan Anda disimpan sebagai tiket #${n}, dan kami akan membalas lewat e-mail ke ${email}.`,
    closed: 'Obrolan telah ditutup. Terima kasih!',
    description: (page: string | null) => `Obrolan langsung dimulai dari ${page ?? 'situs web'}.`,
  },
};

export type ChatTexts = (typeof TEXTS)['en'];

export function chatTexts(locale: string): ChatTexts {
  return locale === 'id' ? TEXTS.id : TEXTS.en;
}
