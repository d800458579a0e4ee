//! The doctor's checks of files: the binary, the settings, the register's directory, the
//! register and the files SQLite keeps beside it (issue 15, `docs/DEPLOY.md`).

use super::Finding;
use crate::cli::register::{RegisterOptions, open_read};
use crate::office::{Settings, administrators, group};
use crate::store::{StoreError, sidecar_is_loose, sidecars};
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

/// The set-group-id bit of a file's mode.
const SETGID: u32 = 0o2000;

/// A mode as `ls -l`'s octal: 0660, 2770.
fn octal(mode: u32) -> String {
    format!("{:04o}", mode & 0o7777)
}

/// Whether the binary at `exe` carries the setgid bit.
pub(super) fn binary_is_setgid(exe: &Path) -> bool {
    fs::metadata(exe).is_ok_and(|meta| meta.mode() & SETGID != 0)
}

/// The binary, the group and the settings of the office's installation.
pub(super) fn office_install(exe: &Path, config: &Path, settings: &Settings) -> Vec<Finding> {
    let name = &settings.register.group;
    let mut findings = Vec::new();
    let Some(gid) = group::group_id(name) else {
        findings.push(Finding::fix(
            exe,
            format!("the office's group {name} does not exist"),
            format!("groupadd --system {name}"),
        ));
        return findings;
    };
    let exe_shown = exe.display();
    match fs::metadata(exe) {
        Err(e) => findings.push(Finding::fix(
            exe,
            format!("cannot read the binary: {e}"),
            "install it as docs/DEPLOY.md says",
        )),
        Ok(meta) if meta.mode() & SETGID == 0 || meta.gid() != gid.as_raw() => {
            findings.push(Finding::fix(
                exe,
                format!(
                    "the binary is {} of the group {}, not setgid to {name}",
                    octal(meta.mode()),
                    group::group_name(meta.gid())
                ),
                format!("chgrp {name} {exe_shown} && chmod 2755 {exe_shown}"),
            ))
        }
        Ok(meta) if meta.uid() != 0 || meta.mode() & 0o022 != 0 => findings.push(Finding::fix(
            exe,
            "the binary may be changed by someone other than root: whoever replaces it has the group's rights",
            format!("chown root {exe_shown} && chmod 2755 {exe_shown}"),
        )),
        Ok(_) if !group::is_office_install(name) => findings.push(Finding::fix(
            exe,
            format!("the binary is setgid to {name}, but this run did not get the group"),
            "install it on a file system mounted without nosuid",
        )),
        Ok(meta) => findings.push(Finding::ok(
            exe,
            format!("setgid to {name} ({}), root's", octal(meta.mode())),
        )),
    }
    findings.push(settings_file(config));
    findings
}

/// The settings under setgid: root's, changed by nobody else, readable by every clerk
/// (kense reads them with the clerk's own rights).
fn settings_file(config: &Path) -> Finding {
    let shown = config.display();
    match fs::metadata(config) {
        Err(_) => Finding::ok(config, "no settings file: the defaults hold"),
        Ok(_) if !administrators(config) => Finding::fix(
            config,
            "the settings (or their directory) are not root's alone to change",
            format!(
                "chown root:root {shown} && chmod 0644 {shown} (and its directory 0755, root's)"
            ),
        ),
        Ok(meta) if meta.mode() & 0o004 == 0 => Finding::fix(
            config,
            format!(
                "mode {}: clerks cannot read the settings",
                octal(meta.mode())
            ),
            format!("chmod 0644 {shown}"),
        ),
        Ok(meta) => Finding::ok(config, format!("root's, {}", octal(meta.mode()))),
    }
}

/// The office's register: its directories, the file, and what is beside it.
pub(super) fn office_register(register: &Path, name: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    let Some(gid) = group::group_id(name).map(|g| g.as_raw()) else {
        return findings;
    };
    let dir = register.parent().unwrap_or(Path::new("/"));
    let dir_shown = dir.display();
    match fs::metadata(dir) {
        Err(e) => findings.push(Finding::fix(
            dir,
            format!("the register's directory: {e}"),
            format!("install -d -o root -g {name} -m 2770 {dir_shown}"),
        )),
        Ok(meta) if meta.gid() != gid || meta.mode() & 0o7777 != 0o2770 || meta.uid() != 0 => {
            findings.push(Finding::fix(
                dir,
                format!(
                    "the register's directory is {} of {}:{}, not 2770 of root:{name} (the group writes the -wal and -shm there; setgid, new files get the group)",
                    octal(meta.mode()),
                    owner(meta.uid()),
                    group::group_name(meta.gid())
                ),
                format!("chown root:{name} {dir_shown} && chmod 2770 {dir_shown}"),
            ))
        }
        Ok(_) => findings.push(Finding::ok(dir, format!("2770, root:{name}"))),
    }
    findings.extend(ancestors(dir));
    let shown = register.display();
    let meta = match fs::symlink_metadata(register) {
        Ok(meta) => meta,
        Err(e) => {
            findings.push(Finding::fix(
                register,
                format!("no register: {e}"),
                format!(
                    "make it the first head's: install -o HEAD -g {name} -m 0660 /dev/null {shown}, then HEAD runs kense staff add HEAD --role head"
                ),
            ));
            return findings;
        }
    };
    if !meta.file_type().is_file() {
        findings.push(Finding::fix(
            register,
            "not a plain file (a link or a directory)",
            "put the register itself there",
        ));
    } else if meta.gid() != gid || meta.mode() & 0o7777 != 0o660 {
        findings.push(Finding::fix(
            register,
            format!(
                "the register is {} of the group {}, not 0660 of {name}",
                octal(meta.mode()),
                group::group_name(meta.gid())
            ),
            format!("chgrp {name} {shown} && chmod 0660 {shown}"),
        ));
    } else {
        findings.push(Finding::ok(
            register,
            format!("0660, {}:{name}", owner(meta.uid())),
        ));
    }
    findings.extend(beside(register, &meta));
    findings
}

/// The directories above the register's: root's, and writable by others only when sticky
/// (/tmp), so that nobody else can put another directory in the register's place.
fn ancestors(dir: &Path) -> Vec<Finding> {
    dir.ancestors()
        .skip(1)
        .filter_map(|a| fs::metadata(a).ok().map(|meta| (a, meta)))
        .filter(|(_, meta)| {
            meta.uid() != 0 || (meta.mode() & 0o022 != 0 && meta.mode() & 0o1000 == 0)
        })
        .map(|(a, meta)| {
            Finding::fix(
                a,
                format!(
                    "above the register, {} of {}: its owner or group could move the register's directory",
                    octal(meta.mode()),
                    owner(meta.uid())
                ),
                format!("chown root {} && chmod go-w {}", a.display(), a.display()),
            )
        })
        .collect()
}

/// A single-user register: the account's own, 0600, in a directory nobody else writes.
pub(super) fn own_register(register: &Path) -> Vec<Finding> {
    let shown = register.display();
    let meta = match fs::symlink_metadata(register) {
        Ok(meta) => meta,
        Err(_) => {
            return vec![Finding::ok(
                register,
                "no register yet: the first write makes it 0600",
            )];
        }
    };
    let mut findings = Vec::new();
    let dir = register.parent().filter(|d| !d.as_os_str().is_empty());
    if let Some(dir) = dir
        && let Ok(dir_meta) = fs::metadata(dir)
        && dir_meta.mode() & 0o022 != 0
        && dir_meta.mode() & 0o1000 == 0
    {
        findings.push(Finding::fix(
            dir,
            format!(
                "the register's directory is {}: others could plant a -wal beside it",
                octal(dir_meta.mode())
            ),
            format!("chmod go-w {}", dir.display()),
        ));
    }
    if meta.mode() & 0o077 != 0 {
        findings.push(Finding::fix(
            register,
            format!(
                "mode {}: others may read the personal data",
                octal(meta.mode())
            ),
            format!("chmod 0600 {shown} (or install the office's setgid setup, docs/DEPLOY.md)"),
        ));
    } else {
        findings.push(Finding::ok(
            register,
            format!("{}, this account's", octal(meta.mode())),
        ));
    }
    findings.extend(beside(register, &meta));
    findings
}

/// The -wal, -shm and -journal beside the register: each one kense would take.
fn beside(register: &Path, meta: &fs::Metadata) -> Vec<Finding> {
    sidecars(register)
        .into_iter()
        .filter_map(|sidecar| {
            let found = fs::symlink_metadata(&sidecar).ok()?;
            let shown = sidecar.display();
            Some(if sidecar_is_loose(meta.mode(), meta.gid(), &found) {
                Finding::fix(
                    &sidecar,
                    format!(
                        "{} of the group {}, looser than the register: kense refuses the register",
                        octal(found.mode()),
                        group::group_name(found.gid())
                    ),
                    format!("while no kense runs, check who made it, then rm {shown}"),
                )
            } else {
                Finding::ok(
                    &sidecar,
                    format!("{}, as the register", octal(found.mode())),
                )
            })
        })
        .collect()
}

/// Opens the register for reading, as a command that reads would.
pub(super) fn opens(options: &RegisterOptions, register: &Path) -> Option<Finding> {
    if !register.exists() {
        return None;
    }
    match open_read(options) {
        Ok(_) => Some(Finding::ok(
            register,
            "the register opens, of this kense's schema",
        )),
        // Named above, with its fix.
        Err(StoreError::LooseSidecar { .. }) => None,
        Err(e) => Some(Finding::fix(
            register,
            format!("{e}"),
            "as the message says, then run kense doctor again",
        )),
    }
}

/// The office's print queue: a name CUPS takes, and known to CUPS (`lpstat -v QUEUE`).
pub(super) fn print_queue(config: &Path, queue: &str) -> Finding {
    let asked = group::with_own_rights(|| {
        std::process::Command::new("lpstat")
            .args(["-v", queue])
            .stdin(std::process::Stdio::null())
            .output()
    })
    .and_then(|run| run);
    match asked {
        Ok(run) if run.status.success() => {
            Finding::ok(config, format!("the print queue {queue} is known to CUPS"))
        }
        Ok(_) => Finding::fix(
            config,
            format!("the print queue {queue} is not known to CUPS (lpstat -v {queue})"),
            "add the queue with lpadmin, or correct queue in [print]",
        ),
        Err(e) => Finding::fix(
            config,
            format!("the print queue {queue} is set, but lpstat cannot run: {e}"),
            "install the CUPS client (cups-client), or remove queue from [print]",
        ),
    }
}

/// An account's name by uid, for messages.
fn owner(uid: u32) -> String {
    nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid))
        .ok()
        .flatten()
        .map_or_else(|| uid.to_string(), |u| u.name)
}
