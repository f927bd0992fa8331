"""Indonesian labels for the controlled values of the schema (the values themselves stay stable ids)."""

from __future__ import annotations

FIELD_LABELS = {
    "administrasi-kependudukan": "Administrasi kependudukan",
    "kebudayaan": "Kebudayaan",
    "kesehatan": "Kesehatan",
    "ketenagakerjaan": "Ketenagakerjaan",
    "ketenteraman-ketertiban": "Ketenteraman dan ketertiban umum",
    "komunikasi-informatika": "Komunikasi dan informatika",
    "koperasi-umkm": "Koperasi dan UMKM",
    "lingkungan-hidup": "Lingkungan hidup",
    "pangan": "Pangan",
    "pariwisata": "Pariwisata",
    "pekerjaan-umum": "Pekerjaan umum dan penataan ruang",
    "pemberdayaan-masyarakat-desa": "Pemberdayaan masyarakat dan desa",
    "pemberdayaan-perempuan-anak": "Pemberdayaan perempuan dan perlindungan anak",
    "pemerintahan-umum": "Pemerintahan umum",
    "pendidikan": "Pendidikan",
    "perhubungan": "Perhubungan",
    "pertanian": "Pertanian",
    "perikanan": "Kelautan dan perikanan",
    "sosial": "Sosial",
    "lainnya": "Lainnya",
}
DIGITAL_LABELS = {"digital": "Digital", "non-digital": "Non-digital"}
FORM_LABELS = {
    "tata-kelola": "Inovasi tata kelola pemerintahan",
    "pelayanan-publik": "Inovasi pelayanan publik",
    "lainnya": "Inovasi lainnya",
}
STAGE_LABELS = {"inisiatif": "Inisiatif", "uji-coba": "Uji coba", "penerapan": "Penerapan"}
STATUS_LABELS = {"berlanjut": "Berlanjut", "berkembang": "Berkembang", "berhenti": "Berhenti", "vakum": "Vakum"}
PLAN_STATUS_LABELS = {
    "direncanakan": "Direncanakan",
    "berjalan": "Berjalan",
    "selesai": "Selesai",
    "tertunda": "Tertunda",
}
FOLLOW_UP_LABELS = {"belum-dimulai": "Belum dimulai", "berjalan": "Berjalan", "selesai": "Selesai"}
LEVEL_LABELS = {"rendah": "Rendah", "sedang": "Sedang", "tinggi": "Tinggi"}
# What each level means, so writers and replicators read the same scale (guidance, never rupiah figures).
COST_HELP = {
    "rendah": "cukup dari anggaran rutin kecamatan atau swadaya",
    "sedang": "perlu alokasi khusus atau dukungan mitra",
    "tinggi": "perlu anggaran kabupaten/kota atau pengadaan, misalnya aplikasi atau sarana",
}
COMPLEXITY_HELP = {
    "rendah": "dijalankan satu tim kecamatan dengan sedikit pihak",
    "sedang": "perlu koordinasi rutin dengan beberapa desa/kelurahan atau mitra",
    "tinggi": "melibatkan banyak pihak lintas instansi, atau perlu sistem atau aturan baru",
}
PARTNER_KIND_LABELS = {
    "desa-kelurahan": "Pemerintah desa/kelurahan",
    "kelompok-masyarakat": "Kelompok masyarakat",
    "dunia-usaha": "Dunia usaha dan CSR",
    "perangkat-daerah": "Perangkat daerah kabupaten/kota",
    "aparat-keamanan": "Polisi/TNI",
    "perguruan-tinggi": "Perguruan tinggi atau lembaga riset",
    "lainnya": "Lainnya",
}
EVENT_NAMES = {"SKK": "Sinergi Kinerja Kecamatan (SKK) Provinsi Jawa Timur"}
UNKNOWN = "belum terdokumentasi"
