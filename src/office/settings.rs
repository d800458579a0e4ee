//! The office's settings file: one TOML file, read once at start.
//!
//! A missing file is an office that has not set anything yet: the defaults hold (Asia/Almaty,
//! no print queue, no name for papers). A file that is there but cannot be read or parsed is
//! an error naming the file and the key, never silently ignored: an office that set its time
//! zone must not get the default because of a typo.

use chrono_tz::Tz;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Where the office's settings are, unless [`CONFIG_ENV`] says otherwise.
pub const DEFAULT_CONFIG: &str = "/etc/kense/kense.toml";
/// The environment variable that points to another settings file (tests, a second office on
/// one server).
pub const CONFIG_ENV: &str = "KENSE_CONFIG";

/// The office's settings, with the defaults for what the file does not set.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Who the office is and where.
    pub office: Office,
    /// Where papers go when printed on the server.
    pub print: Print,
    /// The office's own terms for the work queue (issue 12).
    pub queue: Queue,
    /// Heads' signatures on day closes (issue 15).
    pub signing: Signing,
    /// The office's register and its group (issue 15, the setgid installation).
    pub register: Register,
}

/// Signed day closes (issue 15): whether the office requires them, and where it keeps the
/// heads' public keys.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Signing {
    /// Every close must be signed (`kense day close --sign KEY.pub`): an unsigned close is
    /// refused, and `audit verify` reports one found.
    pub required: bool,
    /// With `required`: the first day that must be signed (`"YYYY-MM-DD"`), so the closes
    /// made before the office began signing do not fail `audit verify`. Unset: every day.
    pub since: Option<chrono::NaiveDate>,
    /// The office's `allowed_signers` file (OpenSSH format: a head's OS account and their
    /// public key a line), e.g. `/etc/kense/allowed_signers`: what `audit verify` checks the
    /// signatures against when `--allowed-signers` is not given.
    pub allowed_signers: Option<PathBuf>,
}

impl Signing {
    /// The first day the office requires signed, when it requires any.
    pub fn required_since(&self) -> Option<chrono::NaiveDate> {
        self.required
            .then(|| self.since.unwrap_or(chrono::NaiveDate::MIN))
    }

    /// True when the close of `date` must be signed.
    pub fn requires(&self, date: chrono::NaiveDate) -> bool {
        self.required_since().is_some_and(|since| date >= since)
    }
}

/// Where the office's register is, and the system group that owns it. Under the setgid
/// installation (`docs/DEPLOY.md`) this is the only register kense opens.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Register {
    /// The register file.
    pub path: PathBuf,
    /// The system group the register, its directory and the `kense` binary (setgid)
    /// belong to.
    pub group: String,
}

/// The register of an office that sets none: the FHS place of a system's variable data.
pub const DEFAULT_REGISTER: &str = "/var/lib/kense/register.sqlite";
/// The office's group when the settings name none.
pub const DEFAULT_GROUP: &str = "kense";

impl Default for Register {
    fn default() -> Self {
        Self {
            path: PathBuf::from(DEFAULT_REGISTER),
            group: DEFAULT_GROUP.to_string(),
        }
    }
}

/// The office itself.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Office {
    /// The office's name as printed on papers, in Russian and in Kazakh.
    pub name_ru: String,
    pub name_kk: String,
    /// The office's own region (4 digits) and district (3 digits) of M-App2: the default
    /// codes of a new formulary.
    pub region: Option<String>,
    pub district: Option<String>,
    /// The office's time zone, an IANA name. Kazakhstan has one zone, UTC+5, since
    /// 1 March 2024.
    #[serde(deserialize_with = "time_zone")]
    pub time_zone: Tz,
}

impl Default for Office {
    fn default() -> Self {
        Self {
            name_ru: String::new(),
            name_kk: String::new(),
            region: None,
            district: None,
            time_zone: chrono_tz::Asia::Almaty,
        }
    }
}

/// Printing on the server.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Print {
    /// The CUPS queue (`lp -d QUEUE`); none: papers are not sent to a server printer.
    pub queue: Option<String>,
}

/// The work queue's terms that the Rules leave to the office.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Queue {
    /// Working days after sending after which a formulary not yet back (manufactured or
    /// returned, M-40) waits on the office, to be asked after. Order No. 451 sets no term.
    pub sent_back_within_working_days: u32,
}

/// 15 working days (three weeks): a formulary that long at the manufacturer is worth a
/// call; the office sets its own.
pub const DEFAULT_SENT_BACK_WITHIN: u32 = 15;

impl Default for Queue {
    fn default() -> Self {
        Self {
            sent_back_within_working_days: DEFAULT_SENT_BACK_WITHIN,
        }
    }
}

/// Why the settings file could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("cannot read the office's settings {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the office's settings {} are not valid: {message}", path.display())]
    Invalid { path: PathBuf, message: String },
    /// Issue 15: under setgid, a settings file a clerk could have written would choose the
    /// register kense opens with the group's rights.
    #[error(
        "{CONFIG_ENV}={} is not taken: kense is installed setgid, and only settings that root owns and nobody else may change (the file and its directory) are read; unset {CONFIG_ENV} to use {DEFAULT_CONFIG}",
        path.display()
    )]
    Untrusted { path: PathBuf },
}

fn time_zone<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Tz, D::Error> {
    let name = String::deserialize(d)?;
    name.parse::<Tz>().map_err(|_| {
        serde::de::Error::custom(format!(
            "time_zone: {name:?} is not an IANA time zone (e.g. \"Asia/Almaty\")"
        ))
    })
}

/// The settings file to read: [`CONFIG_ENV`] when set and not empty, else [`DEFAULT_CONFIG`].
pub fn config_path() -> PathBuf {
    std::env::var_os(CONFIG_ENV)
        .filter(|v| !v.is_empty())
        .map_or_else(|| PathBuf::from(DEFAULT_CONFIG), PathBuf::from)
}

/// Whether `path` is the administrator's file, which a clerk cannot have written (issue 15):
/// see [`administrators_path`].
pub fn administrators(path: &Path) -> bool {
    administrators_path(path).is_some()
}

/// The file `path` names with every link resolved, when root owns it and every directory
/// above it and no one else may change any of them (a directory others may write only
/// with the sticky bit, as `/tmp`, where the root-owned entries stay root's). Checked on the
/// resolved path and read from it: a clerk who swaps a link of their own between the check
/// and the read changes nothing, as no part of the resolved path is theirs.
pub fn administrators_path(path: &Path) -> Option<PathBuf> {
    use std::os::unix::fs::MetadataExt;
    let resolved = std::fs::canonicalize(path).ok()?;
    let file = std::fs::symlink_metadata(&resolved).ok()?;
    let file_ok = file.is_file() && file.uid() == 0 && file.mode() & 0o022 == 0;
    let dirs_ok = resolved.ancestors().skip(1).all(|dir| {
        std::fs::symlink_metadata(dir).is_ok_and(|meta| {
            let sticky = meta.mode() & 0o1000 != 0;
            meta.is_dir() && meta.uid() == 0 && (meta.mode() & 0o022 == 0 || sticky)
        })
    });
    (file_ok && dirs_ok).then_some(resolved)
}

impl Settings {
    /// The office's settings from [`config_path`]. Under setgid (issue 15) a file named by
    /// [`CONFIG_ENV`] is read only when it is the administrator's ([`administrators`]).
    pub fn load() -> Result<Self, SettingsError> {
        let path = config_path();
        if super::group::is_setgid() && path != Path::new(DEFAULT_CONFIG) {
            return match administrators_path(&path) {
                Some(resolved) => Self::load_from(&resolved),
                None => Err(SettingsError::Untrusted { path }),
            };
        }
        Self::load_from(&path)
    }

    /// The settings in `path`; the defaults when there is no such file. Read with the
    /// clerk's own rights (issue 15): the settings are public (0644), and a file only the
    /// group may read is not shown to a clerk through a parse error.
    pub fn load_from(path: &Path) -> Result<Self, SettingsError> {
        let read =
            super::group::with_own_rights(|| std::fs::read_to_string(path)).and_then(|read| read);
        match read {
            Ok(text) => Self::parse(&text).map_err(|message| SettingsError::Invalid {
                path: path.to_path_buf(),
                message,
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(source) => Err(SettingsError::Read {
                path: path.to_path_buf(),
                source,
            }),
        }
    }

    /// The settings in a TOML text; the error names the key and the line.
    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| e.to_string().trim_end().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_set_is_the_defaults() {
        let settings = Settings::parse("").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(settings, Settings::default());
        assert_eq!(settings.office.time_zone, chrono_tz::Asia::Almaty);
    }

    #[test]
    fn a_file_sets_the_office() {
        let text = "[office]\nname_ru = \"ОМ района\"\ntime_zone = \"Asia/Aqtobe\"\nregion = \"1902\"\n\n[print]\nqueue = \"front\"\n";
        let settings = Settings::parse(text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(settings.office.name_ru, "ОМ района");
        assert_eq!(settings.office.time_zone, chrono_tz::Asia::Aqtobe);
        assert_eq!(settings.office.region.as_deref(), Some("1902"));
        assert_eq!(settings.print.queue.as_deref(), Some("front"));
    }

    #[test]
    fn the_queue_term_has_a_default_and_can_be_set() {
        let settings = Settings::parse("").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            settings.queue.sent_back_within_working_days,
            DEFAULT_SENT_BACK_WITHIN
        );
        let set = Settings::parse("[queue]\nsent_back_within_working_days = 20\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(set.queue.sent_back_within_working_days, 20);
        let typo = Settings::parse("[queue]\nsent_back_within = 20\n");
        assert!(
            matches!(&typo, Err(e) if e.contains("sent_back_within")),
            "{typo:?}"
        );
        let negative = Settings::parse("[queue]\nsent_back_within_working_days = -1\n");
        assert!(negative.is_err(), "{negative:?}");
    }

    #[test]
    fn signing_is_off_unless_required_and_since_limits_it() {
        let off = Settings::parse("").unwrap_or_else(|e| panic!("{e}"));
        let day = |d: &str| {
            d.parse::<chrono::NaiveDate>()
                .unwrap_or_else(|e| panic!("{e}"))
        };
        assert!(!off.signing.requires(day("2026-12-05")));
        let all = Settings::parse("[signing]\nrequired = true\n").unwrap_or_else(|e| panic!("{e}"));
        assert!(all.signing.requires(day("1999-01-01")));
        let text = "[signing]\nrequired = true\nsince = \"2026-12-01\"\nallowed_signers = \"/etc/kense/allowed_signers\"\n";
        let since = Settings::parse(text).unwrap_or_else(|e| panic!("{e}"));
        assert!(!since.signing.requires(day("2026-11-30")));
        assert!(since.signing.requires(day("2026-12-01")));
        assert_eq!(
            since.signing.allowed_signers,
            Some(PathBuf::from("/etc/kense/allowed_signers"))
        );
        let bad = Settings::parse("[signing]\nsince = \"1.12.2026\"\n");
        assert!(matches!(&bad, Err(e) if e.contains("since")), "{bad:?}");
    }

    #[test]
    fn the_register_and_its_group_have_defaults_and_can_be_set() {
        let settings = Settings::parse("").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(settings.register.path, PathBuf::from(DEFAULT_REGISTER));
        assert_eq!(settings.register.group, DEFAULT_GROUP);
        let set = Settings::parse("[register]\npath = \"/srv/k/r.sqlite\"\ngroup = \"office\"\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(set.register.path, PathBuf::from("/srv/k/r.sqlite"));
        assert_eq!(set.register.group, "office");
        let typo = Settings::parse("[register]\nfile = \"/srv/k/r.sqlite\"\n");
        assert!(matches!(&typo, Err(e) if e.contains("file")), "{typo:?}");
    }

    #[test]
    fn only_roots_unchangeable_settings_are_the_administrators() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("kense.toml");
        std::fs::write(&path, "").unwrap_or_else(|e| panic!("{e}"));
        // The temporary directory is the test account's, 0700: root's only when the tests
        // run as root, and then its mode decides.
        let root = nix::unistd::geteuid().is_root();
        assert_eq!(administrators(&path), root);
        assert!(!administrators(&dir.path().join("missing.toml")));
        if root {
            use std::os::unix::fs::PermissionsExt;
            let writable = std::fs::Permissions::from_mode(0o666);
            std::fs::set_permissions(&path, writable).unwrap_or_else(|e| panic!("{e}"));
            assert!(!administrators(&path), "a file others may change");
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644))
                .unwrap_or_else(|e| panic!("{e}"));
            // Through a link: what counts is the resolved path, every directory on it
            // root's. A directory of another account (nobody) on the way is not.
            let link = dir.path().join("via");
            std::os::unix::fs::symlink(dir.path(), &link).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                administrators_path(&link.join("kense.toml")),
                std::fs::canonicalize(&path).ok()
            );
            let theirs = dir.path().join("theirs");
            std::fs::create_dir(&theirs).unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(theirs.join("kense.toml"), "").unwrap_or_else(|e| panic!("{e}"));
            std::os::unix::fs::chown(&theirs, Some(65534), None).unwrap_or_else(|e| panic!("{e}"));
            std::fs::remove_file(&link).unwrap_or_else(|e| panic!("{e}"));
            std::os::unix::fs::symlink(&theirs, &link).unwrap_or_else(|e| panic!("{e}"));
            assert!(
                !administrators(&link.join("kense.toml")),
                "a root file in a directory another account may change"
            );
        }
    }

    #[test]
    fn a_bad_zone_or_key_is_named() {
        let bad_zone = Settings::parse("[office]\ntime_zone = \"Asia/Nowhere\"\n");
        assert!(
            matches!(&bad_zone, Err(e) if e.contains("time_zone")),
            "{bad_zone:?}"
        );
        let typo = Settings::parse("[office]\ntimezone = \"Asia/Almaty\"\n");
        assert!(
            matches!(&typo, Err(e) if e.contains("timezone")),
            "{typo:?}"
        );
    }

    #[test]
    fn a_missing_file_is_the_defaults_and_an_unreadable_one_is_an_error() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let missing = Settings::load_from(&dir.path().join("kense.toml"));
        assert!(matches!(missing, Ok(s) if s == Settings::default()));
        // A directory where the file should be cannot be read.
        let unreadable = Settings::load_from(dir.path());
        assert!(matches!(unreadable, Err(SettingsError::Read { .. })));
    }
}
