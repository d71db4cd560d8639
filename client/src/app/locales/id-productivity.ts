import type { enProductivity } from './en-productivity';

/** Bahasa Indonesia: balasan siap pakai, aksi massal, makro dan tampilan tersimpan. */
export const idProductivity: Record<keyof typeof enProductivity, string> = {
  'nav.canned': 'Balasan siap pakai',
  'productivity.dismiss': 'Tutup',

  'canned.title': 'Balasan siap pakai',
  'canned.intro':
    'Jawaban tersimpan yang Anda sisipkan ke balasan dengan mengetik / di kotak balasan. Gunakan {{customer.name}}, {{ticket.number}} dan {{agent.name}}: semuanya diisi untuk tiket tersebut. Balasan bersama untuk seluruh tim (dikelola admin); balasan pribadi hanya Anda yang melihat.',
  'canned.create': 'Balasan siap pakai baru',
  'canned.edit': 'Ubah balasan siap pakai',
  'canned.empty': 'Belum ada balasan siap pakai.',
  'canned.name': 'Judul',
  'canned.body': 'Teks',
  'canned.bodyHint': 'Variabel: {{customer.name}}, {{ticket.number}}, {{agent.name}}',
  'canned.shared': 'Dibagikan ke tim',
  'canned.sharedHint': 'Semua orang di ruang kerja dapat memakainya. Hanya admin yang dapat membagikan.',
  'canned.visibility': 'Visibilitas',
  'canned.badgeShared': 'Bersama',
  'canned.badgePrivate': 'Pribadi',
  'canned.deleteNamed': 'Hapus {name}',
  'canned.editNamed': 'Ubah {name}',
  'canned.deleteConfirm': 'Hapus balasan siap pakai "{name}"?',
  'canned.deleted': 'Balasan siap pakai "{name}" dihapus.',
  'canned.saved': 'Balasan siap pakai "{name}" disimpan.',
  'canned.picker': 'Balasan siap pakai',
  'canned.pickerHint': 'Ketik untuk mencari, ↑ ↓ untuk memilih, Enter untuk menyisipkan, Esc untuk menutup.',
  'canned.pickerEmpty': 'Tidak ada balasan siap pakai yang cocok dengan "{query}".',
  'canned.manage': 'Kelola balasan siap pakai',
  'canned.insertFailed': 'Balasan siap pakai tidak dapat disisipkan.',
};
