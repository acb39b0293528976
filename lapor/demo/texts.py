"""Texts for the ``lapor demo`` command: complaints, agency answers and replies.

Every text in this module was written by the LAPOR team for the demo data set. All people, numbers, e-mail
addresses, bank accounts and most street details are fictional; any resemblance to a real person or a real
report is accidental. No text was copied or paraphrased from real citizens' reports.

The demo world is centred on Pemerintah Kota Kupang (NTT, region 53.71) and its units, with a few reports for
national bodies and for other regions. Region codes are Kemendagri 2025 kelurahan/desa codes; category paths
start with a top-level LAPOR! category (2025 taxonomy), lower levels are best effort.

About 15% of the complaint bodies deliberately contain personal data (a fake NIK, phone number, e-mail address or
bank account) so that the demo exercises redaction. Those values are invented and must stay obviously fake.

The module is pure data plus a few tiny helpers; it must not import Django.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

ASPIRASI = "aspirasi"
PERMINTAAN_INFORMASI = "permintaan_informasi"
PENGADUAN = "pengaduan"
PENGADUAN_PENGAWASAN = "pengaduan_pengawasan"

CLASSIFICATIONS: tuple[str, ...] = (ASPIRASI, PERMINTAAN_INFORMASI, PENGADUAN, PENGADUAN_PENGAWASAN)


@dataclass(frozen=True)
class DemoComplaint:
    """One demo report with the agency answers and the reporter reply that fit it."""

    title: str
    body: str
    classification: str  # one of CLASSIFICATIONS
    category_path: tuple[str, ...]  # top-level LAPOR! category first, then sub-categories, UPPER CASE
    region_code: str  # Kemendagri kelurahan/desa code, e.g. "53.71.04.1009"
    target_unit: str  # one of UNIT_NAMES or NATIONAL_BODIES
    address: str = ""
    follow_ups: tuple[str, ...] = ()  # 1-2 agency answers
    reporter_reply: str = ""  # reporter's reply after the follow-up


# --------------------------------------------------------------------------------------------------------------
# Units and bodies
# --------------------------------------------------------------------------------------------------------------

DINKES = "Dinas Kesehatan"
PKM_OEPOI = "Puskesmas Oepoi"
PKM_SIKUMANA = "Puskesmas Sikumana"
PKM_BAKUNASE = "Puskesmas Bakunase"
PKM_OESAPA = "Puskesmas Oesapa"
PKM_PASIR_PANJANG = "Puskesmas Pasir Panjang"
RSUD = "RSUD S.K. Lerik"
PUPR = "Dinas Pekerjaan Umum dan Penataan Ruang"
DIKBUD = "Dinas Pendidikan dan Kebudayaan"
DUKCAPIL = "Dinas Kependudukan dan Pencatatan Sipil"
DINSOS = "Dinas Sosial"
DLHK = "Dinas Lingkungan Hidup dan Kebersihan"
DISHUB = "Dinas Perhubungan"
SATPOL_PP = "Satuan Polisi Pamong Praja"

UNIT_NAMES: tuple[str, ...] = (
    DINKES,
    PKM_OEPOI,
    PKM_SIKUMANA,
    PKM_BAKUNASE,
    PKM_OESAPA,
    PKM_PASIR_PANJANG,
    RSUD,
    PUPR,
    DIKBUD,
    DUKCAPIL,
    DINSOS,
    DLHK,
    DISHUB,
    SATPOL_PP,
)

BPJS_KESEHATAN = "BPJS Kesehatan"
KEMENSOS = "Kementerian Sosial"
PLN = "PT PLN (Persero)"
KEMENAG = "Kementerian Agama"

NATIONAL_BODIES: tuple[str, ...] = (BPJS_KESEHATAN, KEMENSOS, PLN, KEMENAG)

# Top-level categories used below (exact names from the 2025 taxonomy).
_PU = "PEKERJAAN UMUM DAN PENATAAN RUANG"
_KES = "KESEHATAN"
_DIK = "PENDIDIKAN DAN KEBUDAYAAN"
_DUK = "KEPENDUDUKAN"
_SOS = "SOSIAL DAN KESEJAHTERAAN"
_LH = "LINGKUNGAN HIDUP DAN KEHUTANAN"
_HUB = "PERHUBUNGAN"
_TIBUM = "KETENTERAMAN, KETERTIBAN UMUM, DAN PELINDUNGAN MASYARAKAT"
_HUKUM = "POLITIK DAN HUKUM"
_EKON = "EKONOMI DAN KEUANGAN"
_ESDM = "ENERGI DAN SUMBER DAYA ALAM"
_GENDER = "KESETARAAN GENDER DAN SOSIAL INKLUSIF"
_KERJA = "KETENAGAKERJAAN"
_KEKERASAN_SEKOLAH = "KEKERASAN DI SATUAN PENDIDIKAN (SEKOLAH, KAMPUS, LEMBAGA KURSUS)"
_AGAMA = "AGAMA"

_KKN_PUNGLI = (_HUKUM, "KORUPSI, KOLUSI, DAN NEPOTISME", "PUNGUTAN LIAR")
_BPJS_ADM = (_KES, "JAMINAN SOSIAL KESEHATAN", "ADMINISTRASI BPJS KESEHATAN")
_ADMINDUK = (_DUK, "ADMINISTRASI KEPENDUDUKAN DAN PENCATATAN SIPIL")
_YANKES = (_KES, "PELAYANAN KESEHATAN")
_BANSOS = (_SOS, "BANTUAN SOSIAL")
_DIKDASMEN = (_DIK, "PENDIDIKAN DASAR DAN MENENGAH")


# --------------------------------------------------------------------------------------------------------------
# Complaints
# --------------------------------------------------------------------------------------------------------------

COMPLAINTS: tuple[DemoComplaint, ...] = (
    # ---- Dinas Pekerjaan Umum dan Penataan Ruang --------------------------------------------------------------
    DemoComplaint(
        title="Jalan berlubang besar di Jalan Kenari Sikumana sudah berbulan-bulan",
        body=(
            "Selamat siang Bapak/Ibu. Saya mau melaporkan kondisi jalan di Jalan Kenari, Kelurahan Sikumana, "
            "mulai dari pertigaan dekat kios sembako sampai ke arah gereja. Ada sekitar 6 lubang besar, yang "
            "paling dalam kira-kira sejengkal. Kalau hujan lubangnya tertutup air jadi pengendara motor tidak "
            "lihat. Minggu lalu ada anak SMP jatuh dari motor waktu pulang sekolah, untung cuma luka lecet. "
            "Kondisi ini sudah dari bulan Februari dan sudah kami sampaikan lewat Pak RT tapi belum ada perbaikan. "
            "Mohon segera ditambal sebelum ada korban yang lebih parah. Terima kasih."
        ),
        classification=PENGADUAN,
        category_path=(_PU, "INFRASTRUKTUR JALAN", "JALAN BERLUBANG"),
        region_code="53.71.02.1008",
        target_unit=PUPR,
        address="Jl. Kenari RT 014/RW 005, Kel. Sikumana, Kec. Maulafa",
        follow_ups=(
            (
                "Terima kasih atas laporan Bapak/Ibu. Tim UPT Pemeliharaan Jalan telah melakukan survei ke Jalan "
                "Kenari dan mencatat 6 titik kerusakan. Penambalan dijadwalkan dalam pekan ini bersamaan dengan paket "
                "pemeliharaan rutin wilayah Kecamatan Maulafa."
            ),
            (
                "Penambalan 6 titik lubang di Jalan Kenari telah selesai dikerjakan pada hari Kamis. Foto sebelum dan "
                "sesudah pekerjaan kami lampirkan. Mohon informasi apabila masih ada titik yang terlewat."
            ),
        ),
        reporter_reply=(
            "Terima kasih banyak, sudah kami lihat tadi pagi lubangnya sudah ditambal semua. Semoga bisa tahan lama."
        ),
    ),
    DemoComplaint(
        title="Jembatan kayu penghubung RT 08 dan RT 09 Fatukoa ambruk",
        body=(
            "Jembatan kayu di atas kali kecil yang menghubungkan RT 08 dan RT 09 Kelurahan Fatukoa ambruk setelah "
            "hujan deras hari Minggu malam. Jembatan ini satu-satunya jalan anak-anak ke SD dan jalan warga bawa "
            "hasil kebun ke pasar. Sekarang warga terpaksa turun ke kali, airnya masih tinggi dan arusnya deras. "
            "Waktu jembatan ini dibangun tahun lalu kami lihat tiangnya hanya kayu biasa, tidak dicor, padahal di "
            "papan proyek tertulis anggarannya cukup besar. Kami minta ada pemeriksaan ke lokasi, perbaikan darurat "
            "secepatnya, dan dicek juga kenapa baru setahun sudah rusak begini."
        ),
        classification=PENGADUAN_PENGAWASAN,
        category_path=(_PU, "INFRASTRUKTUR JALAN", "JEMBATAN"),
        region_code="53.71.02.1006",
        target_unit=PUPR,
        address="Antara RT 08 dan RT 09, Kel. Fatukoa, Kec. Maulafa",
        follow_ups=(
            (
                "Laporan telah kami terima dan diteruskan ke Bidang Bina Marga. Tim teknis bersama Lurah Fatukoa sudah "
                "turun ke lokasi hari Selasa. Untuk sementara dipasang jembatan darurat dari balok dan papan agar anak "
                "sekolah bisa melintas, dan warga diminta tidak menyeberang kali saat air tinggi."
            ),
            (
                "Hasil pemeriksaan teknis menunjukkan pondasi jembatan tergerus arus dan tidak sesuai gambar rencana. "
                "Temuan ini sudah kami sampaikan ke Inspektorat untuk pemeriksaan lebih lanjut terhadap penyedia jasa. "
                "Pembangunan jembatan permanen diusulkan dalam anggaran perubahan tahun ini."
            ),
        ),
        reporter_reply=(
            "Jembatan darurat sudah bisa dipakai anak-anak, terima kasih. Tapi kami masih tunggu kepastian kapan "
            "jembatan permanen dibangun, jangan sampai musim hujan berikut kami susah lagi."
        ),
    ),
    DemoComplaint(
        title="Saluran drainase tersumbat, air meluap ke rumah warga di Oebufu",
        body=(
            "Setiap kali hujan lebih dari satu jam, got di sepanjang gang belakang kantor lurah Oebufu meluap dan "
            "air masuk ke rumah warga sampai semata kaki. Got itu penuh sampah plastik dan lumpur, sebagian juga "
            "sudah tertutup beton karena ada rumah yang bangun teras di atasnya. Mohon dinas terkait bisa "
            "membersihkan dan menertibkan bangunan yang menutup saluran."
        ),
        classification=PENGADUAN,
        category_path=(_PU, "DRAINASE (GORONG-GORONG/PARIT)"),
        region_code="53.71.04.1009",
        target_unit=PUPR,
        address="Gang belakang Kantor Lurah Oebufu, Kec. Oebobo",
        follow_ups=(
            (
                "Terima kasih. Petugas kebersihan saluran dari Bidang Sumber Daya Air sudah melakukan pengerukan "
                "lumpur dan sampah sepanjang kurang lebih 150 meter. Untuk bangunan teras yang menutup saluran, kami "
                "sudah berkoordinasi dengan pihak kelurahan agar pemilik diberikan teguran tertulis."
            ),
        ),
        reporter_reply=(
            "Got sudah dibersihkan, terima kasih. Tapi teras yg tutup got masih ada, jadi kalau hujan besar pasti "
            "tersumbat lagi. Mohon ditindaklanjuti juga."
        ),
    ),
    DemoComplaint(
        title="Trotoar Jalan El Tari rusak dan dipakai parkir motor",
        body=(
            "Trotoar di Jalan El Tari depan deretan ruko banyak paving yg lepas dan ada besi tutup got yg hilang. "
            "Pejalan kaki terpaksa turun ke badan jalan. Ditambah lagi trotoar dipakai parkir motor. Sangat bahaya "
            "terutama utk orang tua dan anak2."
        ),
        classification=PENGADUAN,
        category_path=(_PU, "INFRASTRUKTUR PENDUKUNG", "TROTOAR"),
        region_code="53.71.04.1001",
        target_unit=PUPR,
        address="Jl. El Tari, depan deretan ruko, Kel. Oebobo",
        follow_ups=(
            (
                "Perbaikan paving dan penggantian tutup saluran yang hilang sudah masuk daftar pekerjaan pemeliharaan "
                "bulan ini. Untuk parkir di atas trotoar, laporan ini kami teruskan juga ke Dinas Perhubungan dan "
                "Satpol PP untuk penertiban."
            ),
        ),
        reporter_reply=(
            "Baik, saya tunggu. Mohon jangan cuma diperbaiki tapi juga dijaga supaya tdk jadi parkiran lagi."
        ),
    ),
    DemoComplaint(
        title="Sumur bor bantuan di RT 03 Naioni mati sejak tiga bulan",
        body=(
            "Kami warga RT 03 RW 01 Kelurahan Naioni. Sumur bor yang dibangun pemerintah dua tahun lalu sudah tidak "
            "berfungsi sejak tiga bulan terakhir karena mesin pompanya rusak. Sekarang kami harus beli air tangki "
            "Rp 100.000 sampai Rp 150.000 per tangki, sangat berat buat kami yang kebanyakan petani. Sudah lapor "
            "ke kelurahan dan dijawab sudah diusulkan, tapi sampai sekarang belum ada yang datang cek. Mohon "
            "bantuannya."
        ),
        classification=PENGADUAN,
        category_path=(_PU, "SUMBER DAYA AIR"),
        region_code="53.71.01.1011",
        target_unit=PUPR,
        address="RT 03/RW 01, Kel. Naioni, Kec. Alak",
        follow_ups=(
            (
                "Terima kasih atas informasinya. Petugas teknis sudah memeriksa sumur bor di RT 03 Naioni. Pompa "
                "submersible terbakar akibat tegangan listrik tidak stabil. Penggantian pompa dan pemasangan "
                "stabilizer dijadwalkan minggu depan."
            ),
            (
                "Pompa baru sudah terpasang dan sumur bor sudah berfungsi kembali. Kami juga sudah membentuk kelompok "
                "pengelola bersama warga agar ada yang bertanggung jawab jika ada kerusakan ringan."
            ),
        ),
        reporter_reply="Puji Tuhan air sudah jalan lagi. Terima kasih banyak Bapak Ibu petugas.",
    ),
    DemoComplaint(
        title="Usul pembangunan taman bermain anak di lahan kosong Kelurahan Kayu Putih",
        body=(
            "Di Kelurahan Kayu Putih ada lahan kosong milik pemerintah dekat lapangan voli yang selama ini cuma "
            "ditumbuhi rumput dan jadi tempat buang sampah. Kami warga mengusulkan supaya lahan itu dijadikan "
            "taman bermain anak sederhana dengan ayunan, perosotan dan beberapa bangku. Anak-anak di sini tidak "
            "punya tempat main selain di jalan. Kami siap kerja bakti untuk membersihkan lahan dan merawat taman."
        ),
        classification=ASPIRASI,
        category_path=(_PU, "INFRASTRUKTUR PENDUKUNG", "TAMAN"),
        region_code="53.71.04.1013",
        target_unit=PUPR,
        address="Lahan kosong dekat lapangan voli, Kel. Kayu Putih, Kec. Oebobo",
        follow_ups=(
            (
                "Terima kasih atas usulan yang sangat baik. Status lahan sedang kami konfirmasi ke Bagian Aset. Jika "
                "lahan tersebut aset Pemerintah Kota, usulan taman akan kami masukkan dalam Musrenbang kelurahan tahun "
                "depan. Kami sarankan usulan ini juga dibawa oleh LPM dalam Musrenbang tingkat kelurahan."
            ),
        ),
        reporter_reply=(
            "Terima kasih atas jawabannya. Kami akan bawa lewat LPM juga. Semoga benar-benar masuk anggaran."
        ),
    ),
    DemoComplaint(
        title="Pekerjaan rabat beton jalan lingkungan di Penkase Oeleta diduga tidak sesuai spesifikasi",
        body=(
            "Saya warga Penkase Oeleta mau lapor soal pekerjaan rabat beton jalan lingkungan di RT 11 yang baru "
            "selesai bulan lalu. Tebal beton di pinggir cuma sekitar 5 cm, padahal waktu sosialisasi dibilang 15 cm. "
            "Campurannya juga kelihatan lebih banyak pasir, sekarang permukaannya sudah retak-retak dan mengelupas. "
            "Papan nama proyek juga tidak pernah dipasang jadi kami tidak tahu nilai kontraknya dan siapa "
            "kontraktornya. Mohon diperiksa ke lapangan."
        ),
        classification=PENGADUAN_PENGAWASAN,
        category_path=(_EKON, "PENGADAAN BARANG/JASA", "PENANGANAN SENGKETA/PERMASALAHAN HUKUM/PENYIMPANGAN TENDER"),
        region_code="53.71.01.1012",
        target_unit=PUPR,
        address="Jalan lingkungan RT 11, Kel. Penkase Oeleta, Kec. Alak",
        follow_ups=(
            (
                "Laporan Bapak/Ibu sudah kami terima. Tim PPK dan konsultan pengawas akan melakukan uji core drill di "
                "tiga titik untuk memastikan ketebalan dan mutu beton. Warga dipersilakan menyaksikan pengujian."
            ),
            (
                "Hasil uji menunjukkan ketebalan rata-rata 9 cm, di bawah spesifikasi kontrak. Penyedia jasa telah "
                "diwajibkan membongkar dan mengerjakan ulang ruas sepanjang 80 meter atas biaya sendiri dalam masa "
                "pemeliharaan. Papan informasi proyek juga sudah dipasang."
            ),
        ),
        reporter_reply=(
            "Terima kasih sudah ditindaklanjuti dengan serius. Kami warga akan ikut awasi waktu pengerjaan ulang."
        ),
    ),
    DemoComplaint(
        title="Kapan jalan ke Kelurahan Naimata diaspal?",
        body=(
            "Selamat pagi, mau tanya apakah jalan masuk dari Jalan Adisucipto ke arah perumahan di Naimata sudah ada "
            "dalam rencana pengaspalan tahun ini? Jalannya masih tanah dan batu, kalau musim hujan licin sekali."
        ),
        classification=PERMINTAAN_INFORMASI,
        category_path=(_PU, "INFRASTRUKTUR JALAN", "LAINNYA TERKAIT INFRASTRUKTUR JALAN"),
        region_code="53.71.02.1004",
        target_unit=PUPR,
        address="Kel. Naimata, Kec. Maulafa",
        follow_ups=(
            (
                "Selamat pagi. Ruas jalan yang dimaksud belum termasuk jalan kota yang ditetapkan dalam SK status "
                "jalan, sehingga belum dapat dianggarkan tahun ini. Ruas tersebut sedang dalam proses pendataan untuk "
                "ditetapkan sebagai jalan kota. Informasi perkembangannya akan kami sampaikan melalui kelurahan."
            ),
        ),
        reporter_reply="Oke, terima kasih infonya.",
    ),
    DemoComplaint(
        title="Lapangan sepak bola kelurahan rusak, tiang gawang patah",
        body=(
            "Lapangan bola di Kelurahan Manutapen kondisinya sudah tidak layak. Tiang gawang sebelah utara patah, "
            "pagar keliling roboh, dan sebagian lapangan jadi tempat parkir truk pasir. Anak muda di sini mau "
            "latihan untuk turnamen antar kelurahan tapi tempatnya begini. Mohon ada perbaikan."
        ),
        classification=ASPIRASI,
        category_path=(_PU, "INFRASTRUKTUR PENDUKUNG", "LAPANGAN OLAHRAGA"),
        region_code="53.71.01.1006",
        target_unit=PUPR,
        address="Lapangan Kel. Manutapen, Kec. Alak",
        follow_ups=(
            (
                "Terima kasih atas aspirasinya. Perbaikan tiang gawang dan pagar akan kami koordinasikan dengan "
                "kelurahan untuk dikerjakan melalui kegiatan pemeliharaan sarana olahraga. Terkait parkir truk pasir, "
                "kami sudah meminta Satpol PP melakukan penertiban."
            ),
        ),
        reporter_reply="",
    ),
    DemoComplaint(
        title="Galian pipa tidak ditutup kembali di Jalan Herewila",
        body=(
            "Ada galian untuk pipa di pinggir Jalan Herewila Oetete, panjangnya kira2 30 meter. Sdh 2 minggu tdk "
            "ditutup, tanah galian menumpuk di bahu jalan, tdk ada rambu atau lampu tanda bahaya. Malam hari gelap "
            "sekali. Kemarin malam ada motor masuk ke galian. Mhn segera ditindak."
        ),
        classification=PENGADUAN,
        category_path=(_PU, "INFRASTRUKTUR JALAN", "LAINNYA TERKAIT INFRASTRUKTUR JALAN"),
        region_code="53.71.04.1008",
        target_unit=PUPR,
        address="Jl. Herewila, Kel. Oetete, Kec. Oebobo",
        follow_ups=(
            (
                "Terima kasih. Galian tersebut merupakan pekerjaan pemasangan jaringan pipa oleh pihak ketiga. Kami "
                "sudah memanggil pelaksana pekerjaan dan memerintahkan pemasangan rambu serta lampu peringatan hari "
                "ini juga. Penutupan galian wajib diselesaikan paling lambat tiga hari."
            ),
            (
                "Galian sudah ditutup dan dipadatkan kembali. Pengaspalan ulang bekas galian akan dilakukan setelah "
                "tanah cukup padat."
            ),
        ),
        reporter_reply="Sudah ditutup, terima kasih cepat responnya.",
    ),
    DemoComplaint(
        title="Tempat pemakaman umum dekat Airmata tidak terawat",
        body=(
            "Beta mau sampaikan, TPU di dekat Kelurahan Airmata rumputnya su tinggi sekali, banyak sampah, "
            "dan jalan setapak ke dalam su rusak. Keluarga yang mau ziarah susah masuk. Tolong dirawat sedikit."
        ),
        classification=ASPIRASI,
        category_path=(_PU, "INFRASTRUKTUR PENDUKUNG", "TEMPAT PEMAKAMAN UMUM"),
        region_code="53.71.06.1001",
        target_unit=PUPR,
        address="TPU dekat Kel. Airmata, Kec. Kota Lama",
        follow_ups=(
            (
                "Terima kasih atas masukannya. Pembersihan TPU akan dilaksanakan oleh petugas pemeliharaan bersama "
                "pihak kelurahan pada minggu ini. Perbaikan jalan setapak kami usulkan dalam kegiatan tahun berjalan."
            ),
        ),
        reporter_reply="Terima kasih, sudah bersih sekarang.",
    ),
    DemoComplaint(
        title="Permintaan informasi rencana normalisasi Kali Dendeng",
        body=(
            "Saya tinggal di bantaran Kali Dendeng wilayah Fontein. Ada kabar akan ada normalisasi kali dan rumah "
            "di bantaran akan dibongkar. Saya mau tanya apakah benar, kapan, dan apakah ada ganti rugi atau relokasi "
            "untuk warga? Banyak warga cemas karena belum ada sosialisasi resmi."
        ),
        classification=PERMINTAAN_INFORMASI,
        category_path=(_PU, "LAINNYA TERKAIT PEKERJAAN UMUM DAN PENATAAN RUANG"),
        region_code="53.71.05.1008",
        target_unit=PUPR,
        address="Bantaran Kali Dendeng, Kel. Fontein, Kec. Kota Raja",
        follow_ups=(
            (
                "Terima kasih atas pertanyaannya. Saat ini kegiatan yang berjalan adalah penyusunan dokumen "
                "perencanaan penataan Kali Dendeng, belum ada jadwal pembongkaran. Sosialisasi kepada warga bantaran "
                "akan dilakukan melalui kelurahan sebelum ada kegiatan fisik, termasuk penjelasan mengenai pendataan "
                "dan skema penanganan dampak sosial."
            ),
        ),
        reporter_reply=(
            "Terima kasih penjelasannya, jadi warga sedikit tenang. Mohon nanti sosialisasinya benar-benar ke semua "
            "warga, jangan hanya ke RT."
        ),
    ),
    # ---- Dinas Kesehatan dan Puskesmas ---------------------------------------------------------------------
    DemoComplaint(
        title="Antrean di Puskesmas Oepoi sangat lama, loket buka terlambat",
        body=(
            "Hari Senin kemarin saya antar ibu saya berobat ke Puskesmas Oepoi. Kami sudah datang jam 07.15, "
            "tapi loket pendaftaran baru buka sekitar jam 08.20. Antrean sudah panjang sekali dan tidak ada nomor "
            "antrean, jadi orang saling serobot. Ibu saya yang sudah 70 tahun harus berdiri hampir satu jam karena "
            "kursi tunggu penuh. Baru dilayani dokter jam 11 lewat. Mohon jam buka loket ditepati dan ada sistem "
            "nomor antrean serta prioritas untuk lansia."
        ),
        classification=PENGADUAN,
        category_path=(*_YANKES, "MASALAH PELAYANAN KESEHATAN"),
        region_code="53.71.04.1014",
        target_unit=PKM_OEPOI,
        address="Puskesmas Oepoi, Kec. Oebobo",
        follow_ups=(
            (
                "Terima kasih atas masukan Bapak/Ibu, dan kami mohon maaf atas ketidaknyamanan yang dialami. Kepala "
                "Puskesmas sudah menegur petugas loket terkait keterlambatan. Mulai minggu depan loket dibuka pukul "
                "07.30 dan kami menyediakan mesin nomor antrean serta jalur prioritas untuk lansia, ibu hamil dan "
                "penyandang disabilitas."
            ),
        ),
        reporter_reply=("Terima kasih, kemarin saya datang lagi dan sudah ada nomor antrean. Lebih tertib sekarang."),
    ),
    DemoComplaint(
        title="Obat hipertensi kosong di Puskesmas Sikumana, disuruh beli di apotek",
        body=(
            "Saya peserta BPJS dan rutin ambil obat darah tinggi tiap bulan di Puskesmas Sikumana. Sudah dua bulan "
            "ini obat amlodipin katanya kosong dan saya disuruh beli sendiri di apotek luar. Untuk pensiunan seperti "
            "saya ini cukup berat. Kapan stok obat tersedia lagi?"
        ),
        classification=PENGADUAN,
        category_path=(_KES, "PELAYANAN OBAT"),
        region_code="53.71.02.1008",
        target_unit=PKM_SIKUMANA,
        address="Puskesmas Sikumana, Kec. Maulafa",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Kekosongan amlodipin terjadi karena keterlambatan distribusi dari "
                "gudang farmasi. Puskesmas sudah mengajukan permintaan tambahan dan stok diperkirakan tersedia kembali "
                "dalam minggu ini. Bapak/Ibu dapat menghubungi bagian farmasi puskesmas sebelum datang untuk "
                "memastikan."
            ),
            (
                "Stok amlodipin sudah tersedia kembali di Puskesmas Sikumana sejak hari Rabu. Mohon maaf atas "
                "ketidaknyamanannya."
            ),
        ),
        reporter_reply="Sudah dapat obatnya kemarin. Terima kasih.",
    ),
    DemoComplaint(
        title="Petugas Puskesmas Bakunase bicara kasar kepada pasien",
        body=(
            "Tanggal 12 kemarin saya bawa anak saya yang demam ke Puskesmas Bakunase. Waktu saya tanya ke petugas "
            "di ruang KIA kenapa lama, petugas perempuan yang pakai kerudung biru jawab dengan nada tinggi dan "
            "bilang kalau tidak mau tunggu pergi saja ke rumah sakit. Saya malu dibentak di depan banyak orang. "
            "Saya tahu petugas capek, tapi tolong dibina supaya bicara yang sopan ke pasien."
        ),
        classification=PENGADUAN,
        category_path=(*_YANKES, "KERAMAHAN PETUGAS KESEHATAN"),
        region_code="53.71.05.1001",
        target_unit=PKM_BAKUNASE,
        address="Puskesmas Bakunase, Kec. Kota Raja",
        follow_ups=(
            (
                "Kami memohon maaf atas perlakuan yang Ibu alami. Kepala Puskesmas telah memanggil dan membina petugas "
                "yang bersangkutan. Seluruh petugas juga mendapat pengarahan ulang tentang standar pelayanan dan etika "
                "komunikasi dengan pasien. Terima kasih telah menyampaikan hal ini kepada kami."
            ),
        ),
        reporter_reply=(
            "Terima kasih sudah ditanggapi. Semoga ke depan tidak ada lagi pasien yang diperlakukan seperti itu."
        ),
    ),
    DemoComplaint(
        title="Mohon fogging di RT 07 Oebufu, sudah 3 anak kena DBD",
        body=(
            "Dalam dua minggu terakhir sudah tiga anak di RT 07 RW 02 Kelurahan Oebufu dirawat karena demam "
            "berdarah, satu di antaranya sempat masuk ICU. Nyamuk sangat banyak terutama sore hari. Kami mohon "
            "Dinas Kesehatan segera melakukan fogging dan pemeriksaan jentik di lingkungan kami."
        ),
        classification=PENGADUAN,
        category_path=(*_YANKES, "FOGGING NYAMUK"),
        region_code="53.71.04.1009",
        target_unit=DINKES,
        address="RT 07/RW 02, Kel. Oebufu, Kec. Oebobo",
        follow_ups=(
            (
                "Terima kasih. Petugas surveilans Puskesmas Oepoi sudah melakukan penyelidikan epidemiologi di RT 07 "
                "dan menemukan jentik di beberapa bak penampungan dan ban bekas. Fogging fokus dilaksanakan hari Jumat "
                "sore dengan radius 200 meter dari rumah kasus."
            ),
            (
                "Selain fogging, kami mengajak warga melakukan PSN 3M Plus setiap minggu karena fogging hanya membunuh "
                "nyamuk dewasa. Kader jumantik kelurahan akan memantau jentik secara berkala."
            ),
        ),
        reporter_reply="Fogging sudah dilaksanakan, terima kasih. Kami akan kerja bakti bersihkan lingkungan.",
    ),
    DemoComplaint(
        title="Jadwal imunisasi anak di Puskesmas Oesapa",
        body=(
            "Selamat siang, saya mau tanya jadwal imunisasi bayi di Puskesmas Oesapa hari apa saja? Anak saya "
            "umur 2 bulan mau imunisasi polio dan DPT. Apakah harus bawa buku KIA dan fotokopi KK?"
        ),
        classification=PERMINTAAN_INFORMASI,
        category_path=(*_YANKES, "PELAYANAN VAKSINASI / IMUNISASI"),
        region_code="53.71.03.1010",
        target_unit=PKM_OESAPA,
        address="Kel. Oesapa, Kec. Kelapa Lima",
        follow_ups=(
            (
                "Selamat siang. Pelayanan imunisasi bayi di Puskesmas Oesapa dilaksanakan setiap hari Selasa dan Kamis "
                "pukul 08.00 sampai 11.00 WITA. Mohon membawa buku KIA; fotokopi KK tidak wajib. Imunisasi juga bisa "
                "didapat di posyandu sesuai jadwal di kelurahan masing-masing."
            ),
        ),
        reporter_reply="Baik, terima kasih informasinya.",
    ),
    DemoComplaint(
        title="Ambulans puskesmas tidak bisa dihubungi saat keadaan darurat",
        body=(
            "Malam Sabtu kemarin sekitar jam 11 malam tetangga saya, bapak tua, sesak napas. Kami telpon nomor "
            "ambulans Puskesmas Pasir Panjang yang ada di spanduk tapi tidak aktif. Akhirnya kami bawa pakai "
            "pick up tetangga ke rumah sakit. Untung beliau selamat. Tolong nomor darurat yang dipasang itu "
            "benar-benar aktif 24 jam. Nomor yang saya hubungi 0812-3456-7890 dan saya bisa dihubungi di "
            "0813-0000-4521 kalau perlu keterangan."
        ),
        classification=PENGADUAN,
        category_path=(*_YANKES, "LAYANAN AMBULAN"),
        region_code="53.71.06.1009",
        target_unit=PKM_PASIR_PANJANG,
        address="Kel. Pasir Panjang, Kec. Kota Lama",
        follow_ups=(
            (
                "Terima kasih dan kami mohon maaf. Setelah dicek, nomor pada spanduk adalah nomor lama yang sudah "
                "tidak dipakai sejak pergantian pengemudi. Spanduk sudah kami ganti dan nomor layanan ambulans kini "
                "terhubung dengan petugas jaga 24 jam. Nomor resmi juga diumumkan melalui kelurahan dan media sosial "
                "puskesmas."
            ),
        ),
        reporter_reply="Terima kasih, semoga tidak terulang.",
    ),
    DemoComplaint(
        title="Usul posyandu lansia di Kelurahan Lasiana",
        body=(
            "Di Lasiana sudah ada posyandu balita tapi belum ada posyandu lansia. Banyak orang tua di sini yang "
            "darah tinggi dan gula tapi malas ke puskesmas karena jauh. Kalau bisa dibuka posyandu lansia sebulan "
            "sekali di balai RW, kami siap jadi kader."
        ),
        classification=ASPIRASI,
        category_path=(*_YANKES, "LAINNYA TERKAIT PELAYANAN KESEHATAN"),
        region_code="53.71.03.1011",
        target_unit=PKM_OESAPA,
        address="Balai RW 03, Kel. Lasiana, Kec. Kelapa Lima",
        follow_ups=(
            (
                "Terima kasih atas usulan dan kesediaan menjadi kader. Puskesmas Oesapa akan mengadakan pertemuan "
                "dengan lurah dan ketua RW untuk membentuk posyandu lansia di Lasiana. Calon kader akan mendapat "
                "pelatihan singkat dari petugas puskesmas."
            ),
        ),
        reporter_reply="Puji Tuhan, kami tunggu undangan pertemuannya.",
    ),
    DemoComplaint(
        title="Anak balita gizi kurang belum dapat PMT dari posyandu",
        body=(
            "Anak saya umur 2 tahun 3 bulan, waktu timbang di posyandu bulan lalu dibilang berat badan kurang dan "
            "masuk kategori gizi kurang. Bidan bilang akan dapat makanan tambahan (PMT) tapi sampai sekarang sudah "
            "6 minggu belum ada. Saya tanya ke kader katanya belum turun. Saya mohon kejelasan, karena saya takut "
            "anak saya makin kurus. Anak saya atas nama Kristofel Nalle, NIK 5371021203230005, bisa hubungi saya "
            "di +62 813 1111 2222."
        ),
        classification=PENGADUAN,
        category_path=(_KES, "GIZI BURUK/STUNTING"),
        region_code="53.71.02.1007",
        target_unit=DINKES,
        address="Posyandu Melati, Kel. Kolhua, Kec. Maulafa",
        follow_ups=(
            (
                "Terima kasih atas laporan Ibu. Tenaga gizi Puskesmas Sikumana sudah melakukan kunjungan rumah untuk "
                "memeriksa kondisi anak. PMT lokal untuk 14 hari sudah diberikan dan anak akan dipantau setiap dua "
                "minggu. Keterlambatan PMT terjadi karena proses pengadaan bahan, saat ini sudah berjalan normal."
            ),
        ),
        reporter_reply=(
            "Terima kasih bidan sudah datang ke rumah dan kasih PMT. Saya akan rutin bawa anak ke posyandu."
        ),
    ),
    DemoComplaint(
        title="Apotek di Jalan Timor Raya jual obat keras tanpa resep",
        body=(
            "Saya mau lapor ada apotek di Jalan Timor Raya dekat pertigaan Oesapa yang jual antibiotik dan obat "
            "penenang ke anak muda tanpa resep dokter. Saya lihat sendiri beberapa kali. Saya khawatir obat itu "
            "disalahgunakan. Mohon dinas kesehatan periksa izin dan praktiknya."
        ),
        classification=PENGADUAN_PENGAWASAN,
        category_path=(_KES, "PERIZINAN DAN PENGAWASAN LAYANAN KESEHATAN", "PERIZINAN DAN PENGAWASAN APOTEK"),
        region_code="53.71.03.1014",
        target_unit=DINKES,
        address="Jl. Timor Raya, dekat pertigaan Oesapa, Kel. Oesapa Barat",
        follow_ups=(
            (
                "Terima kasih atas informasinya. Tim pengawasan Dinas Kesehatan bersama Balai POM akan melakukan "
                "pemeriksaan ke apotek yang dimaksud. Identitas pelapor kami rahasiakan."
            ),
            (
                "Pemeriksaan telah dilakukan. Ditemukan penyerahan obat keras tanpa resep dan apoteker penanggung "
                "jawab tidak selalu hadir. Apotek diberi sanksi peringatan tertulis dan wajib membenahi pencatatan. "
                "Pemantauan ulang akan dilakukan dalam tiga bulan."
            ),
        ),
        reporter_reply="Terima kasih sudah ditindak. Semoga apotek lain juga diawasi.",
    ),
    DemoComplaint(
        title="Berapa biaya pemeriksaan kesehatan untuk surat keterangan sehat?",
        body="Mau tanya biaya surat keterangan sehat di puskesmas untuk melamar kerja berapa ya? Trims.",
        classification=PERMINTAAN_INFORMASI,
        category_path=(*_YANKES, "LAINNYA TERKAIT PELAYANAN KESEHATAN"),
        region_code="53.71.04.1011",
        target_unit=DINKES,
        address="",
        follow_ups=(
            (
                "Terima kasih atas pertanyaannya. Tarif surat keterangan sehat di puskesmas Kota Kupang mengikuti "
                "Peraturan Daerah tentang retribusi pelayanan kesehatan dan dibayar di loket dengan kuitansi resmi. "
                "Tarif terbaru terpampang di papan informasi setiap puskesmas. Pemeriksaan tambahan seperti tes buta "
                "warna atau laboratorium dikenai biaya tersendiri."
            ),
        ),
        reporter_reply="",
    ),
    DemoComplaint(
        title="Toilet Puskesmas Sikumana kotor dan tidak ada air",
        body=(
            "Toilet pasien di Puskesmas Sikumana bau sekali, kloset tersumbat, dan tidak ada air di bak. Padahal "
            "ini fasilitas kesehatan. Kasihan pasien yang datang jauh2."
        ),
        classification=PENGADUAN,
        category_path=(*_YANKES, "FASILITAS KESEHATAN"),
        region_code="53.71.02.1008",
        target_unit=PKM_SIKUMANA,
        address="Puskesmas Sikumana, Kec. Maulafa",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Saluran kloset sudah diperbaiki dan tandon air tambahan sudah dipasang. "
                "Jadwal pembersihan toilet kini dilakukan tiga kali sehari dan ditempel di pintu toilet."
            ),
        ),
        reporter_reply="Sudah lebih bersih sekarang. Terima kasih.",
    ),
    # ---- RSUD S.K. Lerik --------------------------------------------------------------------------------------
    DemoComplaint(
        title="Pasien BPJS di IGD RSUD S.K. Lerik menunggu lebih dari 6 jam",
        body=(
            "Ayah saya dibawa ke IGD RSUD S.K. Lerik hari Rabu jam 4 sore karena stroke ringan. Sampai jam 10 malam "
            "beliau masih di brankar di lorong IGD, katanya ruangan rawat inap kelas 3 penuh. Kami ditawari naik "
            "kelas dengan bayar selisih, padahal kami peserta PBI. Petugas juga tidak memberi penjelasan yang jelas "
            "kapan dapat kamar. Atas nama pasien Yusuf Taneo, NIK 5371050604550001. Mohon perhatiannya."
        ),
        classification=PENGADUAN,
        category_path=(_KES, "JAMINAN SOSIAL KESEHATAN", "PELAYANAN KESEHATAN BPJS", "KAMAR PENUH"),
        region_code="53.71.03.1001",
        target_unit=RSUD,
        address="RSUD S.K. Lerik, Kec. Kelapa Lima",
        follow_ups=(
            (
                "Terima kasih atas laporan Bapak/Ibu dan kami mohon maaf atas lamanya waktu tunggu. Pada hari tersebut "
                "tingkat hunian rawat inap kelas 3 mencapai 100%. Pasien peserta PBI tidak boleh dikenai selisih "
                "biaya; petugas yang menawarkan naik kelas sudah kami tegur. Pasien telah mendapat kamar pada pukul "
                "23.40."
            ),
            (
                "Sebagai perbaikan, RSUD menambah 6 tempat tidur transit di IGD dan menayangkan informasi ketersediaan "
                "tempat tidur di layar ruang tunggu."
            ),
        ),
        reporter_reply=(
            "Ayah saya sudah pulang dan membaik. Terima kasih, tapi saya harap pelayanan di IGD lebih cepat "
            "kedepannya karena pasien stroke tidak bisa tunggu lama."
        ),
    ),
    DemoComplaint(
        title="Parkir di RSUD S.K. Lerik ditarik dua kali",
        body=(
            "Di RSUD S.K. Lerik saya sudah bayar parkir di pintu masuk dan dapat karcis, tapi waktu keluar ditarik "
            "lagi Rp 5.000 oleh orang yang tidak pakai seragam dan tidak kasih karcis. Kejadian ini bukan sekali dua "
            "kali, keluarga pasien yang jaga tiap hari sangat dirugikan. Mohon dicek apakah ini resmi atau pungli."
        ),
        classification=PENGADUAN_PENGAWASAN,
        category_path=_KKN_PUNGLI,
        region_code="53.71.03.1001",
        target_unit=RSUD,
        address="Area parkir RSUD S.K. Lerik",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Manajemen RSUD bersama Satpol PP telah melakukan pengecekan dan "
                "menemukan adanya penarik parkir tidak resmi di pintu keluar samping. Yang bersangkutan sudah "
                "diamankan dan pintu samping kini dijaga petugas keamanan rumah sakit. Retribusi parkir resmi hanya "
                "dibayar sekali di pintu masuk dengan karcis."
            ),
        ),
        reporter_reply="Mantap, terima kasih sudah ditertibkan.",
    ),
    DemoComplaint(
        title="Jam besuk pasien di RSUD S.K. Lerik",
        body="Selamat malam, jam besuk pasien rawat inap di RSUD S.K. Lerik jam berapa saja? Anak kecil boleh ikut?",
        classification=PERMINTAAN_INFORMASI,
        category_path=(*_YANKES, "LAINNYA TERKAIT PELAYANAN KESEHATAN"),
        region_code="53.71.06.1007",
        target_unit=RSUD,
        follow_ups=(
            (
                "Selamat malam. Jam besuk pasien rawat inap adalah pukul 11.00-13.00 dan 17.00-19.00 WITA. Untuk "
                "mencegah penularan penyakit, anak di bawah 12 tahun tidak diperkenankan masuk ruang perawatan."
            ),
        ),
        reporter_reply="Terima kasih.",
    ),
    # ---- Dinas Pendidikan dan Kebudayaan -------------------------------------------------------------------
    DemoComplaint(
        title="Pungutan uang komite Rp 750 ribu di SMP negeri untuk siswa baru",
        body=(
            "Kami orang tua siswa baru kelas 7 di salah satu SMP negeri di Kecamatan Oebobo diminta membayar uang "
            "komite Rp 750.000 per siswa, katanya untuk pembangunan pagar dan pembelian kursi. Pembayaran harus "
            "lunas sebelum anak terima seragam. Tidak ada rapat komite yang mengundang semua orang tua, hanya "
            "pemberitahuan lewat surat. Untuk kami yang pendapatan pas-pasan ini sangat memberatkan. Mohon "
            "diperiksa apakah pungutan ini sesuai aturan."
        ),
        classification=PENGADUAN_PENGAWASAN,
        category_path=(*_DIKDASMEN, "BIAYA SEKOLAH"),
        region_code="53.71.04.1010",
        target_unit=DIKBUD,
        address="Kec. Oebobo",
        follow_ups=(
            (
                "Terima kasih atas laporan Bapak/Ibu. Tim pengawas sekolah Dinas Pendidikan dan Kebudayaan telah "
                "mendatangi sekolah dan memeriksa dokumen komite. Sumbangan dari orang tua tidak boleh ditentukan "
                "jumlah dan waktunya serta tidak boleh dikaitkan dengan layanan kepada siswa. Kepala sekolah telah "
                "diminta membatalkan ketentuan tersebut dan menyelenggarakan rapat komite terbuka."
            ),
        ),
        reporter_reply=("Terima kasih, sekolah sudah kirim surat pembatalan. Seragam anak saya juga sudah diberikan."),
    ),
    DemoComplaint(
        title="Anak tidak diterima di SD terdekat padahal rumah hanya 300 meter",
        body=(
            "Anak saya mendaftar SD negeri lewat jalur domisili. Jarak rumah ke sekolah hanya sekitar 300 meter, "
            "tapi namanya tidak ada di pengumuman. Sementara ada anak yang rumahnya di kelurahan lain diterima. Waktu "
            "saya tanya ke panitia, jawabannya kuota sudah penuh tanpa menunjukkan data jaraknya. Saya minta "
            "transparansi hasil seleksi. Bisa hubungi saya di petrus.lomiga@example.com."
        ),
        classification=PENGADUAN,
        category_path=(*_DIKDASMEN, "PENERIMAAN SISWA BARU"),
        region_code="53.71.05.1006",
        target_unit=DIKBUD,
        address="Kel. Kuanino, Kec. Kota Raja",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Panitia SPMB dinas sudah memverifikasi ulang data domisili dan jarak "
                "pendaftar di sekolah tersebut. Ditemukan dua pendaftar yang menggunakan alamat KK yang tidak sesuai "
                "domisili sebenarnya. Keduanya dialihkan, dan putra Bapak/Ibu dinyatakan diterima. Silakan melakukan "
                "daftar ulang di sekolah paling lambat hari Jumat."
            ),
        ),
        reporter_reply="Terima kasih banyak, anak saya sudah daftar ulang. Semoga seleksi ke depan lebih jujur.",
    ),
    DemoComplaint(
        title="Jadwal dan syarat pendaftaran SMP tahun ajaran baru",
        body=(
            "Selamat siang, mau tanya kapan pendaftaran SMP negeri di Kota Kupang dibuka dan apa saja syaratnya? "
            "Apakah daftar online atau datang ke sekolah? Anak saya sekarang kelas 6."
        ),
        classification=PERMINTAAN_INFORMASI,
        category_path=(*_DIKDASMEN, "PENERIMAAN SISWA BARU"),
        region_code="53.71.02.1001",
        target_unit=DIKBUD,
        address="Kel. Oepura, Kec. Maulafa",
        follow_ups=(
            (
                "Selamat siang. Jadwal SPMB jenjang SMP akan diumumkan melalui laman resmi dinas dan media sosial "
                "Pemkot Kupang sekitar satu bulan sebelum pendaftaran. Pendaftaran dilakukan secara daring dengan "
                "syarat umum: KK, akta kelahiran, surat keterangan lulus atau rapor SD, dan dokumen pendukung sesuai "
                "jalur yang dipilih. Sekolah juga membuka meja bantuan bagi orang tua yang kesulitan mendaftar daring."
            ),
        ),
        reporter_reply="Baik terima kasih infonya.",
    ),
    DemoComplaint(
        title="Gaji guru honorer SD belum dibayar 4 bulan",
        body=(
            "Saya guru honorer di salah satu SD negeri di Kecamatan Alak. Honor kami dari dana BOS belum dibayar "
            "sejak bulan Maret, sudah 4 bulan. Kepala sekolah bilang dana belum cair, tapi sekolah lain sudah "
            "terima. Kami tetap mengajar setiap hari. Mohon dinas cek ada masalah apa. Saya tidak mau sebut nama "
            "sekolah karena takut, tapi siap kasih keterangan kalau identitas saya dirahasiakan."
        ),
        classification=PENGADUAN,
        category_path=(_KERJA, "PENDIDIK DAN TENAGA KEPENDIDIKAN", "GURU DAN TENAGA KEPENDIDIKAN (GTK)"),
        region_code="53.71.01.1008",
        target_unit=DIKBUD,
        address="Kec. Alak",
        follow_ups=(
            (
                "Terima kasih dan identitas Bapak/Ibu kami jaga kerahasiaannya. Agar kami bisa menindaklanjuti, mohon "
                "disampaikan nama sekolah melalui balasan laporan ini (hanya terlihat oleh petugas). Secara umum, dana "
                "BOS tahap I untuk seluruh SD negeri di Kota Kupang sudah tersalur ke rekening sekolah."
            ),
            (
                "Setelah nama sekolah kami terima, tim dinas sudah memeriksa penggunaan dana BOS di sekolah tersebut. "
                "Honor guru honorer bulan Maret sampai Juni telah dibayarkan hari Senin. Kepala sekolah mendapat "
                "pembinaan terkait ketepatan waktu pembayaran honor."
            ),
        ),
        reporter_reply="Sudah kami terima honornya. Terima kasih dan terima kasih juga sudah jaga identitas saya.",
    ),
    DemoComplaint(
        title="Anak saya dibully teman sekelas sampai tidak mau sekolah",
        body=(
            "Anak perempuan saya kelas 5 SD sering diejek dan didorong oleh beberapa teman sekelas karena warna "
            "kulit dan rambutnya. Minggu lalu tasnya dibuang ke got. Sekarang dia menangis setiap pagi dan tidak mau "
            "ke sekolah. Saya sudah bicara ke wali kelas tapi katanya itu biasa anak-anak. Saya mohon pihak dinas "
            "membantu supaya sekolah serius menangani."
        ),
        classification=PENGADUAN,
        category_path=(_KEKERASAN_SEKOLAH, "PERUNDUNGAN (BULLYING)"),
        region_code="53.71.06.1003",
        target_unit=DIKBUD,
        address="Kel. Bonipoi, Kec. Kota Lama",
        follow_ups=(
            (
                "Terima kasih telah melapor, dan kami turut prihatin. Tim Pencegahan dan Penanganan Kekerasan (TPPK) "
                "sekolah dan pengawas dinas sudah bertemu dengan wali kelas, kepala sekolah, dan orang tua para siswa. "
                "Anak Ibu akan didampingi guru BK, dan kami juga menghubungkan dengan layanan konseling UPTD PPA bila "
                "Ibu bersedia."
            ),
        ),
        reporter_reply=(
            "Terima kasih. Anak saya sudah mau sekolah lagi dan guru BK rutin ajak bicara. Kami mau ikut konseling."
        ),
    ),
    DemoComplaint(
        title="Usul perpustakaan keliling masuk ke kelurahan pinggiran",
        body=(
            "Anak-anak di Kelurahan Batu Plat dan Manulai II jarang sekali baca buku karena tidak ada perpustakaan "
            "dekat. Kalau bisa mobil perpustakaan keliling datang seminggu sekali ke sekolah atau ke kantor lurah. "
            "Kami dari kelompok pemuda gereja siap bantu menyiapkan tempat."
        ),
        classification=ASPIRASI,
        category_path=(_DIK, "LAINNYA TERKAIT PENDIDIKAN DAN KEBUDAYAAN"),
        region_code="53.71.01.1009",
        target_unit=DIKBUD,
        address="Kel. Batu Plat, Kec. Alak",
        follow_ups=(
            (
                "Terima kasih atas aspirasinya. Usulan ini kami teruskan kepada Dinas Kearsipan dan Perpustakaan yang "
                "mengelola mobil perpustakaan keliling. Dari sisi Dinas Pendidikan, kami akan mendorong sekolah di "
                "wilayah tersebut untuk mengaktifkan pojok baca kelas."
            ),
        ),
        reporter_reply="",
    ),
    DemoComplaint(
        title="Seragam dan buku wajib dibeli di koperasi sekolah dengan harga mahal",
        body=(
            "SD tempat anak saya sekolah mewajibkan semua siswa beli seragam batik, baju olahraga, dan LKS di "
            "koperasi sekolah. Totalnya Rp 485.000. Harganya jauh lebih mahal dari di pasar. Kalau beli di luar "
            "dibilang warnanya beda. Apakah memang boleh sekolah mewajibkan begini?"
        ),
        classification=PENGADUAN,
        category_path=(*_DIKDASMEN, "BIAYA SEKOLAH"),
        region_code="53.71.05.1004",
        target_unit=DIKBUD,
        address="Kel. Naikoten Satu, Kec. Kota Raja",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Sesuai ketentuan, sekolah tidak boleh mewajibkan pembelian seragam dan "
                "buku di sekolah atau koperasi sekolah. Dinas sudah menerbitkan surat edaran kepada seluruh kepala SD "
                "dan SMP, dan sekolah yang dimaksud sudah diminta menghentikan kewajiban tersebut."
            ),
        ),
        reporter_reply="Oke, terima kasih. Sekarang sekolah bilang boleh beli di luar.",
    ),
    DemoComplaint(
        title="Usul festival budaya sasando dan tenun ikat untuk pelajar",
        body=(
            "Saya guru seni budaya. Saya usul dinas bikin festival tahunan untuk pelajar SD dan SMP se-Kota Kupang: "
            "lomba main sasando, tarian daerah, dan pameran tenun ikat. Banyak anak sekarang tidak kenal budaya "
            "sendiri. Sekolah bisa gantian jadi tuan rumah supaya biayanya tidak besar."
        ),
        classification=ASPIRASI,
        category_path=(_DIK, "KEBUDAYAAN"),
        region_code="53.71.04.1001",
        target_unit=DIKBUD,
        follow_ups=(
            (
                "Terima kasih atas usulan yang inspiratif. Bidang Kebudayaan akan menjajaki penyelenggaraan festival "
                "budaya pelajar pada rangkaian HUT Kota Kupang. Kami akan mengundang perwakilan guru seni budaya untuk "
                "rapat persiapan; mohon Bapak/Ibu bersedia hadir."
            ),
        ),
        reporter_reply="Siap, saya bersedia hadir. Terima kasih sudah menanggapi.",
    ),
    DemoComplaint(
        title="KIP anak saya tidak bisa dicairkan",
        body=(
            "Anak saya kelas 8 SMP dapat Kartu Indonesia Pintar, tapi waktu mau cairkan di bank katanya rekening "
            "belum aktif dan harus ada surat keterangan dari sekolah. Sekolah bilang urus sendiri. Sudah 3 kali "
            "bolak-balik. Mohon dibantu. No HP saya 0852-3900-1122, email yosefina.tefa@example.net."
        ),
        classification=PENGADUAN,
        category_path=(_DIK, "KARTU INDONESIA PINTAR/KIP"),
        region_code="53.71.02.1005",
        target_unit=DIKBUD,
        address="Kel. Bello, Kec. Maulafa",
        follow_ups=(
            (
                "Terima kasih. Operator Dapodik sekolah sudah kami minta menerbitkan surat keterangan aktivasi "
                "rekening PIP untuk putra/putri Ibu. Surat dapat diambil di sekolah mulai hari Kamis lalu dibawa ke "
                "bank penyalur bersama KTP orang tua dan KIP."
            ),
        ),
        reporter_reply="Sudah cair kemarin. Terima kasih atas bantuannya.",
    ),
    # ---- Dinas Kependudukan dan Pencatatan Sipil --------------------------------------------------------
    DemoComplaint(
        title="KTP-el sudah rekam 5 bulan belum juga dicetak",
        body=(
            "Saya sudah rekam KTP elektronik di Dukcapil bulan Januari, sampai sekarang belum jadi. Setiap datang "
            "dibilang blanko habis, disuruh tunggu info. Saya butuh KTP untuk melamar kerja dan buka rekening. "
            "Nama saya Maria Goreti Bria, NIK 5371024408910003, HP 0812-3456-7890. Mohon dibantu."
        ),
        classification=PENGADUAN,
        category_path=(*_ADMINDUK, "KTP (KARTU TANDA PENDUDUK)"),
        region_code="53.71.02.1003",
        target_unit=DUKCAPIL,
        address="Kel. Penfui, Kec. Maulafa",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Data perekaman Ibu sudah kami cek dan statusnya siap cetak. KTP-el Ibu "
                "sudah dicetak hari ini dan dapat diambil di loket pengambilan Dinas Dukcapil dengan membawa bukti "
                "perekaman atau KK."
            ),
        ),
        reporter_reply="Sudah saya ambil tadi siang, terima kasih banyak.",
    ),
    DemoComplaint(
        title="Dugaan pungli pengurusan KK lewat calo di kantor kelurahan",
        body=(
            "Waktu saya urus perubahan KK karena tambah anggota keluarga, ada orang yang mengaku bisa bantu dan "
            "minta Rp 150.000 supaya cepat jadi. Orang itu duduk di ruang pelayanan kantor kelurahan dan kelihatan "
            "akrab dengan staf. Katanya kalau tidak lewat dia, bisa sebulan baru jadi. Saya menolak, dan sampai "
            "sekarang KK saya belum selesai. Bukankah urus dokumen kependudukan itu gratis? Mohon diperiksa."
        ),
        classification=PENGADUAN_PENGAWASAN,
        category_path=_KKN_PUNGLI,
        region_code="53.71.06.1007",
        target_unit=DUKCAPIL,
        address="Kantor Kelurahan Oeba, Kec. Kota Lama",
        follow_ups=(
            (
                "Terima kasih atas keberanian Bapak/Ibu melapor. Seluruh layanan administrasi kependudukan tidak "
                "dipungut biaya. Laporan ini sudah kami koordinasikan dengan Camat Kota Lama dan Inspektorat Daerah "
                "untuk pemeriksaan. Perubahan KK Bapak/Ibu sudah kami proses dan dapat dicetak mandiri melalui e-mail "
                "yang terdaftar."
            ),
            (
                "Hasil pemeriksaan Inspektorat: orang yang dimaksud bukan pegawai kelurahan. Yang bersangkutan sudah "
                "dilarang berada di ruang pelayanan, dan staf kelurahan yang membiarkan praktik tersebut mendapat "
                "teguran tertulis. Poster layanan gratis sudah dipasang di semua kantor kelurahan."
            ),
        ),
        reporter_reply="Terima kasih, KK sudah saya cetak. Semoga calo tidak ada lagi di kelurahan.",
    ),
    DemoComplaint(
        title="Syarat mengurus akta kematian orang tua",
        body=(
            "Bapak saya meninggal bulan lalu. Apa saja syarat untuk buat akta kematian? Surat kematian dari rumah "
            "sakit hilang, apakah bisa pakai surat keterangan dari kelurahan saja?"
        ),
        classification=PERMINTAAN_INFORMASI,
        category_path=(*_ADMINDUK, "AKTA KEMATIAN"),
        region_code="53.71.05.1003",
        target_unit=DUKCAPIL,
        address="Kel. Airnona, Kec. Kota Raja",
        follow_ups=(
            (
                "Turut berduka cita. Syarat akta kematian: surat keterangan kematian (dari rumah sakit atau dari "
                "lurah/kepala desa), KK dan KTP-el almarhum, serta KTP-el pelapor. Jika surat dari rumah sakit hilang, "
                "surat keterangan kematian dari lurah dapat digunakan, atau diganti dengan SPTJM kebenaran data "
                "kematian yang ditandatangani dua orang saksi. Pengurusan gratis dan dapat diajukan di kantor Dukcapil "
                "atau melalui kelurahan."
            ),
        ),
        reporter_reply="Baik, terima kasih penjelasannya. Sangat membantu.",
    ),
    DemoComplaint(
        title="Nama di akta kelahiran anak salah ketik",
        body=(
            "Akta kelahiran anak saya yang baru terbit namanya salah, harusnya Gabriela tapi ditulis Gabriella "
            "(double L). Padahal di formulir saya tulis benar. Apakah bisa diperbaiki dan berapa lama? NIK saya "
            "(ibu) 5371016703940002, email imelda.pah@example.com."
        ),
        classification=PENGADUAN,
        category_path=(*_ADMINDUK, "AKTA KELAHIRAN"),
        region_code="53.71.01.1001",
        target_unit=DUKCAPIL,
        address="Kel. Namosain, Kec. Alak",
        follow_ups=(
            (
                "Mohon maaf atas kesalahan penulisan. Pembetulan akta kelahiran karena kesalahan petugas tidak "
                "dipungut biaya. Silakan membawa akta asli dan formulir yang Ibu isi ke loket pencatatan sipil, atau "
                "kirim permohonan pembetulan melalui layanan daring kami. Akta yang sudah dibetulkan akan dikirim ke "
                "e-mail Ibu dalam 1-3 hari kerja."
            ),
        ),
        reporter_reply="Sudah diperbaiki dan sudah saya terima lewat email. Terima kasih.",
    ),
    DemoComplaint(
        title="Usul layanan Dukcapil hari Sabtu untuk pekerja",
        body=(
            "Saya kerja di toko dari Senin sampai Sabtu jam 8 pagi sampai 5 sore. Untuk urus dokumen saya harus izin "
            "kerja dan potong gaji. Usul kalau bisa ada layanan Dukcapil hari Sabtu setengah hari, atau pelayanan "
            "keliling di mal atau pasar."
        ),
        classification=ASPIRASI,
        category_path=(*_ADMINDUK, "LAINNYA TERKAIT ADMINISTRASI KEPENDUDUKAN DAN PENCATATAN SIPIL"),
        region_code="53.71.04.1014",
        target_unit=DUKCAPIL,
        follow_ups=(
            (
                "Terima kasih atas usulannya. Saat ini Dinas Dukcapil membuka layanan jemput bola di beberapa "
                "kelurahan setiap bulan, dan sebagian layanan seperti perubahan KK dan akta dapat diajukan daring "
                "tanpa datang ke kantor. Usulan layanan hari Sabtu akan kami kaji bersama ketersediaan petugas."
            ),
        ),
        reporter_reply="Terima kasih, saya baru tahu bisa daring. Semoga layanan Sabtu bisa terwujud.",
    ),
    DemoComplaint(
        title="Pindah domisili dari Kabupaten Kupang ke Kota Kupang ditolak sistem",
        body=(
            "Saya sudah dapat SKPWNI dari Dukcapil Kabupaten Kupang, tapi waktu daftar kedatangan di Dukcapil Kota "
            "dibilang data saya masih terkunci di daerah asal. Saya disuruh kembali ke kabupaten. Sudah dua kali "
            "bolak-balik Oelamasi - Kupang. Tolong koordinasi antar dinas supaya warga tidak dipingpong."
        ),
        classification=PENGADUAN,
        category_path=(*_ADMINDUK, "PINDAH DOMISILI"),
        region_code="53.71.03.1015",
        target_unit=DUKCAPIL,
        address="Kel. Oesapa Selatan, Kec. Kelapa Lima",
        follow_ups=(
            (
                "Terima kasih atas laporannya dan mohon maaf atas ketidaknyamanan. Kami sudah berkoordinasi langsung "
                "dengan Dukcapil Kabupaten Kupang, dan status data pindah Bapak/Ibu sudah dibuka. Silakan datang ke "
                "loket kedatangan kami dengan membawa SKPWNI; Bapak/Ibu tidak perlu kembali ke kabupaten."
            ),
        ),
        reporter_reply="Sudah selesai, KK baru sudah jadi. Terima kasih.",
    ),
    DemoComplaint(
        title="Cara membuat Kartu Identitas Anak (KIA)",
        body="Bagaimana cara buat KIA untuk anak umur 4 thn? Apa harus bawa anaknya ke kantor Dukcapil?",
        classification=PERMINTAAN_INFORMASI,
        category_path=(*_ADMINDUK, "KARTU IDENTITAS ANAK"),
        region_code="53.71.03.1010",
        target_unit=DUKCAPIL,
        follow_ups=(
            (
                "Untuk anak di bawah 5 tahun, syaratnya fotokopi akta kelahiran dan KK orang tua; foto anak tidak "
                "diwajibkan. Anak tidak perlu dibawa. Permohonan dapat diajukan di loket Dukcapil, melalui kelurahan, "
                "atau saat layanan KIA di sekolah/PAUD."
            ),
        ),
        reporter_reply="",
    ),
    # ---- Dinas Sosial -----------------------------------------------------------------------------------
    DemoComplaint(
        title="Keluarga miskin di RT kami tidak pernah dapat bantuan sosial",
        body=(
            "Di RT 05 Kelurahan Alak ada keluarga Ibu Yakomina, janda dengan 4 anak, tinggal di rumah setengah "
            "tembok beratap seng bocor. Beliau kerja serabutan cuci pakaian. Tidak pernah dapat PKH atau BPNT, "
            "sementara ada tetangga yang punya mobil malah dapat. Kami mohon Dinas Sosial datang lihat langsung dan "
            "usulkan keluarga ini masuk data penerima bantuan."
        ),
        classification=PENGADUAN,
        category_path=(*_BANSOS, "DATA TERPADU KESEJAHTERAAN SOSIAL (DTKS)"),
        region_code="53.71.01.1008",
        target_unit=DINSOS,
        address="RT 05, Kel. Alak, Kec. Alak",
        follow_ups=(
            (
                "Terima kasih atas kepedulian Bapak/Ibu. Pendamping sosial sudah melakukan kunjungan dan verifikasi ke "
                "rumah keluarga tersebut. Keluarga sudah diusulkan masuk data kesejahteraan sosial melalui musyawarah "
                "kelurahan dan aplikasi SIKS-NG. Penetapan sebagai penerima bansos merupakan kewenangan Kementerian "
                "Sosial dan biasanya memerlukan waktu beberapa bulan."
            ),
            (
                "Untuk penerima yang diduga tidak layak, silakan gunakan fitur usul-sanggah di aplikasi Cek Bansos "
                "atau sampaikan melalui musyawarah kelurahan agar datanya diperbarui."
            ),
        ),
        reporter_reply=(
            "Terima kasih sudah datang. Kami tunggu penetapannya. Kalau bisa sementara ada bantuan darurat dari "
            "pemkot untuk atap rumahnya."
        ),
    ),
    DemoComplaint(
        title="ODGJ dipasung keluarga di Kolhua",
        body=(
            "Ada warga di Kelurahan Kolhua, laki-laki kira-kira umur 30an, dengan gangguan jiwa yang sudah lama "
            "dipasung oleh keluarganya di pondok belakang rumah. Keluarganya miskin dan tidak tahu harus bawa ke "
            "mana. Mohon bantuan Dinas Sosial dan Dinas Kesehatan."
        ),
        classification=PENGADUAN,
        category_path=(_GENDER, "AKSES MASYARAKAT BERKEBUTUHAN KHUSUS/ DISABILITAS"),
        region_code="53.71.02.1007",
        target_unit=DINSOS,
        address="Kel. Kolhua, Kec. Maulafa",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Tim Dinas Sosial bersama petugas kesehatan jiwa Puskesmas Sikumana "
                "telah mengunjungi keluarga tersebut. Pasien sudah dibebaskan dari pasung dan dirujuk ke rumah sakit "
                "untuk perawatan, dengan biaya ditanggung melalui BPJS PBI yang baru diaktifkan."
            ),
        ),
        reporter_reply="Terima kasih banyak, keluarganya juga sangat berterima kasih.",
    ),
    DemoComplaint(
        title="Lansia terlantar tinggal sendiri tanpa keluarga",
        body=(
            "Ada oma umur sekitar 80 tahun tinggal sendiri di rumah kecil di Nunhila, anaknya merantau dan tidak "
            "pernah pulang. Makan hanya dari pemberian tetangga. Oma sudah susah jalan. Mohon ada perhatian dari "
            "dinas. Saya tetangganya bisa dihubungi di 0821-4455-0099."
        ),
        classification=PENGADUAN,
        category_path=(_SOS, "LAINNYA TERKAIT SOSIAL DAN KESEJAHTERAAN"),
        region_code="53.71.01.1004",
        target_unit=DINSOS,
        address="Kel. Nunhila, Kec. Alak",
        follow_ups=(
            (
                "Terima kasih atas kepeduliannya. Petugas Dinas Sosial dan TKSK kecamatan sudah berkunjung. Oma sudah "
                "didaftarkan sebagai penerima bantuan permakanan lansia dan akan dikunjungi rutin oleh pendamping. "
                "Kami juga sedang menghubungi keluarganya melalui kelurahan."
            ),
        ),
        reporter_reply="Terima kasih, oma sudah dapat kiriman makanan setiap hari.",
    ),
    DemoComplaint(
        title="Cara cek apakah terdaftar sebagai penerima bansos",
        body=(
            "Selamat pagi. Bagaimana cara cek apakah keluarga saya terdaftar di DTKS? Dan kalau belum, daftarnya "
            "di mana?"
        ),
        classification=PERMINTAAN_INFORMASI,
        category_path=(*_BANSOS, "DATA TERPADU KESEJAHTERAAN SOSIAL (DTKS)"),
        region_code="53.71.05.1002",
        target_unit=DINSOS,
        follow_ups=(
            (
                "Selamat pagi. Status kepesertaan dapat dicek mandiri melalui laman cekbansos.kemensos.go.id atau "
                "aplikasi Cek Bansos dengan memasukkan nama sesuai KTP dan wilayah. Jika belum terdaftar, silakan "
                "datang ke kantor kelurahan membawa KTP dan KK untuk diusulkan melalui musyawarah kelurahan."
            ),
        ),
        reporter_reply="Terima kasih infonya.",
    ),
    DemoComplaint(
        title="Usul pelatihan usaha untuk penyandang disabilitas",
        body=(
            "Kami kelompok penyandang disabilitas di Kota Kupang berjumlah 25 orang. Kami usul Dinas Sosial "
            "mengadakan pelatihan keterampilan seperti menjahit, servis HP, dan membuat kerajinan, lalu dibantu "
            "modal alat. Selama ini bantuan lebih banyak berupa sembako sekali habis."
        ),
        classification=ASPIRASI,
        category_path=(_GENDER, "AKSES MASYARAKAT BERKEBUTUHAN KHUSUS/ DISABILITAS"),
        region_code="53.71.06.1006",
        target_unit=DINSOS,
        follow_ups=(
            (
                "Terima kasih atas aspirasinya. Dinas Sosial merencanakan pelatihan keterampilan bagi penyandang "
                "disabilitas bekerja sama dengan Balai Latihan Kerja. Mohon kelompok Bapak/Ibu mengirimkan daftar "
                "anggota dan minat pelatihan ke bidang rehabilitasi sosial agar dapat dimasukkan dalam perencanaan."
            ),
        ),
        reporter_reply="Baik, daftar anggota akan kami antar minggu ini. Terima kasih.",
    ),
    DemoComplaint(
        title="Anak-anak mengemis di lampu merah Jalan Frans Seda",
        body=(
            "Hampir setiap malam ada anak-anak kecil, mungkin umur 6 sampai 10 tahun, minta-minta di lampu merah "
            "Jalan Frans Seda sampai jam 10 malam. Kasihan dan bahaya karena banyak kendaraan. Mohon ditangani."
        ),
        classification=PENGADUAN,
        category_path=(_GENDER, "ANAK TERLANTAR"),
        region_code="53.71.04.1011",
        target_unit=DINSOS,
        address="Simpang lampu merah Jl. Frans Seda, Kel. Fatululi",
        follow_ups=(
            (
                "Terima kasih. Tim Dinas Sosial bersama Satpol PP melakukan penjangkauan pada malam hari. Lima anak "
                "didata dan dikembalikan kepada orang tuanya dengan pendampingan. Keluarga mereka sedang diasesmen "
                "untuk diusulkan mendapat bantuan, dan anak-anak diupayakan kembali bersekolah."
            ),
        ),
        reporter_reply="",
    ),
    # ---- Dinas Lingkungan Hidup dan Kebersihan ---------------------------------------------------------
    DemoComplaint(
        title="Sampah di TPS Pasar Oeba menumpuk tidak diangkut seminggu",
        body=(
            "TPS dekat Pasar Oeba sudah seminggu tidak diangkut. Sampah meluber sampai ke badan jalan, baunya sampai "
            "ke rumah-rumah, banyak lalat dan anjing bongkar sampah. Warga dan pedagang sudah mengeluh. Mohon truk "
            "sampah segera datang dan jadwal angkut diperbaiki."
        ),
        classification=PENGADUAN,
        category_path=(_LH, "PENGELOLAAN SAMPAH"),
        region_code="53.71.06.1007",
        target_unit=DLHK,
        address="TPS dekat Pasar Oeba, Kel. Oeba, Kec. Kota Lama",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Keterlambatan pengangkutan terjadi karena dua armada truk sedang dalam "
                "perbaikan. Pengangkutan di TPS Pasar Oeba sudah dilakukan kemarin malam dengan armada tambahan, dan "
                "mulai minggu ini TPS tersebut diangkut setiap hari pukul 05.00."
            ),
        ),
        reporter_reply="Sudah bersih tadi pagi. Terima kasih, semoga jadwalnya konsisten.",
    ),
    DemoComplaint(
        title="Retribusi sampah ditagih tanpa karcis resmi",
        body=(
            "Setiap bulan ada orang yang datang tagih uang sampah Rp 25.000 per rumah di kompleks kami di "
            "Tuak Daun Merah. Tidak ada karcis atau kuitansi, cuma dicatat di buku tulis. Padahal sampah "
            "kadang 2 minggu tidak diangkut. Apakah penagih itu resmi dari dinas? Berapa tarif yang benar?"
        ),
        classification=PENGADUAN_PENGAWASAN,
        category_path=_KKN_PUNGLI,
        region_code="53.71.04.1014",
        target_unit=DLHK,
        address="Kompleks perumahan, Kel. Tuak Daun Merah, Kec. Oebobo",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Retribusi pelayanan persampahan yang resmi selalu disertai karcis atau "
                "bukti bayar dari dinas. Kami akan menurunkan tim untuk mengecek penagihan di kompleks Bapak/Ibu. "
                "Sementara itu, mohon tidak membayar kepada penagih yang tidak dapat menunjukkan surat tugas dan "
                "karcis."
            ),
            (
                "Hasil pengecekan: penagihan dilakukan oleh pengurus kompleks untuk membayar gerobak pengangkut ke "
                "TPS, bukan retribusi dinas. Kami sudah meminta pengurus menyampaikan rincian iuran secara terbuka "
                "kepada warga. Jadwal angkut TPS terdekat juga sudah kami perbaiki."
            ),
        ),
        reporter_reply=(
            "Terima kasih penjelasannya. Ternyata itu iuran pengurus, tapi kami jadi tahu harus minta laporan "
            "keuangan ke pengurus."
        ),
    ),
    DemoComplaint(
        title="Asap pembakaran sampah di TPA Alak sampai ke permukiman",
        body=(
            "Sudah beberapa hari asap dari TPA Alak tebal sekali, masuk ke rumah-rumah di sekitar Manulai II. "
            "Anak-anak batuk dan sesak. Kami minta pembakaran sampah di TPA dihentikan dan ada penanganan api."
        ),
        classification=PENGADUAN,
        category_path=(_LH, "PENCEMARAN LINGKUNGAN"),
        region_code="53.71.01.1010",
        target_unit=DLHK,
        address="Sekitar TPA Alak, Kel. Manulai II, Kec. Alak",
        follow_ups=(
            (
                "Terima kasih dan mohon maaf atas gangguan ini. Asap berasal dari titik api di timbunan sampah lama "
                "yang terbakar akibat gas metana pada musim kemarau. Petugas bersama Damkar sudah melakukan pemadaman "
                "dan penimbunan tanah di area terbakar. Kami juga meminta puskesmas setempat memantau warga yang "
                "mengalami keluhan pernapasan."
            ),
        ),
        reporter_reply=(
            "Asap sudah berkurang tapi tiap kemarau begini terus. Kami minta solusi jangka panjang untuk TPA, "
            "bukan cuma padam api."
        ),
    ),
    DemoComplaint(
        title="Usul bank sampah di setiap kelurahan",
        body=(
            "Usul supaya dinas bantu bentuk bank sampah di setiap kelurahan. Di kelurahan kami sudah ada ibu2 PKK "
            "yang mau kelola tapi tidak punya timbangan dan tempat. Kalau sampah plastik bisa dijual, warga pasti "
            "mau pilah."
        ),
        classification=ASPIRASI,
        category_path=(_LH, "PENGELOLAAN SAMPAH"),
        region_code="53.71.05.1007",
        target_unit=DLHK,
        address="Kel. Nunleu, Kec. Kota Raja",
        follow_ups=(
            (
                "Terima kasih atas usulan yang baik ini. Dinas akan memberikan pendampingan pembentukan bank sampah "
                "kepada kelompok PKK Kelurahan Nunleu, termasuk bantuan timbangan dan karung pemilahan. Petugas kami "
                "akan menghubungi ketua PKK kelurahan."
            ),
        ),
        reporter_reply="Terima kasih, kami sangat senang.",
    ),
    DemoComplaint(
        title="Limbah cucian mobil dibuang ke got dan mengalir ke pantai",
        body=(
            "Usaha cuci mobil di dekat Jalan Timor Raya Kelapa Lima membuang air limbah sabun dan oli langsung ke "
            "got yang mengalir ke pantai. Air got berwarna hitam berminyak, pasir pantai di muara jadi kotor. Mohon "
            "diperiksa izin lingkungan usaha tersebut."
        ),
        classification=PENGADUAN_PENGAWASAN,
        category_path=(_LH, "PENCEMARAN LINGKUNGAN"),
        region_code="53.71.03.1001",
        target_unit=DLHK,
        address="Jl. Timor Raya, Kel. Kelapa Lima, Kec. Kelapa Lima",
        follow_ups=(
            (
                "Terima kasih. Tim pengawas lingkungan hidup telah melakukan inspeksi dan mengambil sampel air "
                "buangan. Usaha tersebut belum memiliki instalasi pengolahan air limbah dan belum mengurus dokumen "
                "lingkungan. Pemilik diberi sanksi administratif berupa paksaan pemerintah untuk membangun bak "
                "penangkap oli dan pengendap dalam 30 hari."
            ),
        ),
        reporter_reply="Terima kasih, kami akan pantau apakah benar dibangun.",
    ),
    DemoComplaint(
        title="Jadwal pengangkutan sampah di Kelurahan Naikolan",
        body="Mau tanya jadwal truk sampah masuk ke Naikolan hari apa ya? Supaya kami tdk buang sembarangan.",
        classification=PERMINTAAN_INFORMASI,
        category_path=(_LH, "PENGELOLAAN SAMPAH"),
        region_code="53.71.02.1009",
        target_unit=DLHK,
        follow_ups=(
            (
                "Terima kasih. Pengangkutan sampah di Kelurahan Naikolan dilakukan setiap Senin, Rabu dan Jumat mulai "
                "pukul 06.00 melalui jalur utama kelurahan. Mohon sampah diletakkan di titik kumpul paling lambat "
                "pukul 06.00 dalam kantong tertutup."
            ),
        ),
        reporter_reply="Oke makasih.",
    ),
    DemoComplaint(
        title="Pohon tua di pinggir jalan hampir tumbang",
        body=(
            "Ada pohon beringin besar di pinggir Jalan Sam Ratulangi dekat Kelurahan Oebobo yang akarnya sudah "
            "terangkat dan batangnya miring ke arah jalan. Kalau angin kencang dahan-dahannya patah. Takut tumbang "
            "menimpa kendaraan atau kabel listrik. Mohon dipangkas atau ditebang."
        ),
        classification=PENGADUAN,
        category_path=(_LH, "LAINNYA TERKAIT LINGKUNGAN HIDUP DAN KEHUTANAN"),
        region_code="53.71.04.1001",
        target_unit=DLHK,
        address="Jl. Sam Ratulangi, Kel. Oebobo",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Tim pertamanan sudah memeriksa pohon tersebut dan akan melakukan "
                "pemangkasan berat pada hari Sabtu pagi berkoordinasi dengan PLN karena dekat jaringan listrik. Arus "
                "lalu lintas akan dialihkan sementara."
            ),
        ),
        reporter_reply="Sudah dipangkas, terima kasih.",
    ),
    # ---- Dinas Perhubungan -------------------------------------------------------------------------------
    DemoComplaint(
        title="Lampu jalan mati sepanjang Jalan Timor Raya Lasiana",
        body=(
            "Lampu penerangan jalan di Jalan Timor Raya mulai dari Pantai Lasiana sampai jembatan Oesapa hampir "
            "semuanya mati sejak sebulan. Jalan ini ramai dan gelap sekali di malam hari, sudah ada beberapa kasus "
            "jambret. Mohon segera diperbaiki."
        ),
        classification=PENGADUAN,
        category_path=(_HUB, "LAMPU PENERANGAN JALAN UMUM"),
        region_code="53.71.03.1011",
        target_unit=DISHUB,
        address="Jl. Timor Raya, Kel. Lasiana, Kec. Kelapa Lima",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Petugas PJU sudah mengecek dan menemukan kabel jaringan putus di dua "
                "titik serta 14 lampu rusak. Perbaikan kabel selesai hari ini, sedangkan penggantian lampu dikerjakan "
                "bertahap dan ditargetkan selesai akhir minggu."
            ),
            (
                "Seluruh lampu PJU di ruas tersebut sudah menyala kembali. Kami juga memasang 4 lampu tambahan di "
                "titik rawan dekat tikungan."
            ),
        ),
        reporter_reply="Sudah terang sekarang. Terima kasih banyak Dishub.",
    ),
    DemoComplaint(
        title="Juru parkir liar di depan minimarket Jalan Adisucipto",
        body=(
            "Di depan minimarket di Jalan Adisucipto Penfui ada juru parkir tanpa seragam dan tanpa karcis. Padahal "
            "di pintu minimarket ada tulisan parkir gratis. Kalau tidak kasih uang, motor digeser-geser atau "
            "pengendara dimaki. Mohon ditertibkan."
        ),
        classification=PENGADUAN,
        category_path=(_HUB, "PARKIR LIAR"),
        region_code="53.71.02.1003",
        target_unit=DISHUB,
        address="Jl. Adisucipto, Kel. Penfui, Kec. Maulafa",
        follow_ups=(
            (
                "Terima kasih. Lokasi tersebut bukan titik parkir retribusi resmi. Tim Dishub bersama Satpol PP sudah "
                "melakukan penertiban dan memberikan pembinaan kepada juru parkir tidak resmi. Pengelola minimarket "
                "juga diminta menambah papan informasi parkir gratis."
            ),
        ),
        reporter_reply="Dua hari ini sudah tidak ada lagi. Terima kasih.",
    ),
    DemoComplaint(
        title="Bemo putar musik keras dan ugal-ugalan trayek Oepura",
        body=(
            "Bemo jurusan Oepura - Terminal Kota sering putar musik sangat keras sampai kaca bergetar, dan "
            "sopirnya kejar-kejaran dengan bemo lain. Anak sekolah dan orang tua jadi takut naik. Kemarin hampir "
            "tabrak pejalan kaki di depan pasar. Nomor lambung kalau tidak salah 27. Mohon ditegur."
        ),
        classification=PENGADUAN,
        category_path=(_HUB, "TRANSPORTASI DARAT"),
        region_code="53.71.02.1001",
        target_unit=DISHUB,
        address="Trayek Oepura - Terminal Kota",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Dishub sudah memanggil pemilik dan pengemudi angkutan kota dengan nomor "
                "lambung tersebut. Pengemudi diberi teguran tertulis dan wajib menurunkan volume pengeras suara. Razia "
                "gabungan bersama Satlantas juga akan dilakukan pada trayek tersebut."
            ),
        ),
        reporter_reply=(
            "Terima kasih, tapi bukan cuma satu bemo yang begitu. Mohon razianya rutin, jangan hanya sekali."
        ),
    ),
    DemoComplaint(
        title="Usul zebra cross dan rambu sekolah di depan SD di Oesapa Selatan",
        body=(
            "Di depan SD di Oesapa Selatan tidak ada zebra cross dan rambu hati-hati ada sekolah. Kendaraan lewat "
            "kencang sekali, anak-anak menyeberang sendiri saat pulang. Usul dipasang zebra cross, rambu, dan kalau "
            "bisa polisi tidur."
        ),
        classification=ASPIRASI,
        category_path=(_HUB, "LAINNYA TERKAIT PERHUBUNGAN"),
        region_code="53.71.03.1015",
        target_unit=DISHUB,
        address="Depan SD, Kel. Oesapa Selatan, Kec. Kelapa Lima",
        follow_ups=(
            (
                "Terima kasih atas usulannya. Tim Dishub sudah melakukan survei lokasi. Pengecatan zebra cross dan "
                "pemasangan rambu kawasan sekolah dijadwalkan bulan ini. Untuk polisi tidur, akan dipasang pita "
                "penggaduh (rumble strip) sesuai standar keselamatan jalan."
            ),
        ),
        reporter_reply="Terima kasih, anak-anak jadi lebih aman.",
    ),
    DemoComplaint(
        title="Biaya dan syarat uji KIR kendaraan pick up",
        body=(
            "Saya punya pick up untuk angkut barang. Mau tanya syarat dan biaya uji KIR di Kota Kupang, dan apakah "
            "bisa daftar online?"
        ),
        classification=PERMINTAAN_INFORMASI,
        category_path=(_HUB, "TRANSPORTASI DARAT"),
        region_code="53.71.01.1007",
        target_unit=DISHUB,
        follow_ups=(
            (
                "Selamat siang. Syarat uji berkala: STNK asli dan fotokopi, KTP pemilik, buku/kartu uji lama bagi "
                "perpanjangan, dan kendaraan dibawa ke UPTD Pengujian Kendaraan Bermotor. Tarif retribusi sesuai Perda "
                "dan dibayar non-tunai; rinciannya dapat dilihat di papan informasi UPTD. Pendaftaran antrean dapat "
                "dilakukan melalui nomor WhatsApp layanan yang tercantum di media sosial Dishub."
            ),
        ),
        reporter_reply="Terima kasih.",
    ),
    DemoComplaint(
        title="Lampu lalu lintas di simpang Oebufu mati",
        body="Traffic light simpang dekat Oebufu mati sdh 3 hari. Macet dan hampir tabrakan tadi pagi. Tolong cepat.",
        classification=PENGADUAN,
        category_path=(_HUB, "LAINNYA TERKAIT PERHUBUNGAN"),
        region_code="53.71.04.1009",
        target_unit=DISHUB,
        address="Simpang dekat Kel. Oebufu",
        follow_ups=(
            (
                "Terima kasih. Kerusakan pada modul kontrol lampu lalu lintas sudah diperbaiki dan lampu berfungsi "
                "normal sejak pukul 14.00 hari ini."
            ),
        ),
        reporter_reply="",
    ),
    # ---- Satuan Polisi Pamong Praja -------------------------------------------------------------------
    DemoComplaint(
        title="Pedagang berjualan di trotoar dan badan jalan depan Pasar Kasih Naikoten",
        body=(
            "Pedagang sayur dan ikan di depan Pasar Kasih Naikoten sudah jualan sampai ke badan jalan, terutama pagi "
            "hari. Bemo berhenti sembarangan, jalan macet panjang. Padahal di dalam pasar masih ada los kosong. "
            "Mohon penataan, bukan hanya diusir sebentar lalu kembali lagi."
        ),
        classification=PENGADUAN,
        category_path=(_TIBUM, "KETERTIBAN UMUM"),
        region_code="53.71.05.1004",
        target_unit=SATPOL_PP,
        address="Depan Pasar Kasih Naikoten, Kel. Naikoten Satu, Kec. Kota Raja",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Satpol PP bersama pengelola pasar dan Dishub melakukan penataan "
                "pedagang pada hari Rabu. Pedagang diarahkan menempati los kosong di dalam pasar, dan petugas akan "
                "berjaga setiap pagi selama dua minggu ke depan untuk mencegah pedagang kembali ke badan jalan."
            ),
        ),
        reporter_reply="Sudah lebih lancar beberapa hari ini. Semoga bertahan.",
    ),
    DemoComplaint(
        title="Pesta sampai pagi dengan musik keras setiap akhir pekan",
        body=(
            "Di rumah kos di RT 09 Kelurahan Liliba hampir setiap Sabtu malam ada acara dengan sound system besar "
            "sampai jam 3-4 pagi, kadang disertai mabuk dan ribut di jalan. Sudah ditegur RT tapi tidak didengar. "
            "Kami yang punya bayi dan orang tua sakit tidak bisa tidur. Mohon ditertibkan. Saya bisa dihubungi di "
            "0812 7788 9900 tapi mohon identitas saya dirahasiakan."
        ),
        classification=PENGADUAN,
        category_path=(_TIBUM, "KERESAHAN MASYARAKAT"),
        region_code="53.71.04.1010",
        target_unit=SATPOL_PP,
        address="RT 09, Kel. Liliba, Kec. Oebobo",
        follow_ups=(
            (
                "Terima kasih atas laporannya, identitas pelapor kami rahasiakan. Satpol PP bersama lurah dan "
                "Bhabinkamtibmas sudah mendatangi pemilik kos dan memberikan teguran. Pemilik kos membuat surat "
                "pernyataan bahwa kegiatan hiburan dibatasi sampai pukul 22.00."
            ),
        ),
        reporter_reply="Sabtu kemarin sudah sepi jam 10. Terima kasih.",
    ),
    DemoComplaint(
        title="Bangunan liar di sempadan pantai Pasir Panjang",
        body=(
            "Ada beberapa lapak semi permanen yang dibangun di sempadan pantai Pasir Panjang dalam 2 bulan terakhir. "
            "Akses warga ke pantai jadi tertutup dan sampah dari lapak dibuang ke pasir. Apakah bangunan ini ada "
            "izinnya?"
        ),
        classification=PENGADUAN_PENGAWASAN,
        category_path=(_TIBUM, "KETERTIBAN UMUM"),
        region_code="53.71.06.1009",
        target_unit=SATPOL_PP,
        address="Sempadan pantai, Kel. Pasir Panjang, Kec. Kota Lama",
        follow_ups=(
            (
                "Terima kasih. Satpol PP bersama Dinas PUPR telah mengecek lokasi. Empat bangunan tidak memiliki izin "
                "dan berdiri di sempadan pantai. Pemilik telah diberikan surat peringatan pertama untuk membongkar "
                "sendiri dalam 7 hari."
            ),
            (
                "Setelah batas waktu peringatan, tiga bangunan telah dibongkar sendiri oleh pemiliknya dan satu "
                "bangunan dibongkar oleh petugas. Akses warga ke pantai sudah dibuka kembali."
            ),
        ),
        reporter_reply="Terima kasih, sekarang warga bisa lewat ke pantai lagi.",
    ),
    DemoComplaint(
        title="Ternak babi dan kambing lepas berkeliaran di jalan",
        body=(
            "Ternak babi dan kambing milik warga sering dilepas dan berkeliaran di jalan raya Bakunase. Sudah ada "
            "motor yang tabrak kambing dan jatuh. Tanaman di halaman juga dirusak. Mohon ada penertiban dan "
            "pemilik ternak diberi sanksi."
        ),
        classification=PENGADUAN,
        category_path=(_TIBUM, "KETERTIBAN UMUM"),
        region_code="53.71.05.1001",
        target_unit=SATPOL_PP,
        address="Kel. Bakunase, Kec. Kota Raja",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Satpol PP bersama kelurahan sudah melakukan sosialisasi Perda "
                "ketertiban umum terkait ternak kepada warga. Ternak yang kembali ditemukan berkeliaran akan diamankan "
                "dan pemilik dikenakan denda sesuai ketentuan."
            ),
        ),
        reporter_reply="Belum ada perubahan, kemarin kambing masih di jalan. Mohon ditindak tegas.",
    ),
    DemoComplaint(
        title="Tumpukan sampah liar di lahan kosong pinggir jalan Penfui",
        body=(
            "Lahan kosong di pinggir jalan dekat Kelurahan Penfui jadi tempat buang sampah liar. Orang lewat pakai "
            "motor atau mobil lempar kantong sampah malam-malam. Sudah setinggi lutut dan bau. Mohon dipasang papan "
            "larangan dan dipantau."
        ),
        classification=PENGADUAN,
        category_path=(_TIBUM, "SAMPAH LIAR"),
        region_code="53.71.02.1003",
        target_unit=SATPOL_PP,
        address="Lahan kosong pinggir jalan, Kel. Penfui, Kec. Maulafa",
        follow_ups=(
            (
                "Terima kasih. Sampah sudah diangkut oleh DLHK dan Satpol PP memasang papan larangan membuang sampah "
                "beserta ancaman sanksinya. Patroli malam akan dilakukan di titik tersebut selama dua minggu."
            ),
        ),
        reporter_reply="Terima kasih, semoga pelaku bisa tertangkap.",
    ),
    # ---- Kecamatan-level / mixed complaints -----------------------------------------------------------
    DemoComplaint(
        title="Pungutan Rp 100 ribu untuk surat keterangan tidak mampu",
        body=(
            "Saya urus surat keterangan tidak mampu (SKTM) di kelurahan untuk keringanan biaya rumah sakit anak "
            "saya. Oknum staf minta Rp 100.000 untuk tanda tangan lurah, katanya uang administrasi. Karena "
            "terdesak saya bayar dan tidak dapat kuitansi. Saya orang susah, justru minta surat tidak mampu malah "
            "diminta uang. Mohon ditindak."
        ),
        classification=PENGADUAN_PENGAWASAN,
        category_path=_KKN_PUNGLI,
        region_code="53.71.01.1005",
        target_unit=DINSOS,
        address="Kel. Fatufeto, Kec. Alak",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Penerbitan SKTM tidak dipungut biaya. Laporan ini kami teruskan ke "
                "Camat Alak dan Inspektorat Daerah untuk pemeriksaan oknum yang dimaksud. Mohon Bapak/Ibu bersedia "
                "memberikan keterangan kepada tim pemeriksa; identitas Bapak/Ibu akan dilindungi."
            ),
            (
                "Hasil pemeriksaan membenarkan adanya pungutan. Uang Bapak/Ibu telah dikembalikan, dan staf yang "
                "bersangkutan dijatuhi hukuman disiplin sesuai ketentuan kepegawaian."
            ),
        ),
        reporter_reply=(
            "Uang sudah dikembalikan. Terima kasih sudah ditindak, saya tidak menyangka laporan saya didengar."
        ),
    ),
    DemoComplaint(
        title="Proyek pengadaan kursi dan meja sekolah tidak sesuai kontrak",
        body=(
            "Sekolah kami baru menerima kiriman meja kursi siswa dari proyek pengadaan dinas. Kayunya bukan jati "
            "seperti di spesifikasi tapi kayu lunak dan papan partikel, baru dua minggu sudah ada yang patah kakinya. "
            "Jumlah yang datang juga kurang 20 set dari berita acara. Kami guru takut melapor lewat jalur biasa. "
            "Mohon diperiksa."
        ),
        classification=PENGADUAN_PENGAWASAN,
        category_path=(_EKON, "PENGADAAN BARANG/JASA", "PENANGANAN SENGKETA/PERMASALAHAN HUKUM/PENYIMPANGAN TENDER"),
        region_code="53.71.05.1005",
        target_unit=DIKBUD,
        address="Kel. Naikoten Dua, Kec. Kota Raja",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Tim PPK dan PPHP dinas akan memeriksa fisik barang di sekolah tersebut "
                "dan mencocokkan dengan kontrak serta berita acara serah terima."
            ),
            (
                "Pemeriksaan menemukan 20 set belum dikirim dan bahan tidak sesuai spesifikasi. Penyedia diwajibkan "
                "mengganti seluruh barang yang tidak sesuai dan melengkapi kekurangan; pembayaran termin akhir ditahan "
                "sampai penggantian selesai. Temuan juga disampaikan kepada Inspektorat."
            ),
        ),
        reporter_reply="Terima kasih. Kursi pengganti sudah mulai datang dan kualitasnya lebih baik.",
    ),
    # ---- National bodies: BPJS Kesehatan ---------------------------------------------------------------
    DemoComplaint(
        title="Kartu KIS PBI tiba-tiba nonaktif saat mau berobat",
        body=(
            "Waktu mau berobat ke puskesmas, petugas bilang kartu KIS saya dan istri nonaktif. Kami tidak pernah "
            "dapat pemberitahuan. Kami penerima PBI dari dulu, kerja saya tukang ojek. Sekarang istri saya harus "
            "kontrol kandungan. Bagaimana cara mengaktifkan kembali?"
        ),
        classification=PENGADUAN,
        category_path=(*_BPJS_ADM, "NON-AKTIF KARENA TIDAK MASUK SK MENSOS"),
        region_code="53.71.02.1002",
        target_unit=BPJS_KESEHATAN,
        address="Kel. Maulafa, Kec. Maulafa",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Kepesertaan PBI Bapak/Ibu nonaktif karena tidak lagi tercantum dalam SK "
                "penetapan PBI dari Kementerian Sosial. Untuk reaktivasi, silakan meminta surat keterangan dari Dinas "
                "Sosial Kota Kupang yang menyatakan masih layak dan sedang membutuhkan layanan kesehatan, lalu bawa ke "
                "kantor BPJS Kesehatan. Reaktivasi dapat diproses paling lama 6 bulan sejak penonaktifan."
            ),
        ),
        reporter_reply=(
            "Saya sudah urus ke Dinsos dan kartu istri sudah aktif lagi. Tapi prosesnya bolak-balik, semoga ke depan "
            "ada pemberitahuan sebelum dinonaktifkan."
        ),
    ),
    DemoComplaint(
        title="Iuran BPJS mandiri terpotong dua kali lewat autodebet",
        body=(
            "Iuran BPJS Kesehatan keluarga saya (4 orang, kelas 2) bulan ini terpotong dua kali dari rekening "
            "autodebet saya, no rek BRI 1234-01-567890-50-1 atas nama Agustinus Manafe. Total kelebihan Rp 400.000. "
            "Saya sudah telepon call center tapi disuruh datang ke kantor cabang. Mohon kelebihan dikembalikan atau "
            "dihitung untuk bulan depan. NIK saya 5371031709800004."
        ),
        classification=PENGADUAN,
        category_path=(_KES, "JAMINAN SOSIAL KESEHATAN", "IURAN DAN DENDA BPJS KESEHATAN", "PROSES AUTODEBET GAGAL"),
        region_code="53.71.03.1010",
        target_unit=BPJS_KESEHATAN,
        address="Kel. Oesapa, Kec. Kelapa Lima",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Kami sudah melakukan rekonsiliasi dan benar terjadi pendebetan ganda "
                "akibat gangguan sistem bank pada tanggal tersebut. Kelebihan iuran otomatis dicatat sebagai deposit "
                "untuk pembayaran bulan berikutnya, sehingga bulan depan rekening Bapak tidak akan didebet."
            ),
        ),
        reporter_reply="Baik, sudah saya cek di aplikasi Mobile JKN, tagihan bulan depan nol. Terima kasih.",
    ),
    DemoComplaint(
        title="Bayi baru lahir belum bisa didaftarkan BPJS",
        body=(
            "Anak kami lahir 3 minggu lalu di Soe. Kami mau daftarkan ke BPJS Kesehatan tapi katanya harus ada NIK "
            "bayi dulu, sedangkan KK baru masih diproses. Padahal bayi perlu kontrol ke dokter anak. Bagaimana "
            "solusinya? KK kami nomor 5302011203150007, HP 0813-3300-7788."
        ),
        classification=PERMINTAAN_INFORMASI,
        category_path=(*_BPJS_ADM, "PENDAFTARAN BAYI BARU LAHIR"),
        region_code="53.02.01.1001",
        target_unit=BPJS_KESEHATAN,
        address="Kel. SoE, Kec. Kota Soe, Kab. Timor Tengah Selatan",
        follow_ups=(
            (
                "Terima kasih. Bayi baru lahir dari peserta JKN wajib didaftarkan paling lambat 28 hari sejak lahir. "
                "Pendaftaran memerlukan NIK bayi; mohon segera menyelesaikan penerbitan KK di Dukcapil, yang umumnya "
                "dapat selesai di hari yang sama. Selama proses tersebut, layanan bayi dapat dijamin dengan "
                "menunjukkan surat keterangan lahir dan kartu peserta ibu di fasilitas kesehatan."
            ),
        ),
        reporter_reply="Terima kasih, KK sudah jadi dan bayi sudah terdaftar.",
    ),
    DemoComplaint(
        title="Pindah faskes tingkat pertama ditolak di aplikasi",
        body=(
            "Saya sudah pindah tinggal dari Bekasi ke Tebet, tapi kartu BPJS saya masih di klinik lama. Waktu mau "
            "ganti faskes di Mobile JKN muncul tulisan belum 3 bulan. Padahal saya sudah pindah domisili. Bagaimana "
            "caranya?"
        ),
        classification=PERMINTAAN_INFORMASI,
        category_path=(*_BPJS_ADM, "PERUBAHAN FASILITAS KESEHATAN TINGKAT I"),
        region_code="31.74.01.1001",
        target_unit=BPJS_KESEHATAN,
        address="Kel. Tebet Timur, Kec. Tebet, Jakarta Selatan",
        follow_ups=(
            (
                "Terima kasih. Perubahan FKTP umumnya dapat dilakukan setelah terdaftar minimal 3 bulan di FKTP "
                "sebelumnya. Untuk peserta yang pindah domisili, perubahan dapat dilakukan sebelum 3 bulan dengan "
                "melampirkan surat pindah atau surat keterangan domisili melalui kantor cabang atau layanan PANDAWA."
            ),
        ),
        reporter_reply="Sudah berhasil ganti lewat PANDAWA. Terima kasih.",
    ),
    # ---- National bodies: Kementerian Sosial ----------------------------------------------------------
    DemoComplaint(
        title="PKH tidak cair lagi tanpa pemberitahuan",
        body=(
            "Saya penerima PKH sejak 2019. Sudah dua tahap ini saldo di KKS kosong. Pendamping bilang data saya "
            "tidak muncul lagi di sistem tapi tidak tahu kenapa. Kondisi ekonomi kami tidak berubah, suami masih "
            "buruh bangunan harian. Nama saya Yublina Tefa, NIK 5371015107850004. Mohon dicek."
        ),
        classification=PENGADUAN,
        category_path=(*_BANSOS, "PKH PROGRAM KELUARGA HARAPAN"),
        region_code="53.71.01.1002",
        target_unit=KEMENSOS,
        address="Kel. Nunbaun Sabu, Kec. Alak",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Berdasarkan pengecekan, data Ibu tidak lolos pemadanan pada periode "
                "penyaluran terakhir karena perbedaan data NIK anggota keluarga dengan data Dukcapil. Mohon Ibu "
                "memperbarui KK di Dukcapil, lalu pendamping PKH akan mengusulkan perbaikan data agar dapat masuk pada "
                "penyaluran tahap berikutnya."
            ),
        ),
        reporter_reply=(
            "KK sudah saya perbarui dan sudah lapor ke pendamping. Tapi bantuan dua tahap yang hilang itu apakah "
            "bisa dibayar? Mohon jawabannya."
        ),
    ),
    DemoComplaint(
        title="BPNT dipotong oleh agen penyalur",
        body=(
            "Waktu ambil BPNT di agen dekat rumah, saldo Rp 400.000 harus dibelanjakan di agen itu saja dengan paket "
            "beras dan telur yang kalau dihitung harganya jauh lebih mahal dari di pasar. Kalau tidak mau paket, "
            "uang tidak bisa dicairkan. Di Kebraon banyak penerima yang mengalami hal sama. NIK saya "
            "3578014406690003."
        ),
        classification=PENGADUAN_PENGAWASAN,
        category_path=(*_BANSOS, "BANTUAN PANGAN NON TUNAN (BPNT)"),
        region_code="35.78.01.1002",
        target_unit=KEMENSOS,
        address="Kel. Kebraon, Kec. Karang Pilang, Kota Surabaya",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Penerima bansos bebas menentukan waktu, jenis, dan tempat pembelian "
                "bahan pangan dan tidak boleh dipaksa membeli paket tertentu. Laporan ini kami teruskan kepada bank "
                "penyalur dan Dinas Sosial Kota Surabaya untuk pemeriksaan agen tersebut."
            ),
        ),
        reporter_reply="Terima kasih, semoga agennya ditindak. Kami takut ditegur kalau ketahuan melapor.",
    ),
    DemoComplaint(
        title="Bagaimana cara usul sanggah penerima bansos yang tidak layak",
        body=(
            "Saya lihat di aplikasi ada tetangga yang terdaftar penerima bansos padahal rumahnya tingkat dan punya "
            "usaha toko. Bagaimana cara melaporkannya tanpa ketahuan?"
        ),
        classification=PERMINTAAN_INFORMASI,
        category_path=(*_BANSOS, "LAINNYA TERKAIT BANTUAN SOSIAL"),
        region_code="53.71.04.1008",
        target_unit=KEMENSOS,
        follow_ups=(
            (
                "Terima kasih atas kepeduliannya. Sanggahan dapat diajukan melalui fitur Usul Sanggah di aplikasi Cek "
                "Bansos dengan login menggunakan KTP Anda. Identitas penyanggah tidak ditampilkan kepada pihak yang "
                "disanggah. Sanggahan akan diverifikasi oleh Dinas Sosial setempat."
            ),
        ),
        reporter_reply="",
    ),
    # ---- National bodies: PLN ---------------------------------------------------------------------------
    DemoComplaint(
        title="Listrik padam hampir setiap malam di Kelurahan Sikumana",
        body=(
            "Seminggu ini listrik di wilayah Sikumana padam hampir setiap malam antara jam 7 sampai jam 10, tanpa "
            "pemberitahuan. Anak-anak tidak bisa belajar, usaha es batu saya rugi. Kulkas tetangga sampai rusak. "
            "Apakah ada pemadaman bergilir? Kenapa tidak diumumkan?"
        ),
        classification=PENGADUAN,
        category_path=(_ESDM, "LISTRIK", "PEMADAMAN LISTRIK"),
        region_code="53.71.02.1008",
        target_unit=PLN,
        address="Kel. Sikumana, Kec. Maulafa",
        follow_ups=(
            (
                "Mohon maaf atas ketidaknyamanannya. Gangguan disebabkan oleh beban berlebih pada trafo distribusi "
                "yang melayani wilayah tersebut. PLN UP3 Kupang telah melakukan penyeimbangan beban dan akan mengganti "
                "trafo dengan kapasitas lebih besar pada hari Minggu. Pemadaman sementara untuk pekerjaan tersebut "
                "akan diumumkan melalui aplikasi PLN Mobile."
            ),
        ),
        reporter_reply="Sejak trafo diganti sudah tidak padam lagi. Terima kasih.",
    ),
    DemoComplaint(
        title="Pemasangan listrik baru sudah bayar tapi belum dipasang",
        body=(
            "Saya sudah daftar pasang baru 1300 VA lewat PLN Mobile dan sudah bayar lunas 6 minggu lalu. Sampai "
            "sekarang petugas belum datang pasang meteran. Setiap tanya ke kantor dibilang menunggu material. "
            "Nomor registrasi saya 5371-PB-0099123, HP 0821-0000-1111."
        ),
        classification=PENGADUAN,
        category_path=(_ESDM, "LISTRIK", "PEMASANGAN LISTRIK BARU"),
        region_code="53.71.02.1006",
        target_unit=PLN,
        address="Kel. Fatukoa, Kec. Maulafa",
        follow_ups=(
            (
                "Terima kasih atas laporannya, dan mohon maaf atas keterlambatan. Lokasi Bapak/Ibu memerlukan "
                "perluasan jaringan tegangan rendah sepanjang 2 tiang. Material sudah tersedia dan pemasangan "
                "dijadwalkan hari Kamis. Petugas akan menghubungi Bapak/Ibu sebelum datang."
            ),
        ),
        reporter_reply="Sudah menyala! Terima kasih PLN.",
    ),
    DemoComplaint(
        title="Tiang listrik miring hampir roboh di depan rumah warga",
        body=(
            "Tiang listrik di depan rumah nomor 17 Jalan Kelinci miring setelah ditabrak truk bulan lalu. Kabel "
            "sudah rendah sekali, bisa kena kepala orang dewasa. Mohon segera diperbaiki sebelum ada korban."
        ),
        classification=PENGADUAN,
        category_path=(_ESDM, "LISTRIK", "SARANA/PRASARANA KELISTRIKAN"),
        region_code="53.71.05.1006",
        target_unit=PLN,
        address="Jl. Kelinci, Kel. Kuanino, Kec. Kota Raja",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Petugas pelayanan teknik sudah menegakkan kembali tiang dan menaikkan "
                "kabel ke ketinggian aman. Mohon menghubungi layanan 123 bila menemukan kondisi jaringan yang "
                "membahayakan."
            ),
        ),
        reporter_reply="Terima kasih cepat ditangani.",
    ),
    DemoComplaint(
        title="Listrik padam seharian di Sesetan tanpa informasi",
        body=(
            "Kemarin listrik di daerah Sesetan mati dari jam 9 pagi sampai jam 6 sore. Tidak ada pengumuman "
            "pemeliharaan. Usaha laundry saya tidak bisa jalan seharian. Apakah ada kompensasi?"
        ),
        classification=PENGADUAN,
        category_path=(_ESDM, "LISTRIK", "PEMADAMAN LISTRIK"),
        region_code="51.71.01.1003",
        target_unit=PLN,
        address="Kel. Sesetan, Kec. Denpasar Selatan, Kota Denpasar",
        follow_ups=(
            (
                "Mohon maaf atas ketidaknyamanannya. Pemadaman terjadi karena gangguan kabel bawah tanah akibat "
                "pekerjaan galian pihak lain. Kompensasi diberikan otomatis apabila lama dan frekuensi gangguan "
                "melampaui tingkat mutu pelayanan yang ditetapkan, dalam bentuk pengurangan tagihan atau tambahan "
                "token pada bulan berikutnya."
            ),
        ),
        reporter_reply="Oke, saya tunggu kompensasinya di tagihan bulan depan.",
    ),
    DemoComplaint(
        title="Tagihan listrik pascabayar naik dua kali lipat",
        body=(
            "Tagihan listrik rumah saya bulan ini Rp 780.000, biasanya hanya sekitar Rp 350.000. Pemakaian kami "
            "tidak berubah. Saya curiga pencatatan meter salah. Mohon dicek."
        ),
        classification=PENGADUAN,
        category_path=(_ESDM, "LISTRIK", "TARIF LISTRIK"),
        region_code="53.01.08.2011",
        target_unit=PLN,
        address="Desa Penfui Timur, Kec. Kupang Tengah, Kab. Kupang",
        follow_ups=(
            (
                "Terima kasih. Setelah dicek, angka stand meter bulan lalu dicatat lebih rendah dari angka sebenarnya "
                "karena foto meter tidak terbaca, sehingga sisa pemakaian terakumulasi ke bulan ini. Tagihan sudah "
                "kami koreksi dan dapat dibayar dengan cara diangsur tiga bulan tanpa denda bila diperlukan."
            ),
        ),
        reporter_reply="Terima kasih, saya pilih angsur. Tolong petugas catat meter lebih teliti.",
    ),
    # ---- National bodies: Kementerian Agama (haji) ----------------------------------------------------
    DemoComplaint(
        title="Estimasi keberangkatan haji orang tua",
        body=(
            "Selamat siang, orang tua saya mendaftar haji di Kemenag Kota Kupang tahun 2012. Bagaimana cara cek "
            "estimasi tahun keberangkatan? Dan apakah ada prioritas untuk lansia di atas 75 tahun?"
        ),
        classification=PERMINTAAN_INFORMASI,
        category_path=(_AGAMA, "HAJI DAN UMROH"),
        region_code="53.71.06.1004",
        target_unit=KEMENAG,
        address="Kel. Solor, Kec. Kota Lama",
        follow_ups=(
            (
                "Selamat siang. Estimasi keberangkatan dapat dicek melalui aplikasi Haji Pintar atau laman resmi "
                "Kementerian Agama dengan memasukkan nomor porsi. Terdapat kuota prioritas bagi jemaah lanjut usia "
                "sesuai ketentuan tahun berjalan; informasi lebih lanjut dapat ditanyakan di seksi PHU Kantor "
                "Kementerian Agama Kota Kupang."
            ),
        ),
        reporter_reply="Terima kasih, sudah saya cek di aplikasi.",
    ),
    DemoComplaint(
        title="Pengembalian dana haji jemaah yang wafat belum diterima",
        body=(
            "Ayah saya terdaftar calon jemaah haji dan meninggal dunia tahun lalu. Kami sebagai ahli waris sudah "
            "mengajukan pembatalan dan pengembalian setoran awal ke Kemenag Kota Makassar sejak 5 bulan lalu, "
            "semua berkas sudah lengkap. Sampai sekarang dana belum masuk ke rekening ahli waris, rek BNI "
            "0912345678 a.n. Andi Rahman. Mohon informasi sudah sampai tahap mana."
        ),
        classification=PENGADUAN,
        category_path=(_AGAMA, "HAJI DAN UMROH"),
        region_code="73.71.01.1002",
        target_unit=KEMENAG,
        address="Kel. Mattoangin, Kec. Mariso, Kota Makassar",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Berkas pembatalan telah diverifikasi Kanwil dan diteruskan ke BPKH "
                "untuk proses pengembalian. Berdasarkan pengecekan terakhir, dana dijadwalkan ditransfer ke rekening "
                "ahli waris dalam 14 hari kerja. Ahli waris juga memiliki opsi pelimpahan porsi apabila belum "
                "direalisasikan."
            ),
        ),
        reporter_reply="Dana sudah masuk minggu ini. Terima kasih.",
    ),
    DemoComplaint(
        title="Pelunasan biaya haji dan syarat istitha'ah kesehatan",
        body=(
            "Saya masuk daftar jemaah yang berhak lunas tahun ini. Mau tanya kapan batas akhir pelunasan dan apakah "
            "pemeriksaan kesehatan istitha'ah harus sebelum pelunasan? Di mana pemeriksaannya di Kupang?"
        ),
        classification=PERMINTAAN_INFORMASI,
        category_path=(_AGAMA, "HAJI DAN UMROH"),
        region_code="53.71.04.1013",
        target_unit=KEMENAG,
        follow_ups=(
            (
                "Terima kasih. Sesuai ketentuan terbaru, pemeriksaan istitha'ah kesehatan dilakukan sebelum pelunasan "
                "Bipih. Pemeriksaan dilaksanakan di puskesmas dan rumah sakit yang ditunjuk Dinas Kesehatan Kota "
                "Kupang. Jadwal pelunasan tahap I dan II diumumkan melalui Kantor Kemenag Kota Kupang dan aplikasi "
                "resmi haji."
            ),
        ),
        reporter_reply="Baik, terima kasih atas infonya.",
    ),
    # ---- More Kupang reports (varied) ----------------------------------------------------------------
    DemoComplaint(
        title="Air PAM tidak mengalir, warga beli air tangki",
        body=(
            "Air leding di Kelurahan Fontein sudah 3 minggu tidak mengalir sama sekali. Kami terpaksa beli air "
            "tangki. Tolong dinas terkait cek pipa induk di jalan besar, sepertinya ada yang bocor karena airnya "
            "menggenang terus di depan toko bangunan."
        ),
        classification=PENGADUAN,
        category_path=(_ESDM, "LAYANAN AIR MINUM", "GANGGUAN LAYANAN PENYALURAN AIR"),
        region_code="53.71.05.1008",
        target_unit=PUPR,
        address="Kel. Fontein, Kec. Kota Raja",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Kebocoran pipa transmisi di depan toko bangunan sudah diperbaiki oleh "
                "tim teknis bersama operator air minum. Aliran air ke wilayah Fontein dilakukan bergilir setiap dua "
                "hari sekali karena debit sumber menurun di musim kemarau."
            ),
        ),
        reporter_reply="Air sudah jalan walaupun bergilir. Terima kasih.",
    ),
    DemoComplaint(
        title="Mohon perbaikan jalan rusak menuju Pantai Lasiana",
        body="Jalan masuk ke Pantai Lasiana rusak berat. Padahal tempat wisata. Malu sama tamu dari luar.",
        classification=ASPIRASI,
        category_path=(_PU, "INFRASTRUKTUR JALAN", "JALAN BERLUBANG"),
        region_code="53.71.03.1011",
        target_unit=PUPR,
        address="Jalan masuk Pantai Lasiana, Kel. Lasiana",
        follow_ups=(
            (
                "Terima kasih atas masukannya. Peningkatan jalan masuk kawasan Pantai Lasiana sudah direncanakan dalam "
                "paket pekerjaan tahun ini bersama penataan kawasan wisata. Sementara menunggu, kami lakukan "
                "penimbunan sirtu pada titik-titik yang paling rusak."
            ),
        ),
        reporter_reply="",
    ),
    DemoComplaint(
        title="Dokter di puskesmas pembantu jarang ada",
        body=(
            "Di pustu Kelurahan Naioni, dokter dijadwalkan datang hari Rabu tapi dalam sebulan terakhir hanya "
            "datang sekali. Bidan yang jaga juga sering tutup sebelum jam 12. Warga yang sakit harus turun ke kota, "
            "ongkos ojek mahal. Mohon jadwal petugas dipatuhi."
        ),
        classification=PENGADUAN,
        category_path=(*_YANKES, "MASALAH PELAYANAN KESEHATAN"),
        region_code="53.71.01.1011",
        target_unit=DINKES,
        address="Pustu Kel. Naioni, Kec. Alak",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Dinas Kesehatan sudah memanggil kepala puskesmas induk. Jadwal layanan "
                "dokter di pustu kini dipasang di papan pengumuman dan dipantau melalui absensi elektronik. Pustu buka "
                "Senin-Sabtu pukul 08.00-14.00."
            ),
        ),
        reporter_reply="Minggu ini dokter sudah datang. Semoga seterusnya.",
    ),
    DemoComplaint(
        title="Pengajuan bantuan bedah rumah tidak ada kabar",
        body=(
            "Kami sudah mengajukan bantuan rehab rumah tidak layak huni lewat kelurahan sejak tahun lalu, sudah "
            "difoto dan diukur petugas. Sampai sekarang tidak ada kabar, diterima atau tidak. Rumah kami dinding "
            "bebak dan atap daun sudah bocor. Mohon informasinya."
        ),
        classification=PERMINTAAN_INFORMASI,
        category_path=(_PU, "PERMUKIMAN"),
        region_code="53.71.02.1006",
        target_unit=PUPR,
        address="Kel. Fatukoa, Kec. Maulafa",
        follow_ups=(
            (
                "Terima kasih. Usulan Bapak/Ibu sudah masuk dalam basis data rumah tidak layak huni dan telah "
                "diverifikasi. Bantuan tahun ini diprioritaskan untuk 120 rumah berdasarkan skor kerusakan; rumah "
                "Bapak/Ibu berada pada daftar tunggu tahun berikutnya. Daftar penerima diumumkan di kantor kelurahan."
            ),
        ),
        reporter_reply="Kenapa harus tunggu lagi? Rumah kami sudah sangat rusak. Mohon dinilai ulang.",
    ),
    DemoComplaint(
        title="Petugas kebersihan jalan tidak digaji tepat waktu",
        body=(
            "Kami petugas kebersihan jalan (pasukan kuning) di wilayah Kota Lama. Gaji kami bulan lalu baru dibayar "
            "tanggal 25, bulan ini sampai sekarang belum. Kami punya anak sekolah dan cicilan. Mohon perhatian."
        ),
        classification=PENGADUAN,
        category_path=(_KERJA, "HAK PEKERJA", "GAJI PEKERJA"),
        region_code="53.71.06.1005",
        target_unit=DLHK,
        address="Kec. Kota Lama",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Keterlambatan terjadi karena proses administrasi pencairan anggaran di "
                "awal triwulan. Upah bulan ini sudah dibayarkan hari Selasa. Kami menetapkan jadwal pembayaran paling "
                "lambat tanggal 10 setiap bulan."
            ),
        ),
        reporter_reply="Sudah terima. Terima kasih, semoga tanggal 10 itu ditepati.",
    ),
    DemoComplaint(
        title="Usul rute bus kota ke kampus Penfui",
        body=(
            "Mahasiswa yang tinggal di kos daerah Oebobo dan Kuanino susah ke kampus di Penfui, bemo jarang dan "
            "harus ganti 2 kali. Usul ada bus kota atau trayek langsung ke kampus pagi dan sore."
        ),
        classification=ASPIRASI,
        category_path=(_HUB, "TRANSPORTASI DARAT"),
        region_code="53.71.02.1003",
        target_unit=DISHUB,
        follow_ups=(
            (
                "Terima kasih atas aspirasinya. Dishub sedang mengkaji rute angkutan massal perkotaan yang melayani "
                "koridor pusat kota - Penfui, termasuk jam layanan pagi dan sore untuk mahasiswa. Masukan dari BEM "
                "kampus akan kami minta melalui forum lalu lintas."
            ),
        ),
        reporter_reply="Terima kasih, kami dari BEM siap kasih masukan.",
    ),
    DemoComplaint(
        title="Kapan vaksinasi HPV untuk anak SD kelas 5?",
        body=(
            "Anak saya SD kls 5. Katanya ada vaksin HPV gratis di sekolah, kapan jadwalnya? Apa perlu persetujuan ortu?"
        ),
        classification=PERMINTAAN_INFORMASI,
        category_path=(*_YANKES, "PELAYANAN VAKSINASI / IMUNISASI"),
        region_code="53.71.05.1003",
        target_unit=PKM_BAKUNASE,
        follow_ups=(
            (
                "Terima kasih. Imunisasi HPV untuk siswi kelas 5 dan 6 dilaksanakan melalui program BIAS di sekolah. "
                "Jadwal di wilayah Puskesmas Bakunase akan disampaikan melalui sekolah. Orang tua akan menerima lembar "
                "informasi dan dapat menyampaikan keberatan kepada wali kelas sebelum pelaksanaan."
            ),
        ),
        reporter_reply="",
    ),
    DemoComplaint(
        title="Klinik swasta menolak pasien BPJS dengan alasan kuota penuh",
        body=(
            "Saya terdaftar di salah satu klinik pratama di Oebobo sebagai faskes BPJS. Sudah tiga kali datang "
            "pagi-pagi tapi ditolak karena kuota pasien BPJS hari itu penuh, disuruh daftar sebagai pasien umum "
            "kalau mau dilayani hari itu. Apakah boleh begitu?"
        ),
        classification=PENGADUAN,
        category_path=(_KES, "JAMINAN SOSIAL KESEHATAN", "PELAYANAN KESEHATAN BPJS", "ANTRIAN MENDAPATKAN PELAYANAN"),
        region_code="53.71.04.1001",
        target_unit=BPJS_KESEHATAN,
        address="Kel. Oebobo, Kec. Oebobo",
        follow_ups=(
            (
                "Terima kasih atas laporannya. FKTP tidak boleh membatasi kuota pelayanan bagi peserta JKN maupun "
                "mengarahkan peserta menjadi pasien umum. BPJS Kesehatan Cabang Kupang sudah melakukan klarifikasi dan "
                "memberikan teguran kepada klinik. Jika kejadian berulang, mohon dilaporkan kembali."
            ),
        ),
        reporter_reply="Kemarin saya dilayani tanpa masalah. Terima kasih.",
    ),
    DemoComplaint(
        title="Permohonan data jumlah anak stunting per kelurahan",
        body=(
            "Saya mahasiswa kesehatan masyarakat yang sedang menyusun skripsi tentang stunting di Kota Kupang. "
            "Saya mohon data jumlah balita stunting per kelurahan tahun terakhir. Apakah bisa diberikan dan apa "
            "syaratnya?"
        ),
        classification=PERMINTAAN_INFORMASI,
        category_path=(_KES, "GIZI BURUK/STUNTING"),
        region_code="53.71.02.1003",
        target_unit=DINKES,
        follow_ups=(
            (
                "Terima kasih. Data agregat prevalensi stunting per kelurahan dapat diberikan untuk keperluan "
                "penelitian. Silakan mengajukan surat permohonan dari kampus beserta proposal singkat kepada PPID "
                "Dinas Kesehatan. Data diberikan dalam bentuk agregat tanpa identitas balita."
            ),
        ),
        reporter_reply="Terima kasih, surat dari kampus akan saya antar besok.",
    ),
    DemoComplaint(
        title="Proyek rumah pompa air bersih mangkrak",
        body=(
            "Pembangunan rumah pompa dan bak penampung air bersih di RT 02 Kelurahan Bello sudah berhenti sejak "
            "8 bulan lalu. Bangunan setengah jadi, pipa sudah berkarat, dan tidak ada pekerja. Warga tidak tahu "
            "kontraktornya ke mana. Padahal kami sangat butuh air. Mohon diaudit dan dilanjutkan."
        ),
        classification=PENGADUAN_PENGAWASAN,
        category_path=(_PU, "SUMBER DAYA AIR"),
        region_code="53.71.02.1005",
        target_unit=PUPR,
        address="RT 02, Kel. Bello, Kec. Maulafa",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Kontrak pekerjaan tersebut telah diputus karena penyedia tidak mampu "
                "menyelesaikan pekerjaan, dan penyedia dikenakan sanksi daftar hitam. Sisa pekerjaan akan dilelang "
                "ulang dan dimulai setelah penetapan anggaran perubahan."
            ),
            (
                "Proses lelang ulang telah selesai dan pekerjaan dilanjutkan oleh penyedia baru mulai minggu ini "
                "dengan masa pelaksanaan 90 hari. Warga dapat memantau melalui papan proyek di lokasi."
            ),
        ),
        reporter_reply="Pekerja sudah mulai datang. Terima kasih, kami akan ikut awasi.",
    ),
    DemoComplaint(
        title="Petugas Dukcapil minta uang untuk percepatan akta perkawinan",
        body=(
            "Saya dan istri mengurus akta perkawinan. Di loket, seorang pria yang mengaku staf menawarkan bantuan "
            "supaya selesai 1 hari dengan biaya Rp 300.000, kalau tidak katanya 2 minggu. Dia minta transfer ke "
            "rekening pribadi. Saya catat nomornya 0812-9090-1234. Saya tidak bayar. Mohon ditindak."
        ),
        classification=PENGADUAN_PENGAWASAN,
        category_path=_KKN_PUNGLI,
        region_code="53.71.05.1002",
        target_unit=DUKCAPIL,
        address="Kantor Dinas Dukcapil Kota Kupang",
        follow_ups=(
            (
                "Terima kasih atas laporan dan keberanian Bapak. Seluruh layanan di Dinas Dukcapil gratis dan tidak "
                "ada layanan percepatan berbayar. Nomor yang dilaporkan sudah kami serahkan kepada Inspektorat dan "
                "Saber Pungli untuk ditelusuri. Akta perkawinan Bapak telah selesai dan dapat diambil di loket 4."
            ),
        ),
        reporter_reply="Terima kasih, akta sudah saya ambil. Semoga orang itu tertangkap.",
    ),
    DemoComplaint(
        title="Terima kasih atas pelayanan cepat di Puskesmas Oepoi",
        body=(
            "Saya mau sampaikan terima kasih kepada petugas Puskesmas Oepoi, khususnya di poli anak. Minggu lalu "
            "anak saya kejang demam, petugas langsung tangani dan rujuk ke RS dengan ambulans. Pelayanannya cepat "
            "dan ramah. Semoga dipertahankan."
        ),
        classification=ASPIRASI,
        category_path=(*_YANKES, "LAINNYA TERKAIT PELAYANAN KESEHATAN"),
        region_code="53.71.04.1014",
        target_unit=PKM_OEPOI,
        follow_ups=(
            (
                "Terima kasih atas apresiasi Bapak/Ibu. Ucapan ini kami sampaikan kepada tim poli anak dan pengemudi "
                "ambulans. Semoga putra/putri Bapak/Ibu lekas pulih."
            ),
        ),
        reporter_reply="Anak saya sudah sehat. Tuhan berkati.",
    ),
    DemoComplaint(
        title="Mohon PAUD di kelurahan kami dibantu alat permainan",
        body=(
            "PAUD swadaya warga di Nefonaek punya 32 murid tapi alat mainnya sangat sedikit, kebanyakan rusak. "
            "Guru-guru hanya dibayar dari iuran orang tua. Apakah ada bantuan APE atau insentif guru PAUD dari "
            "dinas? Bagaimana cara mengajukannya?"
        ),
        classification=ASPIRASI,
        category_path=(_DIK, "PAUD DAN PENDIDIKAN INFORMAL"),
        region_code="53.71.06.1010",
        target_unit=DIKBUD,
        address="Kel. Nefonaek, Kec. Kota Lama",
        follow_ups=(
            (
                "Terima kasih atas aspirasinya. Bantuan APE dan insentif guru PAUD diberikan kepada lembaga yang sudah "
                "memiliki izin operasional dan terdaftar di Dapodik PAUD. Bidang PAUD akan mendampingi lembaga "
                "Bapak/Ibu untuk pengurusan izin dan pendataan. Silakan menghubungi bidang PAUD pada jam kerja."
            ),
        ),
        reporter_reply="Terima kasih, kami akan urus izinnya.",
    ),
    DemoComplaint(
        title="Genangan air di depan rumah sakit setiap hujan",
        body=(
            "Depan RSUD kalau hujan air tergenang setinggi betis. Pasien dan keluarga susah masuk, ambulans juga "
            "harus pelan. Saluran di situ sepertinya terlalu kecil."
        ),
        classification=PENGADUAN,
        category_path=(_PU, "DRAINASE (GORONG-GORONG/PARIT)"),
        region_code="53.71.03.1001",
        target_unit=PUPR,
        address="Depan RSUD S.K. Lerik, Kel. Kelapa Lima",
        follow_ups=(
            (
                "Terima kasih. Hasil survei menunjukkan dimensi saluran tidak memadai dan terdapat penyempitan di "
                "gorong-gorong. Pelebaran saluran dan penggantian gorong-gorong telah masuk usulan pekerjaan drainase "
                "tahun depan. Untuk sementara saluran sudah dibersihkan dari endapan."
            ),
        ),
        reporter_reply="Kalau tahun depan berarti musim hujan ini masih banjir. Apa tidak bisa dipercepat?",
    ),
    DemoComplaint(
        title="Bantuan sembako lansia diminta tanda tangan tapi barang tidak diterima",
        body=(
            "Ibu saya lansia penerima bantuan permakanan. Bulan lalu petugas datang minta tanda tangan daftar "
            "terima, tapi paket makanan tidak pernah diantar. Tetangga lansia lain juga begitu. Kami curiga "
            "bantuan diselewengkan. Bisa dihubungi di frans.nahak@example.org."
        ),
        classification=PENGADUAN_PENGAWASAN,
        category_path=(*_BANSOS, "BANSOS DAERAH"),
        region_code="53.71.06.1008",
        target_unit=DINSOS,
        address="Kel. Fatubesi, Kec. Kota Lama",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Dinas Sosial sedang memeriksa daftar penerima dan bukti distribusi dari "
                "penyedia permakanan untuk Kelurahan Fatubesi. Mohon kesediaan Bapak/Ibu memberikan keterangan kepada "
                "tim kami yang akan berkunjung."
            ),
            (
                "Pemeriksaan menemukan paket untuk 7 penerima di Fatubesi tidak diantar selama satu bulan. Penyedia "
                "diwajibkan mengganti paket yang tidak tersalur, dan kontrak dievaluasi. Sekarang setiap pengantaran "
                "wajib disertai foto penerima."
            ),
        ),
        reporter_reply="Ibu saya sudah terima paket pengganti. Terima kasih sudah cepat diperiksa.",
    ),
    DemoComplaint(
        title="Plang nama jalan hilang dan salah",
        body=(
            "Plang nama jalan di pertigaan Kelurahan Merdeka hilang, dan yang di ujung satunya salah tulis. "
            "Tamu bingung."
        ),
        classification=ASPIRASI,
        category_path=(_HUB, "LAINNYA TERKAIT PERHUBUNGAN"),
        region_code="53.71.06.1006",
        target_unit=DISHUB,
        follow_ups=(
            (
                "Terima kasih atas masukannya. Papan nama jalan yang hilang dan salah tulis sudah didata dan akan "
                "diganti dalam kegiatan pemeliharaan perlengkapan jalan bulan depan."
            ),
        ),
        reporter_reply="",
    ),
    DemoComplaint(
        title="Anjing liar berkeliaran di sekitar sekolah",
        body=(
            "Ada kawanan anjing liar, sekitar 6 ekor, sering berkumpul di sekitar SD di Lai Lai Bisi Kopan. Minggu "
            "lalu seorang murid digigit dan harus suntik anti rabies. Orang tua khawatir. Mohon ditangani."
        ),
        classification=PENGADUAN,
        category_path=(*_YANKES, "VAKSINASI RABIES"),
        region_code="53.71.06.1002",
        target_unit=DINKES,
        address="Sekitar SD, Kel. Lai Lai Bisi Kopan, Kec. Kota Lama",
        follow_ups=(
            (
                "Terima kasih atas laporannya. Murid yang digigit telah mendapat VAR lengkap dan dipantau puskesmas. "
                "Laporan penanganan hewan penular rabies kami koordinasikan dengan dinas yang membidangi peternakan "
                "untuk vaksinasi dan penertiban anjing liar di lokasi tersebut."
            ),
        ),
        reporter_reply="Anjing-anjingnya masih ada sampai sekarang. Mohon koordinasinya dipercepat.",
    ),
)


# --------------------------------------------------------------------------------------------------------------
# Verification (tunda) dialogue
# --------------------------------------------------------------------------------------------------------------

TUNDA_REQUESTS: tuple[str, ...] = (
    (
        "Terima kasih atas laporan Anda. Agar dapat kami teruskan ke instansi yang tepat, mohon lengkapi lokasi "
        "kejadian secara rinci (nama jalan, RT/RW, kelurahan, dan patokan terdekat)."
    ),
    "Mohon lampirkan foto kondisi di lapangan agar petugas dapat menilai tingkat kerusakan.",
    "Mohon sebutkan tanggal dan perkiraan jam kejadian, serta apakah kejadian ini terjadi berulang.",
    (
        "Laporan Anda menyebutkan adanya pungutan. Mohon jelaskan jumlah yang diminta, kepada siapa dibayarkan, dan "
        "apakah ada bukti seperti kuitansi, pesan, atau bukti transfer. Identitas Anda tetap kami rahasiakan."
    ),
    (
        "Mohon sebutkan nama fasilitas kesehatan atau sekolah yang dimaksud agar laporan dapat diteruskan ke unit yang "
        "berwenang. Nama pelapor tidak akan diketahui oleh terlapor."
    ),
    (
        "Laporan Anda belum menjelaskan masalah yang dialami. Mohon uraikan apa yang terjadi, di mana, dan apa yang "
        "Anda harapkan dari instansi terkait."
    ),
    (
        "Untuk pengecekan data kepesertaan, mohon sampaikan nomor pendaftaran atau nomor registrasi layanan. Mohon "
        "tidak menuliskan nomor PIN, kata sandi, atau kode OTP."
    ),
    (
        "Apakah Anda sudah menyampaikan keluhan ini langsung ke unit layanan terkait? Jika sudah, mohon sebutkan kapan "
        "dan jawaban yang Anda terima."
    ),
)

TUNDA_ANSWERS: tuple[str, ...] = (
    "Lokasinya di Jalan Kenari RT 014, kira-kira 50 meter dari kios sembako warna hijau, sebelum tikungan ke gereja.",
    "Sudah saya lampirkan 3 foto yang saya ambil tadi pagi.",
    "Kejadiannya hari Senin sekitar jam 8 pagi. Bukan sekali, hampir tiap minggu begitu.",
    (
        "Diminta Rp 150.000, saya bayar tunai ke laki-laki yang duduk di meja pelayanan. Tidak ada kuitansi, tapi ada "
        "teman saya yang ikut lihat."
    ),
    "Nama sekolahnya saya kirim di sini saja ya, mohon jangan disebar. Terima kasih.",
    (
        "Maaf kurang jelas. Maksud saya lampu jalan di depan rumah saya mati sudah sebulan dan jalannya jadi gelap. "
        "Mohon diperbaiki."
    ),
    "Nomor registrasinya sudah saya tulis di lampiran foto bukti pembayaran.",
    (
        "Sudah pernah saya sampaikan ke petugas loket minggu lalu, katanya tunggu saja, tapi sampai sekarang tidak ada "
        "kabar."
    ),
    "mhn maaf baru balas, lokasinya di gang samping gereja, RT 07 RW 02.",
)


# --------------------------------------------------------------------------------------------------------------
# Archive and bukan-wewenang reasons
# --------------------------------------------------------------------------------------------------------------

ARCHIVE_REASONS: tuple[tuple[str, str], ...] = (
    (
        "spam",
        "Laporan ini berisi promosi atau tautan yang tidak berkaitan dengan pelayanan publik sehingga kami arsipkan.",
    ),
    (
        "spam",
        "Laporan berisi pesan berulang tanpa substansi pengaduan. Silakan kirim laporan baru bila ada keluhan nyata.",
    ),
    (
        "tidak_jelas",
        (
            "Laporan telah kami mintakan kelengkapan informasi, namun sampai batas waktu tidak ada tanggapan dari "
            "pelapor. Laporan kami arsipkan; Anda dapat membuat laporan baru dengan uraian yang lebih lengkap."
        ),
    ),
    (
        "tidak_jelas",
        (
            "Isi laporan tidak menjelaskan masalah, lokasi, maupun instansi yang dimaksud sehingga tidak dapat "
            "ditindaklanjuti."
        ),
    ),
    (
        "duplikat",
        (
            "Laporan ini sama dengan laporan Anda sebelumnya yang sedang ditindaklanjuti. Perkembangan dapat dipantau "
            "melalui laporan tersebut."
        ),
    ),
    (
        "duplikat",
        (
            "Masalah yang sama di lokasi yang sama telah dilaporkan warga lain dan sedang ditangani instansi terkait. "
            "Laporan ini kami gabungkan dengan laporan tersebut."
        ),
    ),
    (
        "bukan_pemerintah",
        (
            "Laporan ini menyangkut sengketa pribadi antarwarga (utang-piutang) yang bukan ranah pelayanan publik. "
            "Silakan menempuh musyawarah kelurahan atau jalur hukum."
        ),
    ),
    (
        "bukan_pemerintah",
        (
            "Keluhan ini terkait layanan perusahaan swasta yang tidak menggunakan dana pemerintah. Silakan menghubungi "
            "layanan pelanggan perusahaan tersebut atau lembaga perlindungan konsumen."
        ),
    ),
)

BUKAN_WEWENANG_REASONS: tuple[str, ...] = (
    (
        "Jalan yang dilaporkan merupakan jalan nasional (Jalan Timor Raya) sehingga pemeliharaannya menjadi kewenangan "
        "Balai Pelaksanaan Jalan Nasional NTT, bukan Pemerintah Kota Kupang. Laporan kami teruskan ke instansi "
        "tersebut."
    ),
    (
        "SMA/SMK negeri berada di bawah kewenangan Pemerintah Provinsi NTT (Dinas Pendidikan dan Kebudayaan Provinsi). "
        "Dinas Pendidikan Kota hanya mengelola PAUD, SD, dan SMP."
    ),
    (
        "Penetapan penerima bansos PKH dan BPNT merupakan kewenangan Kementerian Sosial. Dinas Sosial Kota hanya "
        "mengusulkan dan memverifikasi data."
    ),
    (
        "Gangguan listrik dan pemasangan sambungan baru ditangani oleh PT PLN (Persero) UP3 Kupang, bukan oleh "
        "perangkat daerah. Laporan kami alihkan ke PLN."
    ),
    "Kepesertaan dan iuran JKN dikelola oleh BPJS Kesehatan. Laporan kami teruskan ke BPJS Kesehatan Cabang Kupang.",
    (
        "Lokasi yang dilaporkan berada di wilayah Kabupaten Kupang (Kecamatan Kupang Tengah), bukan Kota Kupang. "
        "Laporan kami teruskan kepada Pemerintah Kabupaten Kupang."
    ),
    "Pendaftaran dan keberangkatan haji dikelola oleh Kementerian Agama melalui Kantor Kemenag Kota Kupang.",
    (
        "Tindak pidana seperti pencurian dan penganiayaan ditangani oleh Kepolisian. Silakan membuat laporan di Polsek "
        "terdekat atau Polresta Kupang Kota."
    ),
)


# --------------------------------------------------------------------------------------------------------------
# Generic reporter replies
# --------------------------------------------------------------------------------------------------------------

GENERIC_REPLIES_SATISFIED: tuple[str, ...] = (
    "Terima kasih atas tindak lanjutnya. Masalah sudah selesai.",
    "Terima kasih banyak Bapak/Ibu petugas, sangat membantu.",
    "Sudah ditangani dengan baik. Semoga pelayanan seperti ini terus dipertahankan.",
    "Puji Tuhan sudah beres. Terima kasih LAPOR!",
    "Makasih, respon cepat. Mantap!",
    "Terima kasih, kami warga sangat menghargai tanggapan yang cepat ini.",
    "Sudah saya cek di lokasi dan memang sudah diperbaiki. Terima kasih.",
)

GENERIC_REPLIES_UNSATISFIED: tuple[str, ...] = (
    (
        "Jawaban ini tidak sesuai kenyataan. Sampai hari ini kondisi di lapangan masih sama, belum ada petugas yang "
        "datang."
    ),
    "Mohon jangan hanya dijawab akan dijadwalkan. Kami butuh kepastian kapan dikerjakan.",
    "Sudah dua minggu sejak jawaban ini tapi belum ada perubahan. Mohon ditindaklanjuti lagi.",
    "Saya tidak puas, petugas datang hanya foto-foto lalu pergi.",
    "Jawabannya terlalu umum, tidak menjawab pertanyaan saya.",
    "Masalahnya terulang lagi minggu ini. Mohon solusi yang permanen.",
)


# --------------------------------------------------------------------------------------------------------------
# Fictional reporter names
# --------------------------------------------------------------------------------------------------------------

REPORTER_NAMES: tuple[str, ...] = (
    "Yohanes Ndun",
    "Maria Goreti Bria",
    "Fransiskus Nahak",
    "Yublina Tefa",
    "Agustinus Manafe",
    "Seprianus Lado",
    "Dominggus Radja",
    "Theresia Seran",
    "Marthen Lenggu",
    "Novita Benu",
    "Ferdinandus Kase",
    "Yosefina Tefa",
    "Oktovianus Sinlae",
    "Imelda Pah",
    "Ricky Ratu Kore",
    "Serlina Bessie",
    "Kornelis Tanono",
    "Dewi Kana",
    "Petrus Lomi Ga",
    "Marselina Tnunay",
    "Jefry Fanggidae",
    "Paulus Bana",
    "Elisabeth Rohi",
    "Stevanus Amalo",
    "Nikolaus Pello",
    "Adriana Hale",
    "Yakobus Taneo",
    "Welhelmina Nalle",
    "Arnoldus Leu",
    "Sisilia Dethan",
    "Siti Rahmawati",
    "Ahmad Fauzi",
    "I Made Sudarsana",
    "Andi Rahman",
    "Rina Kurniasih",
    "Muhammad Ridwan",
    "Budi Santoso",
    "Nur Aisyah",
)


# --------------------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------------------

T = TypeVar("T")


def all_targets() -> tuple[str, ...]:
    """Every target a demo complaint may name: Kupang units first, then national bodies."""
    return UNIT_NAMES + NATIONAL_BODIES


def complaints_by_classification(classification: str) -> tuple[DemoComplaint, ...]:
    """The demo complaints of one classification, in definition order."""
    return tuple(c for c in COMPLAINTS if c.classification == classification)


def pick(items: Sequence[T], index: int) -> T:
    """Deterministic cyclic choice, so the demo can vary texts without randomness: ``pick(xs, i)``."""
    return items[index % len(items)]
