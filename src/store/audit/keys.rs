//! How a seal names the rows it records, and how verification finds them again (issue 15).
//!
//! A row is named by its table's key ([`super::digest::Fact::key`]). Where that key is
//! personal data (an IIN, a taxpayer's number, an account), a seal written since version
//! 14 records instead a keyed hash of it, so the seals name no IIN or BIN in clear: the
//! first 16 bytes, in lowercase hex, of the SHA-256 of the register's `audit_key` (32
//! random bytes made once, when the register reached version 14), the table's name as its
//! length (8 bytes big-endian) and bytes, and the key's bytes. Without the register's key
//! the hash cannot be turned back into the IIN by trying every IIN (a few hundred
//! million); with the file at hand there is nothing to hide, since the IIN is in the row.
//! What the log still names in clear (an IIN issued or deregistered, accounts, by design):
//! docs/SECURITY.md. Seals written before (no `"v": 2`) hold the key itself; both are
//! read alike.
//!
//! Verification compares keys as 128-bit fingerprints: the keyed hash where the key is
//! personal (a register without `audit_key` has no keyed seals: the key's [`fnv`]), the
//! key's [`fnv`] elsewhere.

use super::digest::{Fact, unhex};
use rusqlite::{Connection, OptionalExtension};
use sha2::{Digest, Sha256};

/// Version 14: the register's key for the keyed hashes of personal keys, made once.
pub(in crate::store) const SCHEMA: &str = "
    CREATE TABLE audit_key (secret BLOB NOT NULL CHECK (length(secret) = 32)) STRICT;
    INSERT INTO audit_key VALUES (randomblob(32));
    CREATE TRIGGER audit_key_no_insert BEFORE INSERT ON audit_key
    BEGIN SELECT RAISE(ABORT, 'audit_key is made once'); END;
    CREATE TRIGGER audit_key_no_update BEFORE UPDATE ON audit_key
    BEGIN SELECT RAISE(ABORT, 'audit_key is made once'); END;
    CREATE TRIGGER audit_key_no_delete BEFORE DELETE ON audit_key
    BEGIN SELECT RAISE(ABORT, 'audit_key is made once'); END;
";

/// A key's fingerprint, as verification compares them.
pub(super) type Fingerprint = u128;

/// The schema version that made `audit_key`: a register at it or later must have it.
const KEYED_SINCE: i64 = 14;

/// The register's key, as read: a hasher that has taken it in, cloned for each key.
#[derive(Clone)]
pub(super) struct Keys {
    keyed: Option<Sha256>,
    /// A register of version 14 or later without its key (dropped or replaced outside
    /// kense): no seal is written then (it would name IINs in clear), and verification
    /// names it.
    missing: bool,
}

impl Keys {
    /// The register's key; none in a register before version 14 (or one whose key is not
    /// 32 bytes: then every keyed seal is named unreadable, see [`Keys::seal_key`]).
    pub(super) fn read(conn: &Connection) -> rusqlite::Result<Keys> {
        let has_table: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'audit_key')",
            [],
            |r| r.get(0),
        )?;
        let secret: Option<Vec<u8>> = if has_table {
            conn.query_row("SELECT secret FROM audit_key LIMIT 1", [], |r| r.get(0))
                .optional()?
        } else {
            None
        };
        let keyed = secret.filter(|s| s.len() == 32).map(|secret| {
            let mut hasher = Sha256::new();
            hasher.update(&secret);
            hasher
        });
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let missing = keyed.is_none() && version >= KEYED_SINCE;
        Ok(Keys { keyed, missing })
    }

    /// True when the register should have its key and has none (see [`Keys::missing`]).
    pub(super) fn is_missing(&self) -> bool {
        self.missing
    }

    /// The error a write meets when the register's key is missing: the file is damaged.
    pub(super) fn missing_error() -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
            Some("the register's audit_key is missing or damaged".into()),
        )
    }

    /// True when seals can name personal rows by a keyed hash.
    pub(super) fn is_keyed(&self) -> bool {
        self.keyed.is_some()
    }

    /// The keyed hash of `key` in `table` (see the module docs); `None` without a key.
    pub(super) fn keyed(&self, table: &str, key: &str) -> Option<[u8; 16]> {
        let mut hasher = self.keyed.clone()?;
        hasher.update((table.len() as u64).to_be_bytes());
        hasher.update(table.as_bytes());
        hasher.update(key.as_bytes());
        let full = hasher.finalize();
        let mut out = [0u8; 16];
        out.copy_from_slice(&full[..16]);
        Some(out)
    }

    /// What a seal records for a row of `fact` whose key is `key`: the key itself, or its
    /// keyed hash in hex where the key is personal and the register has its key.
    pub(super) fn seal_key(&self, fact: &Fact, key: String) -> String {
        if !fact.personal {
            return key;
        }
        match self.keyed(fact.table, &key) {
            Some(hash) => super::digest::hex(&hash),
            None => key,
        }
    }

    /// The fingerprint of a row of `fact` whose key, as its table holds it, is `key`.
    pub(super) fn of_row(&self, fact: &Fact, key: &str) -> Fingerprint {
        if !fact.personal {
            return fnv(key);
        }
        match self.keyed(fact.table, key) {
            Some(hash) => u128::from_be_bytes(hash),
            None => fnv(key),
        }
    }

    /// The fingerprint of a key as a seal recorded it: `keyed` when the seal names
    /// personal rows by their keyed hash (version 2). `None`: a keyed name that is not
    /// 32 hex digits, or a keyed seal in a register without its key.
    pub(super) fn of_sealed(&self, fact: &Fact, key: &str, keyed: bool) -> Option<Fingerprint> {
        if keyed && fact.personal {
            self.keyed.as_ref()?;
            unhex(key).map(u128::from_be_bytes)
        } else {
            Some(self.of_row(fact, key))
        }
    }
}

/// Two 64-bit FNV-1a hashes of `key` with different bases: a fingerprint that holds no
/// string and is cheap to make. It is not made to resist a chosen key: it names only rows
/// whose keys kense numbers itself (ids, sequence numbers, dates); every key a clerk
/// types (an IIN, a taxpayer's number, an account) is personal and keyed. Two rows found
/// with one fingerprint are told apart by their digests (which cover the key); two keys
/// recorded with one fingerprint would be taken for one row, so a row could go unseen:
/// with keys kense numbers, two of them colliding in 128 bits is not a practical chance.
pub(super) fn fnv(key: &str) -> Fingerprint {
    let (mut a, mut b) = (0xcbf2_9ce4_8422_2325_u64, 0x6c62_272e_07bb_0142_u64);
    for byte in key.bytes() {
        a = (a ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        b = (b ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    (u128::from(a) << 64) | u128::from(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::audit::digest::fact;

    fn keys() -> Keys {
        let mut conn = Connection::open_in_memory().expect("memory");
        crate::store::schema::MIGRATIONS
            .to_latest(&mut conn)
            .expect("migrate");
        Keys::read(&conn).expect("keys")
    }

    #[test]
    fn a_personal_key_is_sealed_as_its_keyed_hash_and_found_again() {
        let keys = keys();
        assert!(keys.is_keyed());
        let (_, persons) = fact("persons").expect("persons");
        let sealed = keys.seal_key(persons, "900517300014".into());
        assert_eq!(sealed.len(), 32);
        assert!(!sealed.contains("900517"));
        assert_eq!(
            keys.of_sealed(persons, &sealed, true),
            Some(keys.of_row(persons, "900517300014"))
        );
        // A seal from before version 14 holds the IIN itself: the same fingerprint.
        assert_eq!(
            keys.of_sealed(persons, "900517300014", false),
            Some(keys.of_row(persons, "900517300014"))
        );
        // The table is in the hash: the same IIN in another table is another name.
        let (_, issued) = fact("iin_issued").expect("iin_issued");
        assert_ne!(keys.seal_key(issued, "900517300014".into()), sealed);
    }

    #[test]
    fn a_key_that_is_no_personal_data_is_sealed_as_it_is() {
        let keys = keys();
        let (_, documents) = fact("documents").expect("documents");
        assert_eq!(keys.seal_key(documents, "17".into()), "17");
        assert_eq!(keys.of_sealed(documents, "17", true), Some(fnv("17")));
    }

    #[test]
    fn two_registers_have_two_keys() {
        let (a, b) = (keys(), keys());
        assert_ne!(a.keyed("persons", "1"), b.keyed("persons", "1"));
    }

    #[test]
    fn a_register_that_lost_its_key_writes_no_seal() {
        let mut conn = Connection::open_in_memory().expect("memory");
        crate::store::schema::MIGRATIONS
            .to_version(&mut conn, 13)
            .expect("13");
        assert!(!Keys::read(&conn).expect("keys").is_missing(), "before 14");
        // The version that makes the key is the one the check expects it from.
        assert_eq!(
            crate::store::schema::MIGRATIONS
                .to_version(&mut conn, usize::try_from(KEYED_SINCE).expect("version"))
                .map(|()| Keys::read(&conn).map(|k| k.is_keyed())),
            Ok(Ok(true))
        );
        crate::store::schema::MIGRATIONS
            .to_latest(&mut conn)
            .expect("migrate");
        conn.execute_batch(
            "DROP TRIGGER audit_key_no_delete; DELETE FROM audit_key;
             INSERT INTO persons VALUES ('900517300014', 'А', 'Б', NULL, '1990-05-17', 'x');",
        )
        .expect("tamper");
        assert!(Keys::read(&conn).expect("keys").is_missing());
        let sealed = crate::store::audit::seal::seal(&conn, "t", "aigul.zh");
        assert!(
            matches!(&sealed, Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseCorrupt),
            "{sealed:?}"
        );
        let found = crate::store::audit::verify(&conn).expect("verify");
        assert_eq!(
            found.first_bad.map(|b| b.problem),
            Some(crate::store::Problem::AuditKeyMissing)
        );
    }

    #[test]
    fn the_key_is_made_once() {
        let mut conn = Connection::open_in_memory().expect("memory");
        crate::store::schema::MIGRATIONS
            .to_latest(&mut conn)
            .expect("migrate");
        for sql in [
            "UPDATE audit_key SET secret = zeroblob(32)",
            "DELETE FROM audit_key",
            "INSERT INTO audit_key VALUES (zeroblob(32))",
        ] {
            assert!(conn.execute(sql, []).is_err(), "{sql}");
        }
    }
}
