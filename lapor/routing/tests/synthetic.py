"""Small synthetic routing histories for tests: a few dinas with their own vocabulary, and kelurahan/kecamatan
offices that handle neighbourhood matters of their own place. Deterministic (seeded); no real texts.
"""

from __future__ import annotations

import datetime as dt
import random

from lapor.routing.engine import Record

DINAS = {
    "Dinas Perhubungan": ["lampu pju padam", "lampu jalan mati", "parkir liar di trotoar", "rambu lalu lintas rusak"],
    "Dinas Lingkungan Hidup": ["sampah menumpuk belum diangkut", "perantingan pohon rimbun", "pohon tumbang"],
    "Dinas Sumber Daya Air dan Bina Marga": ["jalan berlubang besar", "saluran tersumbat banjir", "paving ambles"],
    "Dinas Kesehatan": ["pelayanan puskesmas lambat", "fogging demam berdarah", "antrian bpjs di puskesmas"],
}
NEIGHBOURHOOD = ["surat pengantar rt rw lama", "pelayanan petugas kelurahan buruk", "pos rw tidak pernah buka"]
DISTRICT = ["pelayanan kantor kecamatan lambat", "tanda tangan camat belum keluar", "legalisir di kecamatan lama"]
PLACES = {  # kecamatan -> kelurahan
    "Gunung Anyar": ["Rungkut Tengah", "Gunung Anyar Tambak"],
    "Wonocolo": ["Jemur Wonosari", "Siwalankerto", "Margorejo"],
    "Tambaksari": ["Ploso", "Pacar Kembang", "Dukuh Setro"],
}
FILLER = ["mohon segera ditindaklanjuti", "terima kasih", "sudah dua minggu", "mohon bantuannya bapak ibu", ""]
START = dt.datetime(2022, 1, 1, 8, 0, tzinfo=dt.UTC)


def kelurahan_units() -> list[str]:
    return [f"Kelurahan {k}" for kels in PLACES.values() for k in kels]


def kecamatan_units() -> list[str]:
    return [f"Kecamatan {k}" for k in PLACES]


def history(n: int = 600, seed: int = 7) -> tuple[list[Record], list[str]]:
    """``n`` records over a year with their final unit: 70 % dinas, 20 % kelurahan, 10 % kecamatan offices.

    Location columns sometimes use another spelling ("Gununganyar", "Kel. Ploso"), as real exports do.
    """
    rng = random.Random(seed)
    records, labels = [], []
    for i in range(n):
        kec = rng.choice(list(PLACES))
        kel = rng.choice(PLACES[kec])
        roll = rng.random()
        if roll < 0.7:
            label = rng.choice(list(DINAS))
            problem = rng.choice(DINAS[label])
        elif roll < 0.9:
            label, problem = f"Kelurahan {kel}", rng.choice(NEIGHBOURHOOD)
        else:
            label, problem = f"Kecamatan {kec}", rng.choice(DISTRICT)
        kec_written = kec.replace(" ", "") if rng.random() < 0.3 else kec
        kel_written = f"Kel. {kel}" if rng.random() < 0.2 else kel
        street = rng.choice(["Jl. Mawar", "Jl. Melati", "Gang Kenanga", "Jl. Raya"]) + f" {rng.randint(1, 40)}"
        records.append(
            Record(
                text=f"{problem} di {street} {rng.choice(FILLER)}",
                address=street,
                kelurahan=kel_written,
                kecamatan=kec_written,
                submitted_at=START + dt.timedelta(hours=12 * i),
            )
        )
        labels.append(label)
    return records, labels
