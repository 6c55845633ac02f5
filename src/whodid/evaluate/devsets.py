"""Where the development gold sets live under ../shared/data, and in which format: one list for the
accuracy benchmark and the sample tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class DevSet:
    name: str
    format: str
    relative_path: str  # under the shared data folder
    full_limit: int | None = None  # items the accuracy benchmark scores (None: all)

    def path(self, data_root: Path) -> Path:
        return data_root / self.relative_path


DEV_SETS: tuple[DevSet, ...] = (
    DevSet("seed", "seed", "seed/gold.yaml"),
    DevSet("PLOVER gold-standard records", "plover-gsr", "dev/plover-gsr/PLOVER_GSR_CAMEO.txt"),
    DevSet("CASE 2021 task 2", "case2021", "dev/case2021-task2/test_set_final_release_with_labels.tsv"),
    DevSet("ConfliBERT CAMEO classes", "conflibert-class", "dev/conflibert-cameo/class/train.tsv", 2000),
    DevSet("ConfliBERT CAMEO actors", "conflibert-ner", "dev/conflibert-cameo/ner/train.txt", 2000),
    DevSet("event-location (adjudicated)", "event-location", "dev/event-location/labeled_text.jsonl.zip"),
    DevSet("IndiaPoliceEvents documents", "ipe-docs", "dev/indiapoliceevents/docs.jsonl"),
    DevSet("IndiaPoliceEvents sentences", "ipe-sents", "dev/indiapoliceevents/sents.jsonl", 5000),
    DevSet("MUC-4 (GRIT dev)", "muc4", "dev/muc4-grit/dev.json"),
)


def default_data_root() -> Path:
    """../shared/data beside the project checkout."""
    return Path(__file__).resolve().parents[3].parent / "shared" / "data"
