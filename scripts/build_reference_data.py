#!/usr/bin/env python3
"""Rebuild the reference data shipped in ``lapor/reference/data/`` from the developers' copy of the public sources.

Usage (from the repository root)::

    python scripts/build_reference_data.py [PATH_TO_SHARED_DATA]   # default: ../shared/data

Standard library only. Reads ``regions/`` and ``categories/`` of the shared data directory (never ``routing/`` or
``lapor-texts/``) and writes, deterministically:

- ``regions.csv.gz``     code,name,level,kind,parent — every Kemendagri region (Kepmendagri 300.2.2-2138/2025)
- ``population.csv.gz``  code,population — Dukcapil 2024-S2 per province and kabupaten/kota (the national total,
                         code ``0`` in the source, is not a region and is left out; it equals the sum of provinces)
- ``pemda.csv``          code,name,kind,region_name,autonomous — the 552 local governments
- ``categories.json``    the LAPOR! category taxonomy as a tree (see ``build_categories`` for how it is rebuilt)

The product reads only these files at run time; see ``lapor/reference/data/SOURCES.md``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import sys
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = REPO_ROOT / "lapor" / "reference" / "data"
SEP = " › "

# --- regions ---------------------------------------------------------------------------------------------------

LEVEL_BY_TINGKAT = {"provinsi": 1, "kabupaten_kota": 2, "kecamatan": 3, "desa_kelurahan": 4}
# (tingkat, jenis) -> our RegionKind value. The 14 "desa adat" of Papua are desa in law (UU 6/2014) and in our model.
KIND_BY_TINGKAT_JENIS = {
    ("provinsi", "provinsi"): "provinsi",
    ("kabupaten_kota", "kabupaten"): "kabupaten",
    ("kabupaten_kota", "kota"): "kota",
    ("kecamatan", "kecamatan"): "kecamatan",
    ("desa_kelurahan", "kelurahan"): "kelurahan",
    ("desa_kelurahan", "desa"): "desa",
    ("desa_kelurahan", "desa_adat"): "desa",
}


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _write_gzip_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    # mtime=0 and no file name: the output is byte-for-byte reproducible, so rebuilding creates no spurious diff.
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(buf.getvalue().encode("utf-8"))


def _write_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def build_regions(src: Path) -> list[list[object]]:
    rows = []
    codes: set[str] = set()
    for r in _read_csv(src / "regions" / "wilayah_kepmendagri_2025.csv"):
        code, parent = r["kode"].strip(), r["kode_induk"].strip()
        level = LEVEL_BY_TINGKAT[r["tingkat"]]
        kind = KIND_BY_TINGKAT_JENIS[(r["tingkat"], r["jenis"])]
        if (
            code.count(".") != level - 1
            or (parent and not code.startswith(parent + "."))
            or (level > 1) != bool(parent)
        ):
            raise SystemExit(f"inconsistent region row: {r}")
        if code in codes:
            raise SystemExit(f"duplicate region code {code}")
        codes.add(code)
        rows.append([code, " ".join(r["nama"].split()), level, kind, parent])
    missing_parents = {row[4] for row in rows if row[4]} - codes
    if missing_parents:
        raise SystemExit(f"regions with unknown parents: {sorted(missing_parents)[:5]}")
    # Parents before children, then by code: the loader can insert in file order.
    rows.sort(key=lambda row: (row[2], row[0]))
    return rows


def build_population(src: Path, region_codes: set[str]) -> list[list[object]]:
    rows, national = [], None
    for r in _read_csv(src / "regions" / "wilayah_penduduk_2025.csv"):
        code, total = r["kode"].strip(), int(r["total"])
        if code == "0":
            national = total
            continue
        if code not in region_codes:
            raise SystemExit(f"population for unknown region {code}")
        rows.append([code, total])
    provinces = sum(total for code, total in rows if "." not in code)
    print(f"population: {len(rows)} regions; national total {national:,} (sum of provinces {provinces:,})")
    return sorted(rows)


def build_pemda(src: Path, region_codes: set[str]) -> list[list[object]]:
    rows = []
    for r in _read_csv(src / "regions" / "pemda_2025.csv"):
        if r["kode"] not in region_codes or r["jenis"] not in {"provinsi", "kabupaten", "kota"}:
            raise SystemExit(f"bad pemda row: {r}")
        rows.append(
            [r["kode"], r["nama_pemda"].strip(), r["jenis"], r["nama_wilayah"].strip(), int(r["otonom"] == "ya")]
        )
    return sorted(rows)


# --- categories ------------------------------------------------------------------------------------------------
#
# The transcribed taxonomy (categories/SOURCE.txt) lists, under each top-level category, the level-2 entries and,
# after each level-2 group, its children -- the deeper levels flattened into one list. SOURCE.txt's rule ("a
# break in alphabetical order starts a new group whose following alphabetical run are its children") is right in
# spirit but not mechanical: a header's first child may sort before or after it, some sections list groups before
# leaves, and several sections are really four levels deep (CORONA VIRUS, KESEHATAN's BPJS part, KETENAGAKERJAAN's
# TKI/MI, …). Applying the rule blindly puts e.g. PENCEMARAN LINGKUNGAN under PENANGGULANGAN BENCANA.
#
# So the groups were decided by reading every section against the rule (alphabetical breaks, sorted sibling
# headers, "LAINNYA TERKAIT X" naming its group X) and are written down below, one reviewed decision per group.
# We keep at most three levels and follow one safety principle: every parent we assert is a TRUE ancestor on
# lapor.go.id. Where the source is deeper, the middle level is contracted (CORONA VIRUS › ALAT DAN LOGISTIK
# KESEHATAN › INFORMASI ALAT RAPID TEST, the real path having ALAT RAPID TEST in between; the intermediate header
# stays as a sibling), and where we cannot tell whether an entry is a child or a level-2 sibling it becomes a
# level-2 leaf. Any section with an alphabetical break that is not covered here stops the build for review.
#
# Format: top-level -> {level-2 group header: (first child, last child)}; the children are the contiguous run of
# the flat list from the first occurrence of ``first`` after the header to the first occurrence of ``last`` from
# there (``None``: up to the next group header or the end of the section). Entries outside every run are level-2
# leaves; "LAINNYA TERKAIT X" always goes under group X when X is a level-2 group of the section. Repeated names
# under one parent are merged.

CATEGORY_GROUPS: dict[str, dict[str, tuple[str, str | None]]] = {
    "CORONA VIRUS": {  # four levels in the source; the level-3 headers (ALAT RAPID TEST, APD, …) are contracted
        "ALAT DAN LOGISTIK KESEHATAN": ("ALAT RAPID TEST", None),
        "BANTUAN MASYARAKAT CORONA": ("BANSOS DAERAH (PEMPROV, KAB/KOTA)", None),
        "INFORMASI COVID-19": ("LAINNYA", None),
        "PELAYANAN KESEHATAN": ("PELAYANAN KESEHATAN IBU DAN ANAK", None),
        "PENDAMPINGAN KESEHATAN JIWA/MENTAL": ("LAINNYA", None),
        "PENGADUAN KLAIM DAN VERIFIKASI PELAYANAN KESEHATAN PASIEN COVID-19": ("BIAYA PERAWATAN PASIEN COVID-19", None),
        "PSBB": ("BEKERJA DARI RUMAH (WFH)", None),
    },
    "EKONOMI DAN KEUANGAN": {
        "JASA KEUANGAN": ("INDUSTRI KEUANGAN NON-BANK", "PERBANKAN"),  # incl. the IKNB subgroup, contracted
        "LAYANAN KEUANGAN DIGITAL/FINTECH": ("BUNGA FINTECH", "SISTEM PENAGIHAN FINTECH"),
        "PAJAK": ("AMNESTI PAJAK", "RETRIBUSI PAJAK"),
        "PARIWISATA": ("DESTINASI PARIWISATA", "LAINNYA TERKAIT PARIWISATA"),
        "PENGADAAN BARANG/JASA": ("ADVOKASI HUKUM PEMERINTAH DAERAH", "SISTEM RENCANA UMUM PENGADAAN (SIRUP)"),
        "PENGIRIMAN BARANG/ LOGISTIK": ("LAINNYA TERKAIT PENGIRIMAN BARANG/ LOGISTIK", "PENGIRIMAN LUAR NEGERI"),
        "PERDAGANGAN": ("INTRADE/ PERIZINANAN PERDAGANGAN", "PEMANTAUAN HARGA BAHAN POKOK"),
        "PERIMBANGAN KEUANGAN PUSAT DAN DAERAH": ("APBD", "LAINNYA TERKAIT PERIMBANGAN KEUANGAN PUSAT DAN DAERAH"),
        "PERINDUSTRIAN": ("HOME INDUSTRI", "PERIZINAN HOME INDUSTRI"),
    },
    "KESEHATAN": {
        # Four levels in the source (JAMINAN SOSIAL KESEHATAN › ADMINISTRASI BPJS KESEHATAN › …; SDM KESEHATAN › …
        # probably). Here the most specific header of each run is the level-2 group, which is always a true
        # ancestor; JAMINAN SOSIAL KESEHATAN and SDM KESEHATAN keep only what is certainly directly theirs.
        "BANTUAN BIAYA PENDIDIKAN": (
            "AFIRMASI DOKTER/DOKTER GIGI",
            "DOKTER SUB-SPESIALIS/SPESIALIS DAN DOKTER GIGI SUB-SPESIALIS/SPESIALIS",
        ),
        "JAMINAN SOSIAL KESEHATAN": (
            "LAINNYA TERKAIT JAMINAN SOSIAL KESEHATAN",
            "LAINNYA TERKAIT JAMINAN SOSIAL KESEHATAN",
        ),
        "ADMINISTRASI BPJS KESEHATAN": ("ALAMAT DOMISILI PESERTA TIDAK SESUAI", "WAKTU PENANGANAN PENGADUAN LAMA"),
        "IURAN DAN DENDA BPJS KESEHATAN": (
            "AUTODEBET PEMBAYARAN PERTAMA GAGAL TIDAK TERINFORMASIKAN",
            "TATA CARA PEMBAYARAN IURAN",
        ),
        "MASALAH JAMINAN SOSIAL": ("ASURANSI KESEHATAN", "ASURANSI PROFESI"),
        "PELAYANAN KESEHATAN BPJS": (
            "ADANYA MANFAAT PELAYANAN YANG SEHARUSNYA DIJAMIN NAMUN MENJADI TANGGUNGAN PESERTA",
            "TIDAK DILAYANI KARENA TIDAK TERMASUK KATEGORI GAWAT DARURAT",
        ),
        "PELAYANAN OBAT BPJS KESEHATAN": ("ASPIRASI", "OBAT RUJUK BALIK KOSONG"),
        "MASALAH DISIPLIN PROFESI": ("KEPEMILIKAN SERTIFIKAT KOMPETENSI", "PERMOHONAN SIP (SURAT IZIN PRAKTEK)"),
        "MASALAH KESEJAHTERAAN": (
            "CUTI TIDAK DIBERIKAN/TIDAK SESUAI KETENTUAN",
            "TUNJANGAN KINERJA/INSENTIF/TAMBAHAN PENGHASILAN PEGAWAI (TPP) TIDAK DIBAYARKAN",
        ),
        "MASALAH PENEMPATAN/PENUGASAN": (
            "KEBUTUHAN TENAGA MEDIS DAN TENAGA KESEHATAN DI RUMAH SAKIT SUDAH TERPENUHI",
            "RUMAH SAKIT TIDAK MENYEDIAKAN RUMAH DINAS, KENDARAAN DINAS, DLL",
        ),
        "MASALAH PERLINDUNGAN HUKUM": (
            "FASILITASI PERLINDUNGAN HUKUM",
            "KEKERASAN DAN PELECEHAN DI LINGKUNGAN KERJA",
        ),
        "PELAYANAN KESEHATAN": ("FASILITAS KESEHATAN", "VAKSINASI RABIES"),
        "PENDAYAGUNAAN TENAGA MEDIS DAN TENAGA KESEHATAN": (
            "INTERNSHIP",
            "TENAGA MEDIS DAN TENAGA KESEHATAN WNA LULUSAN LUAR NEGERI",
        ),
        "PERIZINAN DAN PENGAWASAN LAYANAN KESEHATAN": (
            "LAINNYA TERKAIT PERIZINAN DAN PENGAWASAN LAYANAN KESEHATAN",
            "PERIZINAN DAN PENGAWASAN KLINIK",
        ),
    },
    "KETENTERAMAN, KETERTIBAN UMUM, DAN PELINDUNGAN MASYARAKAT": {
        # KERESAHAN MASYARAKAT and SAMPAH LIAR follow KEPOLISIAN but may be level-2 leaves: kept at level 2.
        "KEPOLISIAN": ("LAINNYA TERKAIT KEPOLISIAN", "SURAT TANDA NOMOR KENDARA"),
        "KRIMINALITAS": ("PENYELUNDUPAN SATWA", "PERDAGANGAN ORANG"),
        "KETERTIBAN UMUM": ("TAWURAN/ RUSUH", "TAWURAN/ RUSUH"),
    },
    "LINGKUNGAN HIDUP DAN KEHUTANAN": {
        "KEHUTANAN": ("EKSPLOITASI HUTAN", "REDISTRIBUSI HUTAN"),
        "KELAUTAN DAN PERIKANAN": ("ILEGAL FISHING", "LAINNYA TERKAIT KELAUTAN DAN PERIKANAN"),
        "REDD+": ("BIOCF", "FCPF-CF"),
        "PENANGGULANGAN BENCANA": ("BANJIR", "LONGSOR"),  # PENCEMARAN LINGKUNGAN … SANITASI are level-2 leaves
    },
    "PEKERJAAN UMUM DAN PENATAAN RUANG": {
        "INFRASTRUKTUR JALAN": ("JALAN BERLUBANG", "PENERANGAN JALAN"),
        "INFRASTRUKTUR PENDUKUNG": ("HALTE", "TROTOAR"),
        "PERTANAHAN": ("LAINNYA TERKAIT PERTANAHAN", "SERTIFIKAT TANAH"),
        "PERUMAHAN BERSUBSIDI DAN RUMAH SUSUN": ("SUBSIDI BANTUAN UANG MUKA", "SUBSIDI BANTUAN UANG MUKA"),
        "SUMBER DAYA AIR": ("REKOMTEK SUMBER DAYA AIR", "REKOMTEK SUMBER DAYA AIR"),
    },
    "PEMBANGUNAN DESA, DAERAH TERTINGGAL, DAN TRANSMIGRASI": {
        "PEMBANGUNAN DESA DAN DAERAH TERTINGGAL": ("BADAN USAHA MILIK DESA", "PEMERINTAHAN DESA"),
        "DANA DESA": ("ALOKASI DANA DESA", "PENYALAHGUNAAN DANA DESA"),
    },
    "PENDIDIKAN DAN KEBUDAYAAN": {
        "PENDIDIKAN DASAR DAN MENENGAH": ("ADMINISTRASI SISWA", "PROGRAM SEKOLAH PENGGERAK"),
        "PENDIDIKAN TINGGI": ("BEASISWA", "VOKASI"),
    },
    "POLITIK DAN HUKUM": {
        # The header ADMINISTRASI HUKUM UMUM (AHU) ONLINE is listed twice in a row: merged.
        "ADMINISTRASI HUKUM UMUM (AHU) ONLINE": ("FIDUSIA", "YAYASAN"),
        "BPHN": ("DANA BANTUAN HUKUM", "PENYULUHAN HUKUM"),
        "HAK ASASI MANUSIA (HAM)": ("PELAYANAN KOMUNIKASI MASYARAKAT", "PERMASALAHAN HAM"),
        "HUKUM": ("LAINNYA TERKAIT HUKUM", "PERLINDUNGAN WNI/WNA"),
        "IMIGRASI": ("AFFIDAVIT", "VISA"),
        "KEKAYAAN INTELEKTUAL": ("DESAIN INDUSTRI", "RAHASIA DAGANG"),
        # KEWASPADAAN NASIONAL and PEMILIHAN KEPALA DESA/PILKADES: level-2 leaves.
        "KORUPSI, KOLUSI, DAN NEPOTISME": ("LAINNYA TERKAIT KORUPSI, KOLUSI, DAN NEPOTISME", "PUNGUTAN LIAR"),
        "PEMILIHAN UMUM": ("DAFTAR PEMILIH TETAP PEMILU", "PELANGGARAN ADMINISTRASI PEMILU"),
        "PENGADILAN NEGERI DAN PENGADILAN AGAMA": (
            "ADMINISTRASI PERADILAN",
            "LAINNYA TERKAIT PENGADILAN NEGERI DAN PENGADILAN AGAMA",
        ),
        "PERATURAN PERUNDANG-UNDANGAN": ("HARMONISASI", "RANCANGAN PERATURAN PERUNDANG-UNDANGAN"),
        "PERMASYARAKATAN": ("CUTI BERSYARAT", "PENGUSULAN ASIMILASI"),
    },
    "SOSIAL DAN KESEJAHTERAAN": {
        # SUBSIDI LISTRIK continues the alphabetical run but may be a level-2 entry: kept at level 2.
        "BANTUAN SOSIAL": ("BANSOS DAERAH", "RUMAH SEJAHTERA TERPADU (RST)"),
    },
    "ENERGI DAN SUMBER DAYA ALAM": {
        "LAYANAN AIR MINUM": ("BIAYA/TARIF PDAM", "LAINNYA TERKAIT LAYANAN AIR MINUM"),
        "LISTRIK": ("INFORMASI KELISTRIKAN", "TARIF LISTRIK"),
        "MIGAS": ("GAS BERSUBSIDI", "PENYALURAN MINYAK DAN GAS"),
        "PERTAMBANGAN": ("DAMPAK LINGKUNGAN AREA PERTAMBANGAN", "LAINNYA TERKAIT PERTAMBANGAN"),
    },
    "KEKERASAN DI SATUAN PENDIDIKAN (SEKOLAH, KAMPUS, LEMBAGA KURSUS)": {
        # The combinations sit under GABUNGAN ATAU LAINNYA; INTOLERANSI, KEKERASAN SEKSUAL and PERUNDUNGAN
        # (BULLYING) are its level-2 siblings (sorted after it), not a group.
        "GABUNGAN ATAU LAINNYA": ("INTOLERANSI DAN KEKERASAN SEKSUAL", "PERUNDUNGAN DAN KEKERASAN SEKSUAL"),
    },
    "KEPENDUDUKAN": {
        "ADMINISTRASI KEPENDUDUKAN DAN PENCATATAN SIPIL": (
            "AKTA KELAHIRAN",
            "SURAT KETERANGAN TEMPAT TINGGAL / DOMISILI",
        ),
        "ADMINISTRASI KEWILAYAHAN": ("BATAS WILAYAH KAB/KOTA/PROVINSI", "LAINNYA TERKAIT ADMINISTRASI KEWILAYAHAN"),
        "PENGENDALIAN PENDUDUK DAN KELUARGA BERENCANA": (
            "LAINNYA TERKAIT PENGENDALIAN PENDUDUK DAN KELUARGA BERENCANA",
            "PENYULUHAN KB",
        ),
        "PERNIKAHAN": ("AKTA PERCERAIAN", "SURAT PERMOHONAN NUMPANG NIKAH"),
    },
    "KETENAGAKERJAAN": {
        "HAK PEKERJA": ("CUTI", "PENSIUN"),
        "JAMINAN SOSIAL KETENAGAKERJAAN": ("BPJS-TK MOBILE", "STATUS KLAIM"),
        "KEPEGAWAIAN": ("CPNS", "TENAGA HONORER"),
        "PENDIDIK DAN TENAGA KEPENDIDIKAN": (  # incl. the GTK subgroup, contracted
            "GURU DAN TENAGA KEPENDIDIKAN (GTK)",
            "NOMOR UNIK PENDIDIK DAN TENAGA KEPENDIDIKAN (NUPTK)",
        ),
        "TENAGA KERJA ASING (TKA)": (
            "ADMINISTRASI DAN IZIN TKA (TENAGA KERJA ASING)",
            "PERLINDUNGAN TKA (TENAGA KERJA ASING)",
        ),
        "TENAGA KERJA INDONESIA/ PEKERJA MIGRAN INDONESIA (TKI/MI)": (  # four levels in the source, contracted
            "ADMINISTRASI TKI (TENAGA KERJA INDONESIA)",
            "PERLINDUNGAN KELUARGA PEKERJA MIGRAN INDONESIA (PMI)",
        ),
    },
    "PERHUBUNGAN": {
        "PERKERETAAPIAN": ("APLIKASI KAI ACCESS", "SARANA DAN PRASARANA KAI"),
        # LAYANAN KERETA API is probably a subgroup of PERKERETAAPIAN; as a level-2 group it is right either way.
        "LAYANAN KERETA API": ("LAINNYA TERKAIT LAYANAN KERETA API", "LAYANAN TIKET"),
        "TRANSPORTASI UDARA": ("JADWAL KEBERANGKATAN", "TARIF PENERBANGAN"),
    },
    "TEKNOLOGI INFORMASI DAN KOMUNIKASI": {
        # BEASISWA S2/S3 BIDANG KOMINFO, DIGITAL TALENT SCHOLARSHIP, JARINGAN INTERNET (listed twice) and TIANG
        # JARINGAN INTERNET cannot be placed with confidence: level-2 leaves.
        "BLOKIR WEBSITE": ("KONTEN PENIPUAN", "PHISING/ PENGELABUHAN"),
        "INFORMASI TERKAIT APLIKASI PEMERINTAH": ("SIOLA KEMENDAGRI", "SIOLA KEMENDAGRI"),
        "LAYANAN ONLINE/APLIKASI PEMERINTAH": ("APLIKASI JAMINAN SOSIAL", "SIPD KEMENDAGRI"),
        "APLIKASI PERIZINAN": ("SIMBG", "SIMBG"),
        "WEBSITE BADAN PUSAT STATISTIK": ("KONSULTASI DATA", "KONSULTASI DATA"),
    },
}


def _norm(name: str) -> str:
    return " ".join(name.split())


def _alphabetical_breaks(items: list[str]) -> list[int]:
    return [i for i in range(1, len(items)) if items[i] < items[i - 1]]


def _build_section(top: str, items: list[str], groups: dict[str, tuple[str, str | None]]) -> list[dict]:
    """Turn one top-level category's flat list into [{"name", "children": [...]}, ...] (level 2 with level 3)."""
    parent_of: dict[int, str] = {}  # index of a child entry -> its level-2 header
    missing = [header for header in groups if header not in items]
    if missing:
        raise SystemExit(f"{top}: group headers not in the source: {missing}")
    header_at = {header: items.index(header) for header in groups}
    for header, (first, last) in groups.items():
        h = header_at[header]
        try:
            start = items.index(first, h + 1)
            if last is None:
                end = min([i for i in header_at.values() if i > h] + [len(items)]) - 1
            else:
                end = items.index(last, start)
        except ValueError:
            raise SystemExit(f"{top}: run {first!r}..{last!r} of {header!r} not found after the header") from None
        for i in range(start, end + 1):
            if i in parent_of:
                raise SystemExit(f"{top}: entry {items[i]!r} claimed by {parent_of[i]!r} and {header!r}")
            parent_of[i] = header
        run = items[start : end + 1]
        if _alphabetical_breaks(run):
            print(f"  note: {top} › {header}: children not alphabetical (contracted deeper level)")
    for header, h in header_at.items():
        if h in parent_of:
            raise SystemExit(f"{top}: header {header!r} is inside the run of {parent_of[h]!r}")

    nodes: dict[str, list[str]] = {}  # level-2 name -> children, in source order, merged
    for i, name in enumerate(items):
        parent = parent_of.get(i)
        if parent is None and name.startswith("LAINNYA TERKAIT ") and name[16:] in groups:
            parent = name[16:]
        if parent is None:
            nodes.setdefault(name, [])
        else:
            nodes.setdefault(parent, [])
            if name not in nodes[parent]:
                nodes[parent].append(name)
    return [{"name": name, "children": [{"name": c, "children": []} for c in kids]} for name, kids in nodes.items()]


def build_categories(src: Path) -> list[dict]:
    with (src / "categories" / "lapor_categories_2025_flat.json").open(encoding="utf-8") as fh:
        flat: dict[str, list[str]] = json.load(fh)
    unknown = set(CATEGORY_GROUPS) - set(flat)
    if unknown:
        raise SystemExit(f"reviewed groups for unknown top-level categories: {sorted(unknown)}")
    tree = []
    for top, entries in flat.items():
        top = _norm(top)
        items = [_norm(e) for e in entries]
        groups = CATEGORY_GROUPS.get(top, {})
        if not groups and _alphabetical_breaks(items):
            raise SystemExit(f"{top}: alphabetical breaks but no reviewed groups: review it and add CATEGORY_GROUPS")
        tree.append({"name": top, "children": _build_section(top, items, groups)})
    for node in tree:
        for sep_check in (node["name"], *(c["name"] for c in node["children"])):
            if SEP.strip() in sep_check:
                raise SystemExit(f"category name contains the path separator: {sep_check!r}")
    return tree


def _category_summary(tree: list[dict]) -> None:
    l2 = [c for top in tree for c in top["children"]]
    l3 = [g for c in l2 for g in c["children"]]
    groups = [c for c in l2 if c["children"]]
    print(
        f"categories: {len(tree)} top-level, {len(l2)} level-2 ({len(groups)} groups, {len(l2) - len(groups)} "
        f"leaves), {len(l3)} level-3 — {len(tree) + len(l2) + len(l3)} nodes"
    )
    for top in tree:
        if top["name"] in {"PEKERJAAN UMUM DAN PENATAAN RUANG", "ENERGI DAN SUMBER DAYA ALAM", "CORONA VIRUS"}:
            print(f"  {top['name']}")
            for c in top["children"]:
                kids = ", ".join(g["name"] for g in c["children"][:4])
                more = f", … (+{len(c['children']) - 4})" if len(c["children"]) > 4 else ""
                print(f"    {c['name']}" + (f" → {kids}{more}" if kids else ""))


# --- main ------------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", default=str(REPO_ROOT.parent / "shared" / "data"))
    parser.add_argument("--out", default=str(OUT_DIR))
    args = parser.parse_args(argv)
    src, out = Path(args.source).resolve(), Path(args.out).resolve()
    if not (src / "regions").is_dir() or not (src / "categories").is_dir():
        print(f"no reference data at {src}", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)

    regions = build_regions(src)
    codes = {row[0] for row in regions}
    _write_gzip_csv(out / "regions.csv.gz", ["code", "name", "level", "kind", "parent"], regions)
    counts = Counter((row[2], row[3]) for row in regions)
    print(f"regions: {len(regions)} — " + ", ".join(f"{kind} {n}" for (_lvl, kind), n in sorted(counts.items())))

    _write_gzip_csv(out / "population.csv.gz", ["code", "population"], build_population(src, codes))

    pemda = build_pemda(src, codes)
    _write_csv(out / "pemda.csv", ["code", "name", "kind", "region_name", "autonomous"], pemda)
    print(f"pemda: {len(pemda)} — " + ", ".join(f"{k} {n}" for k, n in sorted(Counter(r[2] for r in pemda).items())))

    tree = build_categories(src)
    with (out / "categories.json").open("w", encoding="utf-8") as fh:
        json.dump(tree, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    _category_summary(tree)

    for name in ("regions.csv.gz", "population.csv.gz", "pemda.csv", "categories.json"):
        print(f"wrote {out / name} ({(out / name).stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
