//! Issue 15, "bind every row to the chain": every row of every fact table is sealed with
//! its digest in an audit entry, and `audit verify` names the first row that disagrees,
//! by its table and row number (never its personal data). Each test tampers with a real
//! register file as an intruder with the `sqlite3` shell would (triggers dropped where
//! they are in the way), then runs the real binary.

mod common;
mod dsn_support;

use common::{kense, me, open_as, raw, register_in};
use dsn_support::tempdir;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A register holding a row of every kind: a demo's formularies, persons, documents,
/// transitions, conclusions, acts and closes; a DSN taxpayer, application and rows; a
/// generated IIN; a print; the staff. Made once, copied for each test.
fn base() -> &'static Path {
    static BASE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, db) = BASE.get_or_init(|| {
        let dir = tempdir();
        let db = register_in(&dir);
        let demo = kense(&db, &["demo", "--count", "600", "--seed", "7"]);
        assert_eq!(demo.code, Some(0), "{}", demo.stderr);
        let taxpayer = dsn_support::bin(1);
        dsn_support::add(&db, &taxpayer);
        let application =
            dsn_support::app(&taxpayer, 3, "053", vec![dsn_support::product(1, "АИ-92")]);
        let applied = dsn_support::apply(&db, &application);
        assert_eq!(applied.code, Some(0), "{}", applied.stderr);
        let iin = common::generate(&db);
        assert_eq!(iin.code, Some(0), "{}", iin.stderr);
        open_as(&db, &me())
            .record_print("report", "2026-01-05", &"0".repeat(64), 1, "pdf")
            .unwrap_or_else(|e| panic!("{e}"));
        for table in [
            "persons",
            "documents",
            "conclusions",
            "destructions",
            "dsn_applications",
            "dsn_products",
            "prints",
            "staff",
            "iin_issued",
        ] {
            assert!(common::count(&db, table) > 0, "the base has {table}");
        }
        let verified = kense(&db, &["audit", "verify"]);
        assert_eq!(verified.code, Some(0), "untouched: {}", verified.stdout);
        (dir, db)
    });
    db
}

/// A copy of the base register in `dir`.
fn copy(dir: &tempfile::TempDir) -> PathBuf {
    let db = register_in(dir);
    std::fs::copy(base(), &db).unwrap_or_else(|e| panic!("{e}"));
    db
}

/// The first rowid of `table` matching `filter`.
fn rowid(db: &Path, table: &str, filter: &str) -> i64 {
    raw(db)
        .query_row(
            &format!("SELECT MIN(rowid) FROM {table} WHERE {filter}"),
            [],
            |r| r.get(0),
        )
        .unwrap_or_else(|e| panic!("{table}: {e}"))
}

/// `audit verify` exits 1, saying each of `says`; returns what it printed.
fn caught(db: &Path, says: &[&str]) -> String {
    let run = kense(db, &["audit", "verify"]);
    assert_eq!(run.code, Some(1), "{}{}", run.stdout, run.stderr);
    for part in says {
        assert!(run.stdout.contains(part), "{part:?} in {}", run.stdout);
    }
    let json = kense(db, &["audit", "verify", "--json"]).json();
    assert_eq!(json["intact"], false, "{json}");
    run.stdout
}

/// Runs `sql` on a copy of the base, then expects `row <rowid> of <table>` changed.
fn changed(table: &str, filter: &str, sql: &str) -> String {
    let dir = tempdir();
    let db = copy(&dir);
    let row = rowid(&db, table, filter);
    raw(&db)
        .execute_batch(&sql.replace("{row}", &row.to_string()))
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    caught(
        &db,
        &[
            &format!("row {row} of {table} does not match"),
            "changed outside kense",
        ],
    )
}

#[test]
fn an_edited_document_is_named_by_its_row() {
    changed(
        "documents",
        "1",
        "UPDATE documents SET number = 'AB0000001' WHERE rowid = {row}",
    );
}

#[test]
fn an_edited_conclusion_is_named_by_its_row() {
    changed(
        "conclusions",
        "1",
        "DROP TRIGGER conclusions_no_change;
         UPDATE conclusions SET outcome = CASE outcome WHEN 'confirm' THEN 'refuse'
             ELSE 'confirm' END WHERE rowid = {row}",
    );
}

#[test]
fn an_edited_destruction_act_is_named_by_its_row() {
    changed(
        "destructions",
        "1",
        "DROP TRIGGER destructions_no_change;
         UPDATE destructions SET act_number = 'A-999' WHERE rowid = {row}",
    );
}

#[test]
fn an_edited_person_is_named_by_its_row_without_the_iin() {
    let dir = tempdir();
    let db = copy(&dir);
    let (row, iin): (i64, String) = raw(&db)
        .query_row(
            "SELECT rowid, iin FROM persons ORDER BY rowid LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    raw(&db)
        .execute(
            "UPDATE persons SET surname = 'ИВАНОВ' WHERE rowid = ?1",
            [row],
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let said = caught(&db, &[&format!("row {row} of persons does not match")]);
    assert!(!said.contains(&iin), "no IIN in: {said}");
}

#[test]
fn an_edited_dsn_application_is_named_by_its_row() {
    changed(
        "dsn_applications",
        "1",
        "DROP TRIGGER dsn_applications_fixed;
         UPDATE dsn_applications SET country = 5 WHERE rowid = {row}",
    );
}

#[test]
fn an_edited_dsn_product_row_is_named() {
    changed(
        "dsn_products",
        "code IS NOT NULL",
        "DROP TRIGGER dsn_products_no_update;
         UPDATE dsn_products SET spec = 'другое' WHERE rowid = {row}",
    );
}

#[test]
fn a_promoted_staff_member_is_named_by_the_row() {
    changed(
        "staff",
        "1",
        "UPDATE staff SET full_name = 'Someone Else' WHERE rowid = {row}",
    );
}

#[test]
fn an_edited_print_is_named_by_its_row() {
    changed(
        "prints",
        "1",
        "DROP TRIGGER prints_no_update; UPDATE prints SET copies = 3 WHERE rowid = {row}",
    );
}

#[test]
fn an_edited_generated_iin_is_named_by_its_row() {
    changed(
        "iin_issued",
        "1",
        "DROP TRIGGER iin_issued_no_update;
         UPDATE iin_issued SET clerk = 'someone' WHERE rowid = {row}",
    );
}

#[test]
fn a_rewritten_formulary_of_a_sealed_day_is_named() {
    // The data of a closed day's formulary, which the older checks did not see.
    changed(
        "formularies",
        "registered_on IN (SELECT date FROM day_closes)",
        "DROP TRIGGER formularies_sealed_update;
         UPDATE formularies SET district_code = district_code || '0' WHERE rowid = {row}",
    );
}

#[test]
fn a_deleted_document_is_named_by_its_id_and_entry() {
    let dir = tempdir();
    let db = copy(&dir);
    let id = rowid(&db, "documents", "1");
    raw(&db)
        .execute("DELETE FROM documents WHERE id = ?1", [id])
        .unwrap_or_else(|e| panic!("{e}"));
    caught(
        &db,
        &[&format!(
            "row {id} of documents, recorded by this entry, is gone"
        )],
    );
}

#[test]
fn an_inserted_complaint_is_named_by_its_row() {
    let dir = tempdir();
    let db = copy(&dir);
    let conn = raw(&db);
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF;
         INSERT INTO dsn_complaints (application_id, body, filed_on, due_on, clerk, audit_id)
         SELECT id, 'provider', registered_on, due_on, clerk, 999999 FROM dsn_applications
         LIMIT 1;",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let row = conn.last_insert_rowid();
    caught(
        &db,
        &[&format!("row {row} of dsn_complaints has no audit entry")],
    );
}

#[test]
fn a_change_made_with_the_triggers_in_place_is_not_sealed_by_the_next_write() {
    // The shell keeps kense's triggers, which note the row for a seal; the next real write
    // must not seal the intruder's change with its own rows.
    let dir = tempdir();
    let db = copy(&dir);
    let row = rowid(&db, "documents", "1");
    raw(&db)
        .execute(
            "UPDATE documents SET number = 'AB0000001' WHERE rowid = ?1",
            [row],
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let next = common::generate(&db);
    assert_eq!(next.code, Some(0), "{}", next.stderr);
    caught(&db, &[&format!("row {row} of documents does not match")]);
}

#[test]
fn a_chain_rehashed_with_the_readme_s_algorithm_is_still_caught_at_the_row() {
    let dir = tempdir();
    let db = copy(&dir);
    let row = rowid(&db, "persons", "1");
    let conn = raw(&db);
    conn.execute_batch(
        "DROP TRIGGER audit_log_no_update; DROP TRIGGER day_closes_no_update;
         PRAGMA foreign_keys = OFF;",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    conn.execute(
        "UPDATE persons SET given_name = 'АЛИЯ' WHERE rowid = ?1",
        [row],
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // The whole chain recomputed, as the README documents it, and the closes' heads with it.
    let entries = open_as(&db, &me())
        .audit_entries()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut prev = kense::store::GENESIS.to_string();
    for e in &entries {
        let hash = kense::store::entry_hash(
            &prev,
            e.id,
            &e.at,
            &e.clerk,
            &e.action,
            &e.subject,
            &e.details_json,
        );
        conn.execute(
            "UPDATE audit_log SET prev_hash = ?2, hash = ?3 WHERE id = ?1",
            rusqlite::params![e.id, prev, hash],
        )
        .unwrap_or_else(|err| panic!("{err}"));
        conn.execute(
            "UPDATE day_closes SET audit_hash = ?2 WHERE audit_hash = ?1",
            rusqlite::params![e.prev_hash, prev],
        )
        .unwrap_or_else(|err| panic!("{err}"));
        prev = hash;
    }
    caught(&db, &[&format!("row {row} of persons does not match")]);
}

/// Writes, as kense before version 10 did, one generated IIN and its entry (no seal).
fn legacy_register(db: &Path) {
    let mut conn = raw(db);
    kense::store::MIGRATIONS
        .to_version(&mut conn, 9)
        .unwrap_or_else(|e| panic!("{e}"));
    let (at, clerk) = ("2026-01-05T05:00:00.000000Z", me());
    let details = r#"{"serial":1}"#;
    let hash = kense::store::entry_hash(
        kense::store::GENESIS,
        1,
        at,
        &clerk,
        "iin_generated",
        "900517300014",
        details,
    );
    conn.execute(
        "INSERT INTO audit_log VALUES (1, ?1, ?2, 'iin_generated', '900517300014', ?3, ?4, ?5)",
        rusqlite::params![at, clerk, details, kense::store::GENESIS, hash],
    )
    .unwrap_or_else(|e| panic!("{e}"));
    conn.execute_batch(&format!(
        "INSERT INTO iin_issued VALUES ('900517300014', '1990-05-17', 'male', 1, '{at}',
             '{clerk}', 1);
         INSERT INTO staff VALUES ('{clerk}', '{clerk}', 'head', 1, '{at}', '{at}', NULL);"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_register_written_before_digests_verifies_and_its_new_rows_are_bound() {
    let dir = tempdir();
    let db = register_in(&dir);
    legacy_register(&db);
    // The first write of this kense upgrades it to version 10: its rows are older than
    // the digests, the new one is sealed.
    let next = common::generate(&db);
    assert_eq!(next.code, Some(0), "{}", next.stderr);
    let verified = kense(&db, &["audit", "verify"]);
    assert_eq!(verified.code, Some(0), "{}", verified.stdout);
    // A row inserted since is caught, though the table held unsealed rows before.
    raw(&db)
        .execute_batch(
            "PRAGMA foreign_keys = OFF;
             INSERT INTO iin_issued VALUES ('900517300022', '1990-05-17', 'male', 2,
                 '2026-01-05T06:00:00.000000Z', 'x', 77);",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    caught(
        &db,
        &["row 3 of iin_issued has no audit entry recording it"],
    );
}

#[test]
fn moving_the_start_of_digests_is_named() {
    let dir = tempdir();
    let db = copy(&dir);
    raw(&db)
        .execute_batch(
            "DROP TRIGGER audit_digest_start_no_update;
             UPDATE audit_digest_start SET max_rowid = 1000000 WHERE tbl = 'documents';",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    caught(&db, &["where row digests began"]);
}
