import type { enStatuses } from './en-statuses';

/** Bahasa Indonesia: status tiket ruang kerja dan kolom papan. */
export const idStatuses: Record<keyof typeof enStatuses, string> = {
  'settings.statuses': 'Status',
  'statuses.title': 'Status tiket',
  'statuses.intro':
    'Tambahkan status Anda sendiri di bawah empat kategori tetap, misalnya "Menunggu pelanggan" di bawah Dikerjakan. Alur kerja tetap berjalan pada kategori; kunci API dan webhook menerima kategori sekaligus kunci status.',
  'statuses.category': 'Kategori',
  'statuses.key': 'Kunci',
  'statuses.keyHint': 'Huruf kecil, angka, "-" atau "_"; tidak pernah berubah (dipakai integrasi).',
  'statuses.name': 'Nama',
  'statuses.nameIndonesian': 'Nama dalam Bahasa Indonesia',
  'statuses.pausesSla': 'Menjeda SLA',
  'statuses.pausesSlaHint': 'Selama tiket berada di status ini, jam penyelesaiannya berhenti.',
  'statuses.pausesSlaBadge': 'Jam SLA dijeda di status ini',
  'statuses.active': 'Dipakai',
  'statuses.builtIn': 'Bawaan',
  'statuses.inactive': 'Tidak ditawarkan',
  'statuses.add': 'Tambah status',
  'statuses.created': 'Status ditambahkan.',
  'statuses.saved': 'Status disimpan.',
  'statuses.deleted': 'Status dihapus.',
  'statuses.moveUp': 'Naikkan {name}',
  'statuses.moveDown': 'Turunkan {name}',
  'statuses.rename': 'Ubah {name}',
  'statuses.delete': 'Hapus {name}',
  'statuses.deleteConfirm': 'Hapus status ini? Hanya status yang tidak dimiliki tiket mana pun yang bisa dihapus.',
  'statuses.deactivate': 'Berhenti menawarkan',
  'statuses.activate': 'Tawarkan lagi',
  'statuses.ticketStatus': 'Status',
  'workspace.boardColumnsPerStatus': 'Satu kolom papan per status',
  'workspace.boardColumnsPerStatusHint': 'Papan menampilkan kolom untuk setiap status, termasuk status Anda sendiri, bukan satu per kategori.',
};
