//! A head's signature on a day close (issue 15, "anchor the chain outside the file"), pure.
//!
//! The audit chain proves only that nobody edited a row *without recomputing the hashes
//! after it*: an intruder with write access to the file can re-hash the whole chain with the
//! README's algorithm. A close signed with the head's SSH key (OpenSSH's SSHSIG format,
//! `ssh-keygen -Y sign`, namespace [`NAMESPACE`]) anchors the chain where the intruder
//! cannot reach: the signature covers the close's facts and the hash of its own
//! `day_closed` entry, which depends on every entry before it, and its key is checked
//! against the office's `allowed_signers` file kept outside the register. A re-hashed chain
//! then fails at the first signed close after the change.
//!
//! The message is plain text (below), so a head can check a close by hand with
//! `ssh-keygen -Y verify -n kense-day` on the text `kense day show` prints.

use ssh_key::{HashAlg, PublicKey, SshSig};
use std::fmt;

/// The SSHSIG namespace of a day close: a signature made for anything else (git, files)
/// never passes for one.
pub const NAMESPACE: &str = "kense-day";

/// What a signed close vouches for: what the register records for the close, and the hash
/// of its own `day_closed` audit entry (which chains every entry before it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloseFacts {
    /// The closed day, `YYYY-MM-DD`.
    pub date: String,
    /// When it was closed (UTC, as stored).
    pub closed_at: String,
    /// The head's OS account that closed it.
    pub clerk: String,
    /// The id of the close's `day_closed` entry.
    pub audit_id: i64,
    /// The chain's head before the close (`day_closes.audit_hash`).
    pub audit_hash: String,
    /// The hash of the close's own `day_closed` entry.
    pub entry_hash: String,
}

impl CloseFacts {
    /// The signed message: one `name value` line each, in this order, after a first line
    /// naming the format (a later format gets a new first line, never a changed meaning).
    pub fn message(&self) -> String {
        format!(
            "kense day close v1\ndate {}\nclosed_at {}\nclerk {}\naudit_id {}\naudit_hash {}\n\
             entry_hash {}\n",
            self.date, self.closed_at, self.clerk, self.audit_id, self.audit_hash, self.entry_hash
        )
    }
}

/// Why a stored signature does not vouch for its close.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SignatureProblem {
    /// Not an armored SSHSIG (`-----BEGIN SSH SIGNATURE-----`).
    Unreadable { detail: String },
    /// Made for another namespace than [`NAMESPACE`].
    WrongNamespace { namespace: String },
    /// Does not match the close's data as the register holds it now: the close, or an entry
    /// before it, was changed after it was signed (or the chain re-hashed).
    Invalid,
    /// Its key is not in the allowed signers for the account that signed.
    NotAllowed {
        account: String,
        fingerprint: String,
    },
    /// The account that signed was never a head of the register.
    NotHead { account: String },
    /// Its `day_signed` audit entry is missing or records another signature.
    EntryMismatch,
    /// The office requires signed closes ([signing] required) and this one is not signed.
    Unsigned,
}

impl fmt::Display for SignatureProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unreadable { detail } => write!(f, "its signature cannot be read: {detail}"),
            Self::WrongNamespace { namespace } => write!(
                f,
                "its signature was made for the namespace {namespace:?}, not {NAMESPACE:?}"
            ),
            Self::Invalid => f.write_str(
                "its signature does not match the close as the register holds it now (the \
                 close or an audit entry before it was changed after signing)",
            ),
            Self::NotAllowed {
                account,
                fingerprint,
            } => write!(
                f,
                "it was signed with the key {fingerprint}, which the allowed signers do not \
                 list for the account {account}"
            ),
            Self::NotHead { account } => write!(
                f,
                "it was signed by the account {account}, which was not a head of the register"
            ),
            Self::EntryMismatch => f.write_str(
                "its signature is not the one its day_signed audit entry records (added, \
                 replaced or its entry removed)",
            ),
            Self::Unsigned => f.write_str(
                "it is not signed, and the office requires signed closes ([signing] required)",
            ),
        }
    }
}

/// The SHA-256 fingerprint of a signature's key (`SHA256:…`, as `ssh-keygen -l` prints).
pub fn fingerprint(signature: &SshSig) -> String {
    PublicKey::from(signature.public_key().clone())
        .fingerprint(HashAlg::Sha256)
        .to_string()
}

/// Reads an armored SSHSIG.
pub fn parse(armored: &str) -> Result<SshSig, SignatureProblem> {
    SshSig::from_pem(armored.trim()).map_err(|e| SignatureProblem::Unreadable {
        detail: e.to_string(),
    })
}

/// Checks `signature` is a [`NAMESPACE`] signature of `message` by its own key.
pub fn check(signature: &SshSig, message: &str) -> Result<(), SignatureProblem> {
    if signature.namespace() != NAMESPACE {
        return Err(SignatureProblem::WrongNamespace {
            namespace: signature.namespace().to_string(),
        });
    }
    PublicKey::from(signature.public_key().clone())
        .verify(NAMESPACE, message.as_bytes(), signature)
        .map_err(|e| match e {
            // A key kind kense cannot check is not a changed close: say which.
            ssh_key::Error::AlgorithmUnknown | ssh_key::Error::AlgorithmUnsupported { .. } => {
                SignatureProblem::Unreadable {
                    detail: e.to_string(),
                }
            }
            _ => SignatureProblem::Invalid,
        })
}

/// Checks a signature just made is by `key` and good for `message`, before it is stored:
/// a wrong key file or a confused agent is refused at the close, not found months later.
pub fn check_new(armored: &str, message: &str, key: &PublicKey) -> Result<SshSig, String> {
    let signature = parse(armored).map_err(|p| p.to_string())?;
    if signature.public_key() != key.key_data() {
        return Err(format!(
            "the signature was made with the key {}, not the key given ({})",
            fingerprint(&signature),
            key.fingerprint(HashAlg::Sha256)
        ));
    }
    check(&signature, message).map_err(|p| p.to_string())?;
    Ok(signature)
}

#[cfg(test)]
mod tests;
