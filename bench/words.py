"""A small hand-written Indonesian word list for synthetic report texts, names and unit names.

Nothing here comes from real reports: titles and bodies are assembled from these fragments at random.
"""

from __future__ import annotations

import random

PROBLEMS = [
    "jalan berlubang",
    "lampu jalan mati",
    "sampah menumpuk",
    "air PDAM tidak mengalir",
    "listrik sering padam",
    "antrean panjang",
    "pungutan liar",
    "pelayanan lambat",
    "petugas tidak ramah",
    "saluran air tersumbat",
    "banjir setiap hujan",
    "jembatan rusak",
    "trotoar dipakai pedagang",
    "parkir liar",
    "bantuan sosial belum cair",
    "KTP elektronik belum jadi",
    "kartu keluarga salah cetak",
    "BPJS tidak aktif",
    "obat tidak tersedia",
    "dokter tidak ada di tempat",
    "guru sering tidak masuk",
    "biaya sekolah tidak jelas",
    "izin usaha berbelit",
    "sinyal internet lemah",
    "angkutan umum ngetem",
    "bau limbah pabrik",
    "pohon tumbang",
    "drainase meluap",
    "pembangunan mangkrak",
    "tarif tidak sesuai",
]

PLACES = [
    "di depan pasar",
    "di dekat sekolah dasar",
    "di jalan utama kelurahan",
    "di samping puskesmas",
    "di kantor kecamatan",
    "di terminal",
    "di perumahan warga",
    "di gang sempit",
    "di depan masjid",
    "di depan gereja",
    "di sekitar kantor desa",
    "di rumah sakit daerah",
    "di kantor dukcapil",
    "di loket pelayanan",
    "di dekat jembatan",
    "di pinggir sungai",
]

SINCE = [
    "sejak dua minggu lalu",
    "sudah lebih dari sebulan",
    "sejak awal tahun",
    "hampir setiap hari",
    "sejak musim hujan",
    "sudah tiga kali dilaporkan",
    "sejak minggu kemarin",
    "berbulan-bulan",
]

IMPACTS = [
    "warga kesulitan beraktivitas",
    "anak-anak terlambat ke sekolah",
    "beberapa pengendara sudah jatuh",
    "pedagang kehilangan pelanggan",
    "lansia harus menunggu berjam-jam",
    "kami harus membeli air galon",
    "lingkungan menjadi kotor dan bau",
    "biaya hidup warga bertambah",
    "warga merasa tidak aman pada malam hari",
    "pasien terpaksa pulang tanpa obat",
]

REQUESTS = [
    "Mohon segera ditindaklanjuti.",
    "Kami berharap instansi terkait segera turun ke lapangan.",
    "Mohon perhatian dari pemerintah daerah.",
    "Tolong diperbaiki sebelum ada korban.",
    "Kami mohon kejelasan jadwal penyelesaiannya.",
    "Terima kasih atas perhatiannya.",
    "Mohon petugas ditegur agar pelayanan membaik.",
    "Kami siap memberikan keterangan tambahan bila diperlukan.",
]

FILLERS = [
    "Saya sebagai warga setempat ingin menyampaikan bahwa",
    "Dengan hormat, kami melaporkan",
    "Selamat siang, saya mau mengadukan",
    "Bersama ini saya sampaikan keluhan tentang",
    "Mohon maaf mengganggu, ada masalah",
    "Kami warga RT 03 RW 05 mengeluhkan",
]

FIRST_NAMES = [
    "Budi", "Siti", "Agus", "Dewi", "Maria", "Yohanes", "Rina", "Ahmad", "Nur", "Putu", "Made", "Ketut",
    "Fransiska", "Hendra", "Sri", "Wahyu", "Yuliana", "Rudi", "Fitri", "Bambang", "Lestari", "Imam",
    "Theresia", "Stefanus", "Ayu", "Dimas", "Rizky", "Indah", "Joko", "Novita",
]  # fmt: skip

LAST_NAMES = [
    "Santoso", "Wijaya", "Lestari", "Ndun", "Nainggolan", "Siregar", "Hidayat", "Saputra", "Kurniawan",
    "Pratama", "Manafe", "Fanggidae", "Hutapea", "Rahman", "Setiawan", "Wulandari", "Tanjung", "Lubis",
    "Mandala", "Sinaga", "Bria", "Tefa", "Nugroho", "Susanto",
]  # fmt: skip

UNIT_TEMPLATES_PEMDA = [
    ("Dinas Kesehatan", "dinas"),
    ("Dinas Pendidikan dan Kebudayaan", "dinas"),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "dinas"),
    ("Dinas Perhubungan", "dinas"),
    ("Dinas Sosial", "dinas"),
    ("Dinas Kependudukan dan Pencatatan Sipil", "dinas"),
    ("Dinas Lingkungan Hidup", "dinas"),
    ("Dinas Penanaman Modal dan PTSP", "dinas"),
    ("Satuan Polisi Pamong Praja", "badan"),
    ("Badan Pendapatan Daerah", "badan"),
    ("Badan Penanggulangan Bencana Daerah", "badan"),
    ("Inspektorat Daerah", "badan"),
    ("Bagian Organisasi Sekretariat Daerah", "bagian"),
    ("RSUD", "rsud"),
    ("Puskesmas Kota", "puskesmas"),
    ("Puskesmas Pembantu", "puskesmas"),
    ("Kecamatan Tengah", "kecamatan"),
    ("Kecamatan Utara", "kecamatan"),
    ("Kecamatan Selatan", "kecamatan"),
    ("Kecamatan Barat", "kecamatan"),
]

UNIT_TEMPLATES_NATIONAL = [
    ("Sekretariat Jenderal", "bagian"),
    ("Inspektorat Jenderal", "unit"),
    ("Direktorat Jenderal Pelayanan", "unit"),
    ("Direktorat Jenderal Pembinaan", "unit"),
    ("Direktorat Jenderal Pengawasan", "unit"),
    ("Badan Pengembangan SDM", "badan"),
    ("Pusat Data dan Informasi", "unit"),
    ("Biro Hukum dan Humas", "bagian"),
    ("Kantor Wilayah Sumatera", "unit"),
    ("Kantor Wilayah Jawa", "unit"),
    ("Kantor Wilayah Kalimantan", "unit"),
    ("Kantor Wilayah Sulawesi", "unit"),
    ("Kantor Wilayah Bali dan Nusa Tenggara", "unit"),
    ("Kantor Wilayah Maluku dan Papua", "unit"),
    ("Balai Besar Pelayanan", "unit"),
    ("Unit Layanan Terpadu", "unit"),
]

SYLLABLES = ["ma", "ka", "ta", "ra", "su", "li", "po", "ne", "ba", "wa", "ngi", "lo", "se", "tu", "ja", "di", "ro"]


def synthetic_place(rng: random.Random) -> str:
    """A made-up place name (``Sulimaka``), for synthetic instansi when no reference data is loaded."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def title(rng: random.Random) -> str:
    return f"{rng.choice(PROBLEMS).capitalize()} {rng.choice(PLACES)}"


def body(rng: random.Random) -> str:
    parts = [f"{rng.choice(FILLERS)} {rng.choice(PROBLEMS)} {rng.choice(PLACES)} {rng.choice(SINCE)}."]
    for _ in range(rng.randint(1, 4)):
        parts.append(f"Akibatnya {rng.choice(IMPACTS)}, karena {rng.choice(PROBLEMS)} {rng.choice(PLACES)}.")
    parts.append(rng.choice(REQUESTS))
    return " ".join(parts)


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
