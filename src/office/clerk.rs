//! The clerk's own preferences: one small TOML file in the clerk's XDG config directory
//! (`~/.config/kense/clerk.toml`, or `KENSE_CLERK_CONFIG`), written by the clerk, read at
//! start. What the office decides is in [`super::Settings`]; what only concerns the clerk's
//! own terminal is here.
//!
//! ```toml
//! [print]
//! # My terminal (PuTTY, KiTTY, mintty, xterm) passes printer controller mode to my
//! # printer: papers may be sent through it (issue 13).
//! terminal = true
//! ```
//!
//! A missing file is a clerk who set nothing: terminal printing stays off, since a
//! terminal that does not pass it on would show the PDF's bytes on the screen.

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The environment variable that points to another preferences file (tests).
pub const CLERK_CONFIG_ENV: &str = "KENSE_CLERK_CONFIG";

/// The clerk's preferences, and the file they came from (named in messages).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClerkPrefs {
    pub print: ClerkPrint,
    pub path: PathBuf,
}

/// The file's contents.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct File {
    print: ClerkPrint,
}

/// How the clerk prints.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ClerkPrint {
    /// Papers may go to the clerk's own printer through the terminal (opt-in).
    pub terminal: bool,
}

/// The preferences file: [`CLERK_CONFIG_ENV`] when set, else `kense/clerk.toml` in the
/// platform config directory (`$XDG_CONFIG_HOME`, else `~/.config`).
pub fn clerk_config_path() -> PathBuf {
    if let Some(path) = std::env::var_os(CLERK_CONFIG_ENV).filter(|v| !v.is_empty()) {
        return PathBuf::from(path);
    }
    directories::ProjectDirs::from("kz", "", "kense")
        .map(|dirs| dirs.config_dir().join("clerk.toml"))
        .unwrap_or_else(|| PathBuf::from("clerk.toml"))
}

impl ClerkPrefs {
    /// The clerk's preferences from [`clerk_config_path`].
    pub fn load() -> Result<Self, String> {
        Self::load_from(&clerk_config_path())
    }

    /// The preferences in `path`; the defaults when there is no such file. A file that is
    /// there but wrong is an error naming the file and the key.
    pub fn load_from(path: &Path) -> Result<Self, String> {
        // Read with the clerk's own rights (issue 15): under setgid the path is the
        // clerk's to choose, and must not reach a file only the group may read.
        let read =
            super::group::with_own_rights(|| std::fs::read_to_string(path)).and_then(|read| read);
        let text = match read {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        };
        let file: File = toml::from_str(&text).map_err(|e| {
            format!(
                "the clerk's preferences {} are not valid: {}",
                path.display(),
                e.to_string().trim_end()
            )
        })?;
        Ok(ClerkPrefs {
            print: file.print,
            path: path.to_path_buf(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_printing_is_off_unless_the_clerk_turns_it_on() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("clerk.toml");
        let missing = ClerkPrefs::load_from(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(!missing.print.terminal);
        std::fs::write(&path, "[print]\nterminal = true\n").unwrap_or_else(|e| panic!("{e}"));
        let on = ClerkPrefs::load_from(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(on.print.terminal);
        assert_eq!(on.path, path);
    }

    #[test]
    fn a_typo_is_named() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("clerk.toml");
        std::fs::write(&path, "[print]\nterminl = true\n").unwrap_or_else(|e| panic!("{e}"));
        let bad = ClerkPrefs::load_from(&path);
        assert!(matches!(&bad, Err(e) if e.contains("terminl")), "{bad:?}");
    }
}
