//! Issue 15: the store's side of signed closes with keys made in Rust (no OpenSSH needed):
//! a close the signer does not sign, or signs with another key, is not made at all; one
//! signed is checked by `verify_signatures` against allowed signers.

mod common;

use common::{date, me, open_as, register_in, tempdir};
use kense::domain::allowed_signers::AllowedSigners;
use kense::domain::day_signature::NAMESPACE;
use kense::store::{CloseSigner, StoreError};
use ssh_key::rand_core::OsRng;
use ssh_key::{Algorithm, HashAlg, LineEnding, PrivateKey, PublicKey};

/// Signs with `key`, claiming to sign with `claimed`; or refuses, as an agent may.
struct InProcess {
    key: PrivateKey,
    claimed: PublicKey,
    refuse: bool,
}

impl CloseSigner for InProcess {
    fn key(&self) -> &PublicKey {
        &self.claimed
    }

    fn sign(&mut self, message: &str) -> Result<String, String> {
        if self.refuse {
            return Err("agent refused operation".into());
        }
        self.key
            .sign(NAMESPACE, HashAlg::Sha512, message.as_bytes())
            .and_then(|s| s.to_pem(LineEnding::LF))
            .map_err(|e| e.to_string())
    }
}

fn new_key() -> PrivateKey {
    PrivateKey::random(&mut OsRng, Algorithm::Ed25519).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_close_not_signed_or_signed_with_another_key_is_not_made() {
    let dir = tempdir();
    let db = register_in(&dir);
    let mut store = open_as(&db, &me());
    let today = date(2024, 3, 1);
    let key = new_key();
    let other = new_key();
    let mut refusing = InProcess {
        key: key.clone(),
        claimed: key.public_key().clone(),
        refuse: true,
    };
    let refused = store.close_day_signed(today, &mut refusing);
    assert!(
        matches!(&refused, Err(StoreError::SigningFailed { detail, .. }) if detail.contains("agent refused")),
        "{refused:?}"
    );
    let mut wrong = InProcess {
        key: other,
        claimed: key.public_key().clone(),
        refuse: false,
    };
    let refused = store.close_day_signed(today, &mut wrong);
    assert!(
        matches!(&refused, Err(StoreError::SigningFailed { detail, .. }) if detail.contains("not the key given")),
        "{refused:?}"
    );
    assert_eq!(
        store.is_closed(today).ok(),
        Some(false),
        "nothing was closed"
    );
    let mut good = InProcess {
        key: key.clone(),
        claimed: key.public_key().clone(),
        refuse: false,
    };
    let (close, signature) = store
        .close_day_signed(today, &mut good)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((close.date, signature.date), (today, today));
    assert_eq!(signature.clerk, me());
    let line = key
        .public_key()
        .to_openssh()
        .unwrap_or_else(|e| panic!("{e}"));
    let allowed =
        AllowedSigners::parse(&format!("{} {line}\n", me())).unwrap_or_else(|e| panic!("{e}"));
    let report = store
        .verify_signatures(Some(&allowed), None)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((report.closes, report.signed), (1, 1));
    assert!(report.checked && report.is_intact(), "{report:?}");
    let nobody = AllowedSigners::parse("").unwrap_or_else(|e| panic!("{e}"));
    let report = store
        .verify_signatures(Some(&nobody), None)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!report.is_intact(), "{report:?}");
    let again = store.sign_day(today, &mut good);
    assert!(
        matches!(&again, Err(StoreError::DayAlreadySigned { .. })),
        "{again:?}"
    );
}
