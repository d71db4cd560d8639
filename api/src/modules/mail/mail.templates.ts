/**
 * Mail templates, in English and Bahasa Indonesia, each as plain text and HTML. Parameters
 * are escaped for HTML; links are built by the caller from PUBLIC_URL.
 */
export type Locale = 'en' | 'id';
export const LOCALES: readonly Locale[] = ['en', 'id'];
export const toLocale = (value: string | null | undefined): Locale => (value === 'id' ? 'id' : 'en');

export interface TemplateParams {
  PASSWORD_RESET: { name: string; link: string; minutes: number };
  VERIFY_EMAIL: { name: string; link: string; workspace: string };
  INVITE: { name: string; link: string; workspace: string };
  ADDED_TO_WORKSPACE: { name: string; link: string; workspace: string };
  /** A live chat's transcript for its visitor: `lines` are "Name: message". */
  CHAT_TRANSCRIPT: { name: string; link: string; topic: string; lines: string[] };
}
export type TemplateName = keyof TemplateParams;

interface Copy {
  subject: string;
  greeting: string;
  lines: string[];
  action: string;
  footer: string;
}

type Copies = { [K in TemplateName]: Record<Locale, (p: TemplateParams[K]) => Copy> };

const COPIES: Copies = {
  PASSWORD_RESET: {
    en: (p) => ({
      subject: 'Reset your Sociodesk password',
      greeting: `Hello ${p.name},`,
      lines: [`Someone asked to reset the password of your Sociodesk account. The link works once, for ${p.minutes} minutes.`],
      action: 'Choose a new password',
      footer: 'If you did not ask for this, ignore this message: your password stays as it is.',
    }),
    id: (p) => ({
      subject: 'Atur ulang kata sandi Sociodesk Anda',
      greeting: `Halo ${p.name},`,
      lines: [`Ada permintaan untuk mengatur ulang kata sandi akun Sociodesk Anda. Tautan ini hanya berlaku sekali, selama ${p.minutes} menit.`],
      action: 'Pilih kata sandi baru',
      footer: 'Jika Anda tidak memintanya, abaikan pesan ini: kata sandi Anda tidak berubah.',
    }),
  },
  VERIFY_EMAIL: {
    en: (p) => ({
      subject: `Confirm your email for ${p.workspace}`,
      greeting: `Welcome to Sociodesk, ${p.name}!`,
      lines: [`Confirm your email address to open your workspace “${p.workspace}”.`],
      action: 'Confirm my email',
      footer: 'If you did not sign up, ignore this message.',
    }),
    id: (p) => ({
      subject: `Konfirmasi email Anda untuk ${p.workspace}`,
      greeting: `Selamat datang di Sociodesk, ${p.name}!`,
      lines: [`Konfirmasikan alamat email Anda untuk membuka ruang kerja “${p.workspace}”.`],
      action: 'Konfirmasi email saya',
      footer: 'Jika Anda tidak mendaftar, abaikan pesan ini.',
    }),
  },
  INVITE: {
    en: (p) => ({
      subject: `You are the admin of ${p.workspace} on Sociodesk`,
      greeting: `Hello ${p.name},`,
      lines: [`A Sociodesk workspace, “${p.workspace}”, was created for you. Choose a password to sign in as its admin.`],
      action: 'Choose my password',
      footer: 'The link works once, for 7 days.',
    }),
    id: (p) => ({
      subject: `Anda admin ${p.workspace} di Sociodesk`,
      greeting: `Halo ${p.name},`,
      lines: [`Ruang kerja Sociodesk “${p.workspace}” telah dibuat untuk Anda. Pilih kata sandi untuk masuk sebagai admin.`],
      action: 'Pilih kata sandi saya',
      footer: 'Tautan ini hanya berlaku sekali, selama 7 hari.',
    }),
  },
  ADDED_TO_WORKSPACE: {
    en: (p) => ({
      subject: `You are the admin of ${p.workspace} on Sociodesk`,
      greeting: `Hello ${p.name},`,
      lines: [`You were made the admin of the Sociodesk workspace “${p.workspace}”. Sign in with your usual password and pick it.`],
      action: 'Sign in',
      footer: '',
    }),
    id: (p) => ({
      subject: `Anda admin ${p.workspace} di Sociodesk`,
      greeting: `Halo ${p.name},`,
      lines: [`Anda dijadikan admin ruang kerja Sociodesk “${p.workspace}”. Masuk dengan kata sandi Anda yang biasa lalu pilih ruang kerja itu.`],
      action: 'Masuk',
      footer: '',
    }),
  },
  CHAT_TRANSCRIPT: {
    en: (p) => ({
      subject: `Your chat: ${p.topic}`,
      greeting: `Hello ${p.name},`,
      lines: [`Here is the transcript of your chat about “${p.topic}”:`, ...p.lines],
      action: 'Back to the website',
      footer: 'Reply on the website to continue the conversation.',
    }),
    id: (p) => ({
      subject: `Obrolan Anda: ${p.topic}`,
      greeting: `Halo ${p.name},`,
      lines: [`Berikut transkrip obrolan Anda tentang “${p.topic}”:`, ...p.lines],
      action: 'Kembali ke situs',
      footer: 'Balas di situs untuk melanjutkan percakapan.',
    }),
  },
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export function renderMail<K extends TemplateName>(template: K, locale: Locale, params: TemplateParams[K]): RenderedMail {
  const copy = COPIES[template][locale](params as never);
  const link = (params as { link: string }).link;
  const text = [copy.greeting, '', ...copy.lines, '', `${copy.action}: ${link}`, ...(copy.footer ? ['', copy.footer] : []), '', '— Sociodesk', ''].join('\n');
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(copy.subject)}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1a1b1e;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">
<p>${escapeHtml(copy.greeting)}</p>
${copy.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
<p><a href="${escapeHtml(link)}" style="display:inline-block;background:#1c7ed6;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(copy.action)}</a></p>
<p style="font-size:13px;color:#495057">${escapeHtml(link)}</p>
${copy.footer ? `<p style="font-size:13px;color:#495057">${escapeHtml(copy.footer)}</p>` : ''}
<p style="font-size:13px;color:#495057">— Sociodesk</p>
</body></html>`;
  return { subject: copy.subject, text, html };
}
