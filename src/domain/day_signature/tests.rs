//! Signed closes with keys made in Rust (the end-to-end tests use `ssh-keygen` and the agent:
//! tests/day_signing.rs).

use super::*;
use crate::domain::allowed_signers::AllowedSigners;
use ssh_key::rand_core::OsRng;
use ssh_key::{Algorithm, LineEnding, PrivateKey};

fn facts() -> CloseFacts {
    CloseFacts {
        date: "2026-12-05".into(),
        closed_at: "2026-12-05T13:00:00.000000Z".into(),
        clerk: "aigul".into(),
        audit_id: 42,
        audit_hash: "ab".repeat(32),
        entry_hash: "cd".repeat(32),
    }
}

fn key() -> PrivateKey {
    PrivateKey::random(&mut OsRng, Algorithm::Ed25519).unwrap_or_else(|e| panic!("{e}"))
}

fn sign(key: &PrivateKey, namespace: &str, message: &str) -> String {
    key.sign(namespace, HashAlg::Sha512, message.as_bytes())
        .and_then(|s| s.to_pem(LineEnding::LF))
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_message_names_every_fact_in_order() {
    assert_eq!(
        facts().message(),
        format!(
            "kense day close v1\ndate 2026-12-05\nclosed_at 2026-12-05T13:00:00.000000Z\n\
             clerk aigul\naudit_id 42\naudit_hash {}\nentry_hash {}\n",
            "ab".repeat(32),
            "cd".repeat(32)
        )
    );
}

#[test]
fn a_signature_holds_for_its_close_and_for_no_other() {
    let key = key();
    let message = facts().message();
    let armored = sign(&key, NAMESPACE, &message);
    let signature =
        check_new(&armored, &message, key.public_key()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(check(&signature, &message), Ok(()));
    // Every fact is covered: change any one and the signature fails.
    let mut changed = Vec::new();
    for i in 0..6 {
        let mut f = facts();
        match i {
            0 => f.date = "2026-12-04".into(),
            1 => f.closed_at = "2026-12-05T13:00:01.000000Z".into(),
            2 => f.clerk = "bolat".into(),
            3 => f.audit_id = 43,
            4 => f.audit_hash = "ac".repeat(32),
            _ => f.entry_hash = "ce".repeat(32),
        }
        changed.push(check(&signature, &f.message()));
    }
    assert!(
        changed.iter().all(|r| *r == Err(SignatureProblem::Invalid)),
        "{changed:?}"
    );
}

#[test]
fn another_namespace_or_key_is_refused() {
    let key = key();
    let message = facts().message();
    let git = sign(&key, "git", &message);
    let parsed = parse(&git).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        check(&parsed, &message),
        Err(SignatureProblem::WrongNamespace {
            namespace: "git".into()
        })
    );
    let other = self::key();
    let by_other = sign(&other, NAMESPACE, &message);
    let refused = check_new(&by_other, &message, key.public_key());
    assert!(
        matches!(&refused, Err(e) if e.contains("not the key given")),
        "{refused:?}"
    );
    assert!(matches!(
        parse("-----BEGIN SSH SIGNATURE-----\nnope\n-----END SSH SIGNATURE-----\n"),
        Err(SignatureProblem::Unreadable { .. })
    ));
}

#[test]
fn the_allowed_signers_decide_who_may_sign() {
    let key = key();
    let line = key
        .public_key()
        .to_openssh()
        .unwrap_or_else(|e| panic!("{e}"));
    let signers =
        AllowedSigners::parse(&format!("aigul {line}\n")).unwrap_or_else(|e| panic!("{e}"));
    let signature = parse(&sign(&key, NAMESPACE, "m")).unwrap_or_else(|e| panic!("{e}"));
    assert!(signers.allows("aigul", signature.public_key()));
    assert!(!signers.allows("bolat", signature.public_key()));
    assert!(fingerprint(&signature).starts_with("SHA256:"));
}
