"""Indonesian labels of the controlled values, read from beside the values in the schemas (see vocabulary.py).

The values stay stable ids; the site shows these labels. Each dict keeps the schema's order, which is the
display order. A label is changed in innovations/_skema/*.schema.json ("x-labels", "x-help"), never here.
"""

from __future__ import annotations

from .vocabulary import own_vocabulary


def _labels(path: str, schema: str = "inovasi") -> dict[str, str]:
    return dict(own_vocabulary(schema, path).labels)


def _help(path: str) -> dict[str, str]:
    return dict(own_vocabulary("inovasi", path).help)


SECTOR_LABELS = _labels("klasifikasi.bidang")
KIND_LABELS = _labels("klasifikasi.jenis")
FORM_LABELS = _labels("klasifikasi.bentuk")
STAGE_LABELS = _labels("tahapan")
STATUS_LABELS = _labels("status")
PLAN_STATUS_LABELS = _labels("rencana_pengembangan[].status", schema="pembinaan")
FOLLOW_UP_LABELS = _labels("status_tindak_lanjut", schema="pembinaan")
LEVEL_LABELS = _labels("replikasi.kompleksitas")  # the same scale as replikasi.kelas_biaya (checked)
# What each level means, so writers and replicators read the same scale (guidance, never rupiah figures).
COST_HELP = _help("replikasi.kelas_biaya")
COMPLEXITY_HELP = _help("replikasi.kompleksitas")
PARTNER_KIND_LABELS = _labels("replikasi.jenis_mitra")
TARGET_GROUP_LABELS = _labels("klasifikasi.sasaran")
SETTING_LABELS = _labels("klasifikasi.latar")
EVENT_NAMES = _labels("sasaran.ajang", schema="putaran")
STAGE_KIND_LABELS = _labels("tahapan[].jenis", schema="edisi")
UNKNOWN = "belum terdokumentasi"
# laporan_kunjungan: tidak-ada, in the words issue 11 asks for
NO_VISIT_REPORT = "Sumber tidak melaporkan temuan atau rencana khusus untuk kunjungan ini."
