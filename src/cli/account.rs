//! Who is acting: the OS account of the process (issue 12).
//!
//! Every clerk logs in over SSH with an account of their own, so the kernel already knows
//! who is at the keyboard. kense records the account of the process's *real* uid, looked up
//! in the account database: not `$USER` (the environment says what it likes), not the
//! effective uid (a set-uid wrapper would record its owner), and never a name typed on the
//! command line (`--clerk` and `KENSE_CLERK` are no longer taken).

use crate::store::{Clerk, StoreError};

/// The account of the process's real uid, as the store records it.
pub fn os_account() -> Result<Clerk, StoreError> {
    let uid = nix::unistd::getuid();
    let name = nix::unistd::User::from_uid(uid)
        .ok()
        .flatten()
        .map(|user| user.name);
    match name {
        Some(name) => Clerk::new(&name),
        None => Err(StoreError::NoAccount { uid: uid.as_raw() }),
    }
}

/// Whether `account` is an account of this system (for `kense staff add`, which would
/// otherwise take a typo as a new member of staff who can never log in).
pub fn account_exists(account: &str) -> bool {
    matches!(nix::unistd::User::from_name(account), Ok(Some(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_account_is_the_real_uids_whatever_the_environment_says() {
        // The test process's own uid has an account in any
        // environment the tests run in (CI as root, a developer as themselves).
        let clerk = os_account().unwrap_or_else(|e| panic!("{e}"));
        let expected = nix::unistd::User::from_uid(nix::unistd::getuid())
            .ok()
            .flatten()
            .map(|u| u.name)
            .unwrap_or_default();
        assert_eq!(clerk.as_str(), expected);
        assert!(account_exists(clerk.as_str()));
        assert!(!account_exists("no-such-account-kense-test"));
    }
}
