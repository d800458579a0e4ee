//! The kense binary where another OS account can run it (the tests that run kense under
//! `runuser`): cargo builds it inside the checkout, which may sit in a directory only its
//! owner can enter (a clone in `mktemp -d`, mode 0700). A hard link (or, across file
//! systems, a copy) beside the test's shared register is reachable wherever the register
//! is, and goes with its temporary directory.

use std::path::{Path, PathBuf};

/// The binary, linked into `dir` (a directory every account may enter) once.
pub fn kense_in(dir: &Path) -> PathBuf {
    let here = dir.join("kense-bin");
    if !here.exists() {
        let built = Path::new(env!("CARGO_BIN_EXE_kense"));
        if std::fs::hard_link(built, &here).is_err() {
            std::fs::copy(built, &here).unwrap_or_else(|e| panic!("copy kense: {e}"));
        }
    }
    here
}
