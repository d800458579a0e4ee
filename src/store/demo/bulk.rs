//! Filling a new register in bulk: its search indexes built once at the end, not row by
//! row, and the checks that cannot fail on a demo's own rows left out while it writes.
//!
//! Only for a register with no formularies yet, and only inside the fill's one
//! transaction: no other clerk ever sees the register without them, and a fill that fails
//! or is killed rolls them back with everything else.

use rusqlite::Connection;

/// The schema objects the fill suspends: every index SQLite does not make itself on the
/// formularies and the documents (random inserts into them cost more than building them
/// once by sorting), and the day-seal triggers on formularies and transitions (a demo
/// writes only into the days it has not closed yet; see `synth.rs`), and the trigger that
/// keeps `status_since` (the fill writes it with the formulary, not once per move).
const SUSPENDED: &str = "SELECT type, name, sql FROM sqlite_master
    WHERE sql IS NOT NULL AND (
        (type = 'index' AND tbl_name IN ('formularies', 'documents', 'transitions'))
        OR (type = 'trigger' AND name IN ('formularies_sealed_insert', 'transitions_sealed',
            'formularies_status_since')))
    ORDER BY type, name";

/// What [`suspend`] took away, as the statements that make it again.
pub(super) struct Suspended(Vec<String>);

/// Drops the [`SUSPENDED`] objects, keeping their SQL. Call inside the fill's transaction.
pub(super) fn suspend(conn: &Connection) -> rusqlite::Result<Suspended> {
    let objects: Vec<(String, String, String)> = conn
        .prepare(SUSPENDED)?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut sql = Vec::with_capacity(objects.len());
    for (kind, name, create) in objects {
        let kind = if kind == "index" { "INDEX" } else { "TRIGGER" };
        conn.execute_batch(&format!("DROP {kind} \"{}\"", name.replace('"', "\"\"")))?;
        sql.push(create);
    }
    Ok(Suspended(sql))
}

impl Suspended {
    /// Makes every suspended object again, with its own SQL, before the fill commits.
    pub(super) fn restore(self, conn: &Connection) -> rusqlite::Result<()> {
        for create in self.0 {
            conn.execute_batch(&create)?;
        }
        Ok(())
    }
}
