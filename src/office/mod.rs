//! The office: its settings (one TOML file, `/etc/kense/kense.toml`), its clock, and its
//! group (`group.rs`: the setgid installation, issue 15).
//!
//! The office's settings are the administrator's: its name for papers, its region and
//! district, its time zone, its print queue, where the heads' public keys are. They are read
//! here and nowhere else; the rest of kense takes a [`Settings`]. The clerk's own choices
//! (language, terminal printing) are not here: they live in the clerk's XDG config.
//!
//! The clock is the office's ([`Clock`]): every "now" and "today" of kense is office time,
//! never the host's or the clerk's `TZ` (issue 14).

mod clerk;
mod clock;
pub mod group;
mod settings;

pub use clerk::{CLERK_CONFIG_ENV, ClerkPrefs, ClerkPrint, clerk_config_path};
pub use clock::Clock;
pub use settings::{
    CONFIG_ENV, DEFAULT_CONFIG, DEFAULT_GROUP, DEFAULT_REGISTER, Register, Settings, SettingsError,
    administrators, config_path,
};
