"""A corpus of broken write-ups: each fails the catalogue with its own Indonesian message at its own line.

Every folder in tests/fixtures/rusak/<case>/ is laid over a copy of innovations/ (so a case can add a
write-up, a coaching result or a round file). The table below is the contract: for each case, every
problem expected (file under innovations/, line, a fragment of the message) and nothing else. The
write-ups there are made-up test data ("Inovasi Contoh"), not facts about any real program.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import copy_repository, load_script, run_build

from katalog import CatalogueError, load_catalogue, validate_catalogue
from katalog.frontmatter import MAX_FILE_BYTES
from katalog.problems import format_problems
from katalog.site import build_site

validasi = load_script("validasi")

FIXTURES = Path(__file__).parent / "fixtures"
BROKEN = FIXTURES / "rusak"
ACCEPTED = FIXTURES / "sah"
Expected = tuple[str, int, str]  # (path under innovations/, line, message fragment)

CASES: dict[str, tuple[Expected, ...]] = {
    # YAML that does not parse, or parses into something dangerous
    "yaml-tab": (("yaml-tab/index.md", 9, "karakter tab tidak boleh dipakai di YAML; ganti dengan spasi"),),
    "yaml-kutip-tidak-ditutup": (("yaml-kutip-tidak-ditutup/index.md", 3, "tanda kutip dibuka tetapi tidak ditutup"),),
    "yaml-titik-dua-dalam-nilai": (
        ("yaml-titik-dua-dalam-nilai/index.md", 3, 'apit nilainya dengan tanda kutip, mis. judul: "A: B"'),
    ),
    "yaml-indentasi": (("yaml-indentasi/index.md", 10, "indentasi tidak konsisten"),),
    "yaml-kunci-ganda": (("yaml-kunci-ganda/index.md", 4, "kunci ini ditulis dua kali; hapus salah satunya"),),
    "yaml-alias-bom-tawa": (
        ("yaml-alias-bom-tawa/index.md", 25, "alias YAML (&nama / *nama) tidak diizinkan"),
        ("yaml-alias-bom-tawa/index.md", 26, "alias YAML (&nama / *nama) tidak diizinkan"),
        ("yaml-alias-bom-tawa/index.md", 27, "alias YAML (&nama / *nama) tidak diizinkan"),
    ),
    "yaml-tag-python": (("yaml-tag-python/index.md", 4, "tag YAML '!!python/object/apply:os.system' tidak diizinkan"),),
    # the file's shape
    "tanpa-front-matter": (("tanpa-front-matter/index.md", 1, "berkas harus diawali front matter"),),
    "front-matter-tidak-ditutup": (("front-matter-tidak-ditutup/index.md", 1, "front matter tidak ditutup"),),
    "front-matter-kosong": (("front-matter-kosong/index.md", 1, "front matter kosong"),),
    "isi-kosong": (("isi-kosong/index.md", 33, "isi tulisan kosong; tulis kisahnya di bawah front matter"),),
    "bagian-wajib-hilang": (("bagian-wajib-hilang/index.md", 33, "bagian wajib belum ada: '## Dampak'"),),
    "bukan-utf8": (("bukan-utf8/index.md", 7, "berkas bukan teks UTF-8; simpan ulang dengan encoding UTF-8"),),
    "terlalu-besar": (("terlalu-besar/index.md", 0, f"batasnya {MAX_FILE_BYTES // 1000} KB"),),
    "berkas-tak-dikenal": (("berkas-tak-dikenal/catatan.md", 0, "nama berkas tidak dikenal"),),
    "petunjuk-templat-tertinggal": (
        ("petunjuk-templat-tertinggal/index.md", 44, "petunjuk templat 'ISI: …' belum diganti"),
    ),
    # issue 15: the scaffold's guidance left in after its 'ISI:' marker was deleted, in the body or a field
    "petunjuk-templat-tanpa-penanda": (
        (
            "petunjuk-templat-tanpa-penanda/index.md",
            27,
            "replikasi.masalah: isi ini masih petunjuk templat ('Masalah yang dijawab inovasi, satu kalimat.')",
        ),
        ("petunjuk-templat-tanpa-penanda/index.md", 27, "replikasi.masalah: teks ini belum merujuk sumber"),
        (
            "petunjuk-templat-tanpa-penanda/index.md",
            42,
            "teks petunjuk templat 'Bagaimana inovasi berjalan: siapa melakukan apa, kapan, dengan sarana apa",
        ),
    ),
    # issue 15: a story that cites nothing (per body: see policy.uncited_body_problems)
    "isi-tanpa-rujukan": (
        ("isi-tanpa-rujukan/index.md", 36, "isi di bawah front matter tidak merujuk satu sumber pun"),
    ),
    "pembinaan-isi-tanpa-rujukan": (
        (
            "pembinaan-isi-tanpa-rujukan/pembinaan-2024.md",
            16,
            "isi di bawah front matter tidak merujuk satu sumber pun",
        ),
    ),
    # wrong types, missing and unknown fields, values outside the allowed list
    "tipe-tahun-berupa-teks": (("tipe-tahun-berupa-teks/index.md", 14, "harus berupa bilangan bulat, bukan '2023'"),),
    "tipe-bidang-bukan-daftar": (
        ("tipe-bidang-bukan-daftar/index.md", 18, "harus berupa daftar (baris berawalan '- '), bukan 'sosial'"),
    ),
    "tipe-sumber-berupa-angka": (
        # with no list of sources, nothing is sourced: every fact and text says so too
        ("tipe-sumber-berupa-angka/index.md", 3, "nama: [S1]"),
        ("tipe-sumber-berupa-angka/index.md", 7, "teks ini belum merujuk sumber"),
        ("tipe-sumber-berupa-angka/index.md", 8, "kecamatan: [S1]"),
        ("tipe-sumber-berupa-angka/index.md", 15, "sumber 'S1' tidak ada di daftar sumber; yang ada: belum ada"),
        ("tipe-sumber-berupa-angka/index.md", 26, "harus berupa daftar (baris berawalan '- '), bukan 5"),
        (
            "tipe-sumber-berupa-angka/index.md",
            31,
            "rujukan [S1] tidak ada di daftar sumber; sumber yang ada: belum ada",
        ),
    ),
    "wajib-tidak-ada": (("wajib-tidak-ada/index.md", 1, "wajib diisi, tetapi tidak ada"),),
    "kunci-salah-ketik": (("kunci-salah-ketik/index.md", 7, "kunci tidak dikenal (mungkin maksud Anda 'ringkasan'?)"),),
    "enum-bidang-salah-ketik": (
        ("enum-bidang-salah-ketik/index.md", 18, "nilai 'kesehatann' tidak dikenal (mungkin maksud Anda 'kesehatan'?)"),
    ),
    "enum-status-tidak-dikenal": (
        ("enum-status-tidak-dikenal/index.md", 24, "nilai 'aktif' tidak dikenal; pilihan: 'berlanjut', 'berkembang'"),
    ),
    "tanggal-terbalik": (
        ("tanggal-terbalik/index.md", 25, "tanggal '02-11-2024' tidak valid; tulis tahun-bulan-tanggal (YYYY-MM-DD)"),
    ),
    "tanggal-mustahil": (
        ("tanggal-mustahil/index.md", 25, "terakhir_diverifikasi: tanggal 30 Februari 2024 tidak ada"),
    ),
    # issue 15: a day that does not exist is named as such (YAML reads it as text; the format was right)
    "tanggal-tidak-ada": (
        (
            "tanggal-tidak-ada/index.md",
            25,
            "terakhir_diverifikasi: tanggal 31 November 2024 tidak ada: November 2024 hanya sampai tanggal 30",
        ),
        (
            "tanggal-tidak-ada/index.md",
            32,
            "sumber.0.tanggal: tanggal 29 Februari 2023 tidak ada: 2023 bukan tahun kabisat",
        ),
    ),
    # issue 15: no date after today, in any date field (the clock here; tests/test_validate.py sets the day)
    "tanggal-masa-depan": (
        ("tanggal-masa-depan/index.md", 25, "terakhir_diverifikasi: tanggal 1 Januari 2099 belum tiba (hari ini"),
        ("tanggal-masa-depan/index.md", 32, "sumber.0.tanggal: tanggal 3 Februari 2099 belum tiba"),
    ),
    "pembinaan-kunjungan-masa-depan": (
        (
            "pembinaan-kunjungan-masa-depan/pembinaan-2024.md",
            4,
            "tanggal_kunjungan: tanggal 22 Oktober 2099 belum tiba",
        ),
    ),
    "putaran-selesai-sebelum-mulai": (
        ("_pembinaan/2099.yml", 4, "tanggal selesai 2019-10-21 lebih awal dari tanggal mulai 2019-11-02"),
    ),
    "html-di-front-matter": (("html-di-front-matter/index.md", 3, "tidak boleh berisi tag HTML"),),
    # ids and places
    "id-beda-dengan-folder": (
        ("id-beda-dengan-folder/index.md", 2, "id 'inovasi-lain' harus sama dengan nama foldernya"),
    ),
    "id-ganda": (
        ("id-ganda/index.md", 2, "id 'lansia-smart' harus sama dengan nama foldernya 'id-ganda'"),
        ("id-ganda/index.md", 2, "id 'lansia-smart' sudah dipakai oleh innovations/lansia-smart/index.md"),
    ),
    "kecamatan-salah-ketik": (
        ("kecamatan-salah-ketik/index.md", 9, "'Junrejoo' tidak ada dalam data wilayah Jawa Timur; mungkin maksud"),
    ),
    "kode-kecamatan-tidak-ada": (
        ("kode-kecamatan-tidak-ada/index.md", 9, "kode '35.79.04' tidak ada dalam data wilayah Jawa Timur"),
    ),
    "pembinaan-tanpa-inovasi": (
        ("pembinaan-tanpa-inovasi/pembinaan-2024.md", 0, "hasil pembinaan untuk inovasi 'pembinaan-tanpa-inovasi'"),
    ),
    "pembinaan-putaran-tidak-ada": (
        ("pembinaan-putaran-tidak-ada/pembinaan-2030.md", 2, "putaran '2030' tidak ada di innovations/_pembinaan/"),
    ),
    # the body: files, links, citations, raw HTML
    "gambar-tidak-ada": (("gambar-tidak-ada/index.md", 42, "berkas gambar 'foto-kegiatan.jpg' tidak ada"),),
    "tautan-ke-inovasi-tidak-ada": (
        (
            "tautan-ke-inovasi-tidak-ada/index.md",
            40,
            "tautan '../lansia-smrt/index.md' tidak menuju berkas yang ada "
            "(mungkin maksud Anda '../lansia-smart/index.md'?)",
        ),
    ),
    "tautan-ke-lampiran-tidak-ada": (
        ("tautan-ke-lampiran-tidak-ada/index.md", 40, "tautan 'laporan-2023.pdf' tidak menuju berkas yang ada"),
    ),
    "tautan-ke-berkas-pembinaan": (
        (
            "tautan-ke-berkas-pembinaan/index.md",
            40,
            "tautan '../lansia-smart/pembinaan-2024.md' menuju berkas yang tidak terbit sebagai halaman",
        ),
    ),
    "rujukan-tanpa-sumber": (
        ("rujukan-tanpa-sumber/index.md", 36, "rujukan [S9] tidak ada di daftar sumber; sumber yang ada: S1"),
    ),
    "html-script": (("html-script/index.md", 42, "tag HTML <script> tidak diizinkan"),),
    "html-onerror": (("html-onerror/index.md", 42, "atribut onerror= (menjalankan skrip) tidak diizinkan pada <img>"),),
    "tautan-javascript": (("tautan-javascript/index.md", 40, "tautan dengan skema 'javascript:' tidak diizinkan"),),
    "tautan-data": (("tautan-data/index.md", 40, "tautan dengan skema 'data:' tidak diizinkan"),),
    # Windows line endings and a byte-order mark are fine; the mistake is still found at its line
    "crlf-bom-dengan-kesalahan": (("crlf-bom-dengan-kesalahan/index.md", 22, "nilai 'selesai' tidak dikenal"),),
    # every problem of a file at once, each on its own field and line (a schema problem hides nothing)
    "jenis-dan-kode-salah": (
        ("jenis-dan-kode-salah/index.md", 9, "kode '35.79.99' tidak ada dalam data wilayah Jawa Timur"),
        ("jenis-dan-kode-salah/index.md", 19, "nilai 'analog' tidak dikenal; pilihan: 'digital', 'non-digital', null"),
    ),
    # hostile contributions: files published unexamined
    "lampiran-html": (("lampiran-html/lampiran.html", 0, "jenis berkas '.html' tidak diterbitkan"),),
    "lampiran-svg": (("lampiran-svg/peta.svg", 0, "jenis berkas '.svg' tidak diterbitkan"),),
    "lampiran-bukan-png": (
        ("lampiran-bukan-png/foto.png", 0, "isi berkas bukan gambar PNG seperti namanya"),
        ("lampiran-bukan-png/index.md", 38, "berkas 'foto.png' bukan gambar yang boleh diterbitkan"),
    ),
    "lampiran-symlink": (("lampiran-symlink/lampiran.txt", 0, "tautan simbolik (symlink) tidak diizinkan"),),
    # entries silently ignored or silently broken
    "tulisan-di-luar-folder": (
        ("tulisan-di-luar-folder.md", 0, "pindahkan berkas ini ke innovations/tulisan-di-luar-folder/index.md"),
    ),
    "putaran-berakhiran-yaml": (("_pembinaan/2099.yaml", 0, "ganti namanya menjadi innovations/_pembinaan/2099.yml"),),
    "folder-bernama-berkas": (("pembinaan-2024.md/", 0, "nama folder 'pembinaan-2024.md' tidak dapat menjadi id"),),
    "karakter-kendali-c1": (("karakter-kendali-c1/index.md", 3, "karakter kendali '\\u009b' tidak diizinkan"),),
    "bita-nul": (("bita-nul/index.md", 38, "karakter kendali '\\u0000' tidak diizinkan"),),
    "tahun-pecahan": (("tahun-pecahan/index.md", 14, "harus berupa bilangan bulat, bukan 2023.0"),),
    "nama-tak-terlihat": (
        ("nama-tak-terlihat/index.md", 3, "nilai '\\u200b\\u200b' hanya berisi spasi atau karakter tak terlihat"),
    ),
    "pola-dengan-baris-baru": (
        ("pola-dengan-baris-baru/index.md", 2, "isi 'pola-dengan-baris-baru\\n' tidak sesuai aturan"),
    ),
    "kunci-ganda-setelah-resolusi": (
        ("kunci-ganda-setelah-resolusi/index.md", 5, "kunci '1' harus berupa nama isian (teks)"),
        ("kunci-ganda-setelah-resolusi/index.md", 6, "kunci ini ditulis dua kali; hapus salah satunya"),
    ),
    # requests to other origins
    "gambar-dari-situs-lain": (
        (
            "gambar-dari-situs-lain/index.md",
            38,
            "gambar dari situs lain 'https://contoh.invalid/peta.png' tidak diizinkan",
        ),
        ("gambar-dari-situs-lain/index.md", 40, "gambar dari situs lain '//contoh.invalid/foto.jpg' tidak diizinkan"),
    ),
    # tracebacks and hangs
    "bertingkat-terlalu-dalam": (("bertingkat-terlalu-dalam/index.md", 6, "data bertingkat lebih dari 16 lapis"),),
    "nama-gambar-terlalu-panjang": (("nama-gambar-terlalu-panjang/index.md", 38, "berkas gambar 'aaaa"),),
    "daftar-terlalu-dalam": (("daftar-terlalu-dalam/index.md", 49, "baris menjorok lebih dari 40 spasi"),),
    "kurung-siku-beruntun": (("kurung-siku-beruntun/index.md", 38, "terlalu banyak tanda '[' tanpa pasangan ']'"),),
    # what MkDocs would refuse in English, refused first in Indonesian at the write-up's line
    "tautan-referensi-javascript": (
        ("tautan-referensi-javascript/index.md", 38, "tautan dengan skema 'javascript:' tidak diizinkan"),
    ),
    "tautan-profil-tidak-ada": (
        ("tautan-profil-tidak-ada/index.md", 36, "tautan '/inovasi/tidak-ada/index.md' tidak menuju halaman situs"),
    ),
    "tautan-penanda-tidak-ada": (
        (
            "tautan-penanda-tidak-ada/index.md",
            36,
            "halaman itu tidak punya penanda '#tidak-ada'; penanda yang ada: #belum-tercatat, #cara",
        ),
        ("tautan-penanda-tidak-ada/index.md", 36, "halaman itu tidak punya penanda '#replikasi-nggak'"),
    ),
    "html-blok-tidak-ditutup": (("html-blok-tidak-ditutup/index.md", 38, "<details> dibuka tetapi tidak ditutup"),),
    "gambar-keluar-repositori": (
        ("gambar-keluar-repositori/index.md", 38, "gambar '../../../etc/kunci.png' berada di luar folder tulisan ini"),
    ),
    "atribut-skrip": (("atribut-skrip/index.md", 36, "atribut { nama=nilai } tidak diizinkan di isi tulisan"),),
    # issue 11: every fact traceable to a declared, cited, honestly described source
    "rujukan-fakta-tanpa-rujukan": (
        ("rujukan-fakta-tanpa-rujukan/index.md", 19, "fakta ini belum punya rujukan; tambahkan di bagian rujukan"),
    ),
    "rujukan-redaksi-untuk-fakta": (
        ("rujukan-redaksi-untuk-fakta/index.md", 30, "'redaksi' (klasifikasi penyunting) tidak boleh untuk nama"),
    ),
    "rujukan-untuk-isian-kosong": (
        ("rujukan-untuk-isian-kosong/index.md", 32, "tahapan kosong (null atau belum diketahui), jadi tidak perlu"),
    ),
    "rujukan-kolom-tidak-dikenal": (
        ("rujukan-kolom-tidak-dikenal/index.md", 32, "kolom 'bidang' tidak memerlukan rujukan di sini"),
    ),
    "rujukan-sumber-tidak-ada": (
        ("rujukan-sumber-tidak-ada/index.md", 30, "sumber 'S9' tidak ada di daftar sumber; yang ada: S1"),
    ),
    "beda-sumber-juga-di-rujukan": (
        ("beda-sumber-juga-di-rujukan/index.md", 35, "tahun_mulai ditulis sebagai beda_sumber dan sudah membawa"),
    ),
    "beda-sumber-nilai-sama": (
        ("beda-sumber-nilai-sama/index.md", 4, "nilai di beda_sumber harus berbeda satu sama lain"),
    ),
    "beda-sumber-sumber-tidak-ada": (
        ("beda-sumber-sumber-tidak-ada/index.md", 8, "sumber 'S8' tidak ada di daftar sumber; yang ada: S1"),
    ),
    "nama-lain-tanpa-sumber": (
        ("nama-lain-tanpa-sumber/index.md", 6, "harus berupa kelompok 'kunci: nilai', bukan 'Contoh Lain'"),
    ),
    "program-terkait-tanpa-keterangan": (
        ("program-terkait-tanpa-keterangan/index.md", 8, "wajib diisi, tetapi tidak ada"),
    ),
    "ringkasan-tanpa-rujukan": (("ringkasan-tanpa-rujukan/index.md", 7, "teks ini belum merujuk sumber"),),
    "replikasi-tanpa-rujukan": (("replikasi-tanpa-rujukan/index.md", 28, "teks ini belum merujuk sumber"),),
    "sumber-tanpa-penerbit": (("sumber-tanpa-penerbit/index.md", 33, "wajib diisi, tetapi tidak ada"),),
    # issue 15: a source says where it can be read and who published it
    "sumber-tanpa-alamat-dan-penerbit": (
        (
            "sumber-tanpa-alamat-dan-penerbit/index.md",
            30,
            "sumber.0.url: alamat 'https://' tidak menunjuk halaman mana pun",
        ),
        (
            "sumber-tanpa-alamat-dan-penerbit/index.md",
            31,
            "sumber.0.penerbit: penerbit 'tidak diketahui' tidak menyebut siapa pun",
        ),
    ),
    "sumber-judul-nama-situs": (
        ("sumber-judul-nama-situs/index.md", 34, "judul 'contoh.invalid' bukan judul halaman"),
    ),
    "sumber-judul-artikel-angka": (
        ("sumber-judul-artikel-angka/index.md", 34, "judul 'contoh.invalid artikel 1602' bukan judul halaman"),
    ),
    "sumber-judul-sumber-angka": (("sumber-judul-sumber-angka/index.md", 34, "judul 'Sumber 3' bukan judul halaman"),),
    "sumber-alamat-ganda": (
        ("sumber-alamat-ganda/index.md", 39, "alamat ini sudah dipakai sumber S1; satu alamat = satu id sumber"),
    ),
    "sumber-tidak-dirujuk": (("sumber-tidak-dirujuk/index.md", 37, "sumber S2 tidak pernah dirujuk"),),
    "pembinaan-tanpa-laporan-kunjungan": (
        ("pembinaan-tanpa-laporan-kunjungan/pembinaan-2024.md", 1, "wajib diisi, tetapi tidak ada"),
    ),
    "pembinaan-tidak-ada-tetapi-ada-temuan": (
        (
            "pembinaan-tidak-ada-tetapi-ada-temuan/pembinaan-2024.md",
            5,
            "laporan_kunjungan: tidak-ada berarti sumber tidak melaporkan temuan atau rencana",
        ),
    ),
    "pembinaan-temuan-tanpa-rujukan": (
        ("pembinaan-temuan-tanpa-rujukan/pembinaan-2024.md", 6, "teks ini belum merujuk sumber"),
    ),
    "putaran-tujuan-tanpa-rujukan": (
        ("_pembinaan/2099.yml", 9, "teks ini belum merujuk sumber"),
        ("_pembinaan/2099.yml", 11, "sumber S1 tidak pernah dirujuk"),
    ),
    "penanda-bentrok": (
        ("penanda-bentrok/index.md", 38, "penanda { #… } tidak diizinkan di isi tulisan"),
        ("penanda-bentrok/index.md", 50, "penanda { #… } tidak diizinkan di isi tulisan"),
    ),
    # a kecamatan's written answer: a vetted file beside the write-up, never a web address or a round's source
    "jawaban-berkas-tidak-ada": (
        ("jawaban-berkas-tidak-ada/index.md", 43, "berkas 'jawaban-kecamatan-contoh.pdf' tidak ada di folder ini"),
    ),
    "jawaban-dengan-url": (
        ("jawaban-dengan-url/index.md", 44, "dirujuk lewat berkas di folder tulisan, bukan alamat"),
    ),
    "jawaban-tanpa-penjawab": (
        ("jawaban-tanpa-penjawab/index.md", 40, "wajib diisi, tetapi tidak ada"),
        ("jawaban-tanpa-penjawab/index.md", 45, "tanggal jawaban belum diisi"),
    ),
    "jawaban-judul-nama-berkas": (
        ("jawaban-judul-nama-berkas/index.md", 42, "judul 'jawaban-kecamatan-contoh.pdf' bukan judul dokumen"),
    ),
    "sumber-web-dengan-penjawab": (
        ("sumber-web-dengan-penjawab/index.md", 40, "penjawab hanya untuk jawaban tertulis kecamatan"),
    ),
    "jawaban-di-putaran": (("_pembinaan/2099.yml", 13, "jawaban tertulis kecamatan disimpan di folder tulisan"),),
    # SKK editions (innovations/_skk/<tahun>.yml) and the write-ups that name them
    "edisi-peringkat-tidak-dikenal": (
        ("_skk/2009.yml", 8, "nilai 'juara 2' tidak dikenal (mungkin maksud Anda 'Juara 2'?)"),
    ),
    "edisi-juara-ganda": (("_skk/2009.yml", 8, "peringkat 'Juara 1' sudah dipakai di baris 4"),),
    "edisi-beda-sumber-nilai-sama": (("_skk/2009.yml", 8, "nilai 'Juara 2' ditulis dua kali di beda_sumber"),),
    "edisi-kode-dan-nama-tidak-cocok": (
        ("_skk/2009.yml", 5, "kode 35.79.03 adalah Kecamatan Junrejo (Kota Batu, 35.79.03), bukan 'Batu'"),
    ),
    "edisi-kabupaten-salah": (("_skk/2009.yml", 10, "kode 35.07.32 ada di Kabupaten Malang, bukan 'Kota Malang'"),),
    "edisi-sumber-tidak-ada": (("_skk/2009.yml", 11, "sumber 'S2' tidak ada di daftar sumber; yang ada: S1"),),
    "edisi-sumber-tidak-dirujuk": (("_skk/2009.yml", 14, "sumber 'S2' tidak pernah dirujuk"),),
    "edisi-alamat-ganda": (("_skk/2009.yml", 14, "alamat ini sudah dipakai sumber S1; satu alamat = satu id sumber"),),
    "edisi-tahun-beda-dengan-nama-berkas": (
        ("_skk/2009.yml", 1, "tahun 2025 harus sama dengan nama berkas (2009.yml)"),
    ),
    "edisi-kelompok-tidak-cocok": (
        ("_skk/2009.yml", 4, "sumber menyebut 5 besar lengkap, tetapi ada 2 baris di dalamnya"),
    ),
    "edisi-tulisan-kecamatan-lain": (
        ("_skk/2009.yml", 13, "tulisan 'jamper' milik Kecamatan Talango (Kabupaten Sumenep, 35.29.04), bukan"),
    ),
    # issue 15: stages fall in the edition's year, the award in it or the next; no date after today
    "edisi-tanggal-di-luar-tahun": (
        (
            "_skk/2009.yml",
            5,
            "tahapan.0.mulai: tanggal 2 November 2010 di luar edisi 2009: tahapan penilaian edisi 2009 jatuh pada "
            "tahun 2009",
        ),
        (
            "_skk/2009.yml",
            12,
            "tahapan.1.mulai.beda_sumber.1.nilai: tanggal 5 Januari 2011 di luar edisi 2009: penganugerahan edisi "
            "2009 jatuh pada tahun 2009 atau 2010",
        ),
        ("_skk/2009.yml", 21, "sumber.0.tanggal: tanggal 4 Maret 2099 belum tiba"),
    ),
    "edisi-nama-berkas-salah": (("_skk/edisi-2024.yml", 0, "hanya data edisi SKK bernama <tahun>.yml"),),
    "skk-edisi-tidak-ada": (
        (
            "skk-edisi-tidak-ada/index.md",
            14,
            "belum ada berkas edisi innovations/_skk/2009.yml; edisi yang ada: 2011, 2012",
        ),
    ),
    "skk-tanpa-baris-kecamatan": (
        (
            "skk-tanpa-baris-kecamatan/index.md",
            14,
            "edisi SKK 2023 tidak punya baris peringkat untuk Kecamatan Batu (Kota Batu, 35.79.01)",
        ),
    ),
}


def lay_over(content: Path, case: str) -> None:
    shutil.copytree(BROKEN / case, content, dirs_exist_ok=True)
    if case == "lampiran-symlink":  # made here: the repository carries no link to the build's environment
        (content / case / "lampiran.txt").symlink_to("/proc/self/environ")
    if case == "terlalu-besar":  # grown here, so the repository does not carry a file past the cap
        write_up = content / case / "index.md"
        padding = "\nTeks pengisi untuk membuat berkas terlalu besar.\n" * (MAX_FILE_BYTES // 40)
        write_up.write_text(write_up.read_text(encoding="utf-8") + padding, encoding="utf-8")


@pytest.fixture
def content_root(tmp_path: Path) -> Path:
    """A repository root holding only a copy of innovations/: all that validate_catalogue reads."""
    shutil.copytree(Path(__file__).resolve().parents[1] / "innovations", tmp_path / "innovations")
    return tmp_path


def test_the_corpus_is_complete():
    assert sorted(path.name for path in BROKEN.iterdir()) == sorted(CASES)
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_write_up_fails_with_its_message_at_its_line(content_root: Path, case: str):
    lay_over(content_root / "innovations", case)
    catalogue, problems = validate_catalogue(content_root)
    assert catalogue is None, "a broken write-up must fail the catalogue, not vanish from it"
    # a fragment may name the field too ("sumber.0.url: alamat …"): the field is part of what is checked
    found = sorted((problem.path, problem.line, problem.format().split(": ", 1)[1]) for problem in problems)
    assert len(found) == len(CASES[case]), found
    for path, line, fragment in CASES[case]:
        assert any(
            (where, at) == (f"innovations/{path}", line) and fragment in message for where, at, message in found
        ), (path, line, fragment, found)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_validator_and_the_build_refuse_each_broken_write_up_alike(
    content_root: Path, case: str, capsys: pytest.CaptureFixture[str]
):
    lay_over(content_root / "innovations", case)
    assert validasi.main(["--root", str(content_root)]) == 1
    validator_lines = capsys.readouterr().out.strip().split("\n")[:-1]
    with pytest.raises(CatalogueError) as refused:
        build_site(content_root)
    build_lines = refused.value.report().split("\n")[1:]
    assert validator_lines == build_lines == format_problems(refused.value.problems)
    assert all(line.startswith("innovations/") for line in build_lines)


@pytest.mark.parametrize("case", sorted(path.name for path in ACCEPTED.iterdir()))
def test_windows_line_endings_and_a_byte_order_mark_are_accepted(content_root: Path, case: str):
    raw = (ACCEPTED / case / case / "index.md").read_bytes()
    assert (b"\r\n" in raw) == ("crlf" in case) and raw.startswith(b"\xef\xbb\xbf") == ("bom" in case)
    shutil.copytree(ACCEPTED / case, content_root / "innovations", dirs_exist_ok=True)
    catalogue = load_catalogue(content_root)
    accepted = next(inv for inv in catalogue.innovations if inv.slug == case)
    assert accepted.name == "Inovasi Contoh" and accepted.kecamatan.code == "35.79.03"
    assert "\r" not in accepted.body and accepted.body.startswith("\n## Latar belakang dan masalah\n")


# Cases MkDocs itself would have refused in English (or published): the real build says it first, located.
MKDOCS_LEVEL = ["jenis-dan-kode-salah", "tautan-profil-tidak-ada", "lampiran-symlink"]


@pytest.mark.parametrize("case", MKDOCS_LEVEL)
def test_a_broken_write_up_fails_the_real_mkdocs_build(tmp_path: Path, case: str):
    repo = copy_repository(tmp_path / "repo")
    lay_over(repo / "innovations", case)
    result = run_build(repo, tmp_path / "site")
    assert result.returncode != 0
    for path, line, fragment in CASES[case]:
        where = f"innovations/{path}:{line}:" if line else f"innovations/{path}:"
        assert any(row.startswith(where) and fragment in row for row in result.stderr.split("\n")), result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "inovasi").exists()
