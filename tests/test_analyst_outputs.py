"""The notebook runs top to bottom and `unrest report` draws a real chart, both against a
warehouse built in the test."""

import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from conftest import REPO, run_unrest


def test_notebook_runs_top_to_bottom(built_warehouse):
    nb = nbformat.read(REPO / "notebooks" / "iran_unrest.ipynb", as_version=4)
    assert all(not cell.get("outputs") for cell in nb.cells if cell.cell_type == "code"), "outputs must be stripped in git"
    os.environ["UNREST_WAREHOUSE"] = str(built_warehouse["warehouse"])
    try:
        NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(REPO / "notebooks")}}).execute()
    finally:
        os.environ.pop("UNREST_WAREHOUSE", None)
    outputs = "".join(str(o) for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs)
    assert "Error" not in outputs
    assert "ngo_to_state_ratio" in outputs and "tighten" in outputs and "1.84" in outputs  # 2022: 551 (NGO) vs 300 (state)


def test_report_writes_a_non_blank_png_and_a_page(built_warehouse, tmp_path):
    done = run_unrest("report", "--country", "IRN", "--out", str(tmp_path), "--warehouse", str(built_warehouse["warehouse"]), check=True)
    png, page = tmp_path / "IRN_timeline.png", tmp_path / "IRN_report.html"
    assert str(png) in done.stdout
    import matplotlib.image as mpimg

    image = mpimg.imread(png)
    height, width = image.shape[:2]
    assert width >= 800 and height >= 500
    assert image[..., :3].std() > 0.05  # not a blank canvas
    html = page.read_text()
    assert "IRN_timeline.png" in html and "withdraw_agreement" in html and "<table>" in html
    assert run_unrest("report", "--country", "ZZZ", "--out", str(tmp_path), "--warehouse", str(built_warehouse["warehouse"])).returncode == 1
