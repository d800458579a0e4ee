//! The digests that bind the register's rows to the audit chain (issue 15), in one place.
//!
//! A row's digest is the SHA-256 of its table's name and of the values of its table's
//! [`Fact::columns`], in that order, each as a type tag (`n` null, `i` integer, `r` real,
//! `t` text, `b` blob) followed, for all but null, by its value: an integer as 8 bytes
//! big-endian two's complement, a real as the 8 bytes big-endian of its IEEE bits, a text
//! or a blob as its length (8 bytes big-endian) and its bytes. The digest kept is the first
//! 16 bytes of the hash, in lowercase hex (32 characters): enough that finding another row
//! with the same digest is out of reach, half the size in a register of millions of rows.
//!
//! Derived columns (folded name keys, generated numbers) are no facts and left out. A
//! column added to a fact table changes its digests: it needs a new digest version.

use rusqlite::types::ValueRef;
use sha2::{Digest, Sha256};

pub(crate) type RowDigest = [u8; 16];

/// A table that holds the register's facts, as the digests see it.
pub(crate) struct Fact {
    pub(crate) table: &'static str,
    /// SQL naming a row for good (its primary key, as text): what an entry records it by.
    pub(crate) key: &'static str,
    /// True when the key is personal data (an IIN, a taxpayer's number, an account): a
    /// verification message then names the row by its rowid only.
    pub(crate) personal: bool,
    /// The columns digested, in this order.
    pub(crate) columns: &'static [&'static str],
}

/// Every fact table, in the order verification walks them.
pub(crate) const FACTS: &[Fact] = &[
    Fact {
        table: "formularies",
        key: "CAST(id AS TEXT)",
        personal: false,
        columns: &[
            "id",
            "number",
            "coupon",
            "year",
            "seq",
            "registered_on",
            "clerk",
            "iin",
            "surname",
            "given_name",
            "patronymic",
            "surname_key",
            "given_key",
            "filling_code",
            "region_code",
            "district_code",
            "document",
            "status",
            "formulary_json",
            "status_since",
        ],
    },
    Fact {
        table: "transitions",
        key: "formulary_id || '/' || seq",
        personal: false,
        columns: &[
            "formulary_id",
            "seq",
            "from_state",
            "to_state",
            "event_json",
            "clerk",
            "at",
            "reason",
            "audit_id",
        ],
    },
    Fact {
        table: "persons",
        key: "iin",
        personal: true,
        columns: &[
            "iin",
            "surname",
            "given_name",
            "patronymic",
            "birth_date",
            "updated_at",
        ],
    },
    Fact {
        table: "documents",
        key: "CAST(id AS TEXT)",
        personal: false,
        columns: &[
            "id",
            "iin",
            "kind",
            "number",
            "issued_on",
            "formulary_id",
            "invalid_reason",
            "invalid_since",
        ],
    },
    Fact {
        table: "conclusions",
        key: "year || '/' || seq",
        personal: false,
        columns: &[
            "year",
            "seq",
            "number",
            "date",
            "outcome",
            "formulary_id",
            "clerk",
            "audit_id",
            "protocol_number",
            "protocol_date",
            "approver_name",
        ],
    },
    Fact {
        table: "destructions",
        key: "CAST(formulary_id AS TEXT)",
        personal: false,
        columns: &[
            "act_number",
            "formulary_id",
            "destroyed_at",
            "clerk",
            "audit_id",
        ],
    },
    Fact {
        table: "corrections",
        key: "formulary_id || '/' || seq",
        personal: false,
        columns: &[
            "formulary_id",
            "seq",
            "at",
            "clerk",
            "old_json",
            "old_sha256",
            "new_sha256",
            "audit_id",
        ],
    },
    Fact {
        table: "issues",
        key: "CAST(formulary_id AS TEXT)",
        personal: false,
        columns: &[
            "formulary_id",
            "by_paper",
            "receipt",
            "mrz_read",
            "withdrawn_json",
            "audit_id",
        ],
    },
    Fact {
        table: "iin_issued",
        key: "iin",
        personal: true,
        columns: &[
            "iin",
            "birth_date",
            "sex",
            "serial",
            "issued_at",
            "clerk",
            "audit_id",
        ],
    },
    Fact {
        table: "iin_births",
        key: "iin",
        personal: true,
        columns: &[
            "iin",
            "certificate_number",
            "certificate_date",
            "certificate_issuer",
            "parent_document",
            "zags_found",
            "applied_on",
            "request_due",
            "request_sent_on",
        ],
    },
    Fact {
        table: "day_closes",
        key: "date",
        personal: false,
        columns: &["date", "closed_at", "clerk", "audit_hash", "audit_id"],
    },
    Fact {
        table: "day_signatures",
        key: "date",
        personal: false,
        columns: &[
            "date",
            "signature",
            "fingerprint",
            "signed_at",
            "clerk",
            "audit_id",
        ],
    },
    Fact {
        table: "prints",
        key: "kind || '/' || subject || '/' || first_copy",
        personal: true,
        columns: &[
            "kind",
            "subject",
            "first_copy",
            "copies",
            "sha256",
            "at",
            "clerk",
            "audit_id",
        ],
    },
    Fact {
        table: "staff",
        key: "account",
        personal: true,
        columns: &[
            "account",
            "full_name",
            "role",
            "active",
            "added_at",
            "changed_at",
            "audit_id",
        ],
    },
    Fact {
        table: "dsn_taxpayers",
        key: "tin",
        personal: true,
        columns: &[
            "tin", "kind", "name", "added_at", "clerk", "audit_id", "activity", "place",
        ],
    },
    Fact {
        table: "dsn_subjects",
        key: "tin",
        personal: true,
        columns: &["tin", "code", "audit_id"],
    },
    Fact {
        table: "dsn_applications",
        key: "CAST(id AS TEXT)",
        personal: false,
        columns: &[
            "id",
            "tin",
            "tin_kind",
            "taxpayer",
            "subject_type",
            "country",
            "unit",
            "received_at",
            "registered_on",
            "due_on",
            "handed_over_on",
            "clerk",
            "audit_id",
            "passed_to_provider_on",
            "requested_on",
            "requested_due",
            "sent_back_on",
        ],
    },
    Fact {
        table: "dsn_products",
        key: "application_id || '/' || row_no",
        personal: false,
        columns: &[
            "application_id",
            "row_no",
            "tin",
            "product",
            "name",
            "name_key",
            "spec",
            "code",
            "brand",
            "refusal",
            "existing_code",
            "audit_id",
        ],
    },
    Fact {
        table: "dsn_complaints",
        key: "CAST(id AS TEXT)",
        personal: false,
        columns: &[
            "id",
            "application_id",
            "body",
            "filed_on",
            "due_on",
            "clerk",
            "audit_id",
        ],
    },
];

/// The fact table named `table`, with its place in [`FACTS`].
pub(crate) fn fact(table: &str) -> Option<(usize, &'static Fact)> {
    FACTS.iter().enumerate().find(|(_, f)| f.table == table)
}

impl Fact {
    /// `SELECT rowid, <key>, <columns> FROM <table>`, with `tail` after it.
    pub(crate) fn select(&self, tail: &str) -> String {
        format!(
            "SELECT rowid, {}, {} FROM {} {tail}",
            self.key,
            self.columns.join(", "),
            self.table
        )
    }

    /// The digest of a row read by [`Fact::select`] (its columns from the third on).
    pub(crate) fn digest(&self, row: &rusqlite::Row<'_>) -> rusqlite::Result<RowDigest> {
        let mut hasher = Sha256::new();
        let name = self.table.as_bytes();
        hasher.update((name.len() as u64).to_be_bytes());
        hasher.update(name);
        for i in 0..self.columns.len() {
            match row.get_ref(i + 2)? {
                ValueRef::Null => hasher.update(b"n"),
                ValueRef::Integer(v) => {
                    hasher.update(b"i");
                    hasher.update(v.to_be_bytes());
                }
                ValueRef::Real(v) => {
                    hasher.update(b"r");
                    hasher.update(v.to_bits().to_be_bytes());
                }
                ValueRef::Text(bytes) => bytes_with_tag(&mut hasher, b"t", bytes),
                ValueRef::Blob(bytes) => bytes_with_tag(&mut hasher, b"b", bytes),
            }
        }
        let full = hasher.finalize();
        let mut digest = [0u8; 16];
        digest.copy_from_slice(&full[..16]);
        Ok(digest)
    }
}

/// A text or a blob: its tag, its length and its bytes.
fn bytes_with_tag(hasher: &mut Sha256, tag: &[u8], bytes: &[u8]) {
    hasher.update(tag);
    hasher.update((bytes.len() as u64).to_be_bytes());
    hasher.update(bytes);
}

/// Bytes in lowercase hex (a digest, a hash of the chain): by table, as the chain walk
/// writes one per entry.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    text
}

/// A digest read back from hex; `None` when it is not 32 hex digits.
pub(crate) fn unhex(text: &str) -> Option<RowDigest> {
    let bytes = text.as_bytes();
    if bytes.len() != 32 {
        return None;
    }
    // Lowercase only, as `hex` writes them: a digest in capitals was not written by kense.
    let nibble = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    let mut digest = [0u8; 16];
    for (i, pair) in bytes.chunks_exact(2).enumerate() {
        digest[i] = (nibble(pair[0])? << 4) | nibble(pair[1])?;
    }
    Some(digest)
}
