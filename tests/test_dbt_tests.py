"""The combined dbt tests on the two marts that grow with the corpus: one scan per test, and
a failing row still names the column at fault."""

import shutil

import duckdb


def compiled_test(built_warehouse, prefix: str) -> str:
    compiled = built_warehouse["warehouse"].parent / ".build" / "dbt_target" / "compiled"
    [path] = list(compiled.rglob(f"{prefix}*.sql"))  # dbt shortens long test names
    return path.read_text()


def test_combined_tests_pass_on_a_good_build_and_name_the_bad_column(built_warehouse, tmp_path):
    broken = tmp_path / "unrest.duckdb"  # dbt's SQL names the catalog after the file: `unrest`
    shutil.copy(built_warehouse["warehouse"], broken)
    vocabulary = compiled_test(built_warehouse, "columns_in_vocabulary_fct_clai")
    not_null = compiled_test(built_warehouse, "columns_not_null_fct_event_rep")
    con = duckdb.connect(str(broken))
    try:
        assert con.execute(vocabulary).fetchall() == []
        assert con.execute(not_null).fetchall() == []
        con.execute("update marts.fct_claims set claimant_type = 'oracle' where claim_id = (select min(claim_id) from marts.fct_claims)")
        con.execute("update marts.fct_event_reports set stance = null where report_id = (select min(report_id) from marts.fct_event_reports)")
        assert con.execute(vocabulary).fetchall() == [("claimant_type", "oracle", 1)]
        assert con.execute(not_null).fetchall() == [("stance", 1)]
    finally:
        con.close()
