//! The office's installation at start (issue 15, `docs/DEPLOY.md`): under setgid, the
//! environment kense keeps and the one register it opens.

use super::register::RegisterOptions;
use crate::office::{DEFAULT_CONFIG, Settings, config_path, group};
use std::io::Write;
use std::process::ExitCode;

/// [`office_register`] with the office's settings, its refusal said on stderr (exit 2).
pub(super) fn office_register_or_exit(options: &mut RegisterOptions) -> Result<(), ExitCode> {
    let settings = Settings::load().ok();
    office_register(options, settings.as_ref()).map_err(|message| {
        let _ = writeln!(
            super::safe::Escaping::new(std::io::stderr()),
            "kense: {message}"
        );
        ExitCode::from(super::BAD_SETTINGS)
    })
}

/// Under the office's installation (kense setgid, or run by a member of the office's
/// group), points `options` at the office's register, shared with the group, and refuses
/// `--db` and `KENSE_DB`: with the group's rights, a register the clerk names would be any
/// file the group may write. `settings` are the office's (none when they could not be
/// read: the command then fails on them, or needs no register). The error is the message.
fn office_register(
    options: &mut RegisterOptions,
    settings: Option<&Settings>,
) -> Result<(), String> {
    let group_name = settings.map_or(crate::office::DEFAULT_GROUP, |s| &s.register.group);
    if !group::is_office_install(group_name) {
        return Ok(());
    }
    let given = if options.db.is_some() {
        Some("--db")
    } else if std::env::var_os("KENSE_DB").is_some_and(|v| !v.is_empty()) {
        Some("KENSE_DB")
    } else {
        None
    };
    let defaults = Settings::default();
    let register = &settings.unwrap_or(&defaults).register;
    if let Some(given) = given {
        let config = config_path();
        let from = if config.as_os_str() == DEFAULT_CONFIG {
            format!("register.path in {DEFAULT_CONFIG}")
        } else {
            format!("register.path in {}", config.display())
        };
        return Err(format!(
            "{given} is not taken: kense is installed setgid to the group {} and opens only the office's register, {} ({from}); ask the administrator for another register",
            register.group,
            register.path.display()
        ));
    }
    if settings.is_none() {
        // The command fails on the settings, or needs no register.
        return Ok(());
    }
    options.db = Some(register.path.clone());
    options.shared = true;
    Ok(())
}
