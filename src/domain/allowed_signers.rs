//! OpenSSH's `allowed_signers` file (ssh-keygen(1), ALLOWED SIGNERS), pure: who may sign a
//! day close with which key (issue 15). The office keeps it outside the register (e.g.
//! `/etc/kense/allowed_signers`, writable by root only); the principal of each line is a
//! head's OS account, so `ssh-keygen -Y verify -I ACCOUNT` reads the same file.
//!
//! A line is `principals [options] keytype base64 [comment]`; `#` comments and blank lines
//! are skipped. Principals are comma-separated patterns (`*`, `?`, `!` negation, as
//! OpenSSH matches them). Options taken: `namespaces="…"` (the line then signs only for
//! those namespaces). `cert-authority`, `valid-after` and `valid-before` are refused with
//! the line's number rather than ignored: a line kense cannot honour must not silently
//! allow (or deny) a signer.

use super::day_signature::NAMESPACE;
use ssh_key::PublicKey;
use ssh_key::public::KeyData;

/// One line that allows a key.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Signer {
    principals: Vec<String>,
    namespaces: Option<Vec<String>>,
    key: KeyData,
}

/// The parsed file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AllowedSigners {
    signers: Vec<Signer>,
}

/// Splits on `sep` outside double quotes, dropping empty pieces.
fn split_outside_quotes(text: &str, sep: impl Fn(char) -> bool) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in text.chars() {
        if c == '"' {
            quoted = !quoted;
            current.push(c);
        } else if !quoted && sep(c) {
            if !current.is_empty() {
                pieces.push(std::mem::take(&mut current));
            }
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

fn unquote(s: &str) -> &str {
    s.strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(s)
}

/// OpenSSH's wildcard match: `*` any run, `?` any one character.
fn wildcard(pattern: &[char], text: &[char]) -> bool {
    match pattern.split_first() {
        None => text.is_empty(),
        Some(('*', rest)) => (0..=text.len()).any(|i| wildcard(rest, &text[i..])),
        Some((p, rest)) => text
            .split_first()
            .is_some_and(|(t, tail)| (*p == '?' || p == t) && wildcard(rest, tail)),
    }
}

/// OpenSSH's pattern list: a match of a negated pattern refuses whatever else matches.
fn matches_list(patterns: &[String], name: &str) -> bool {
    let name: Vec<char> = name.chars().collect();
    let mut found = false;
    for pattern in patterns {
        let (negated, pattern) = match pattern.strip_prefix('!') {
            Some(p) => (true, p),
            None => (false, pattern.as_str()),
        };
        let pattern: Vec<char> = pattern.chars().collect();
        if wildcard(&pattern, &name) {
            if negated {
                return false;
            }
            found = true;
        }
    }
    found
}

fn is_key_type(token: &str) -> bool {
    ["ssh-", "ecdsa-", "sk-"]
        .iter()
        .any(|prefix| token.starts_with(prefix))
}

fn parse_line(line: &str) -> Result<Signer, String> {
    let tokens = split_outside_quotes(line, char::is_whitespace);
    let Some((principals, rest)) = tokens.split_first() else {
        return Err("empty".into());
    };
    let principals = split_outside_quotes(unquote(principals), |c| c == ',');
    let (options, rest) = match rest.split_first() {
        Some((first, rest)) if !is_key_type(first) => (Some(first.as_str()), rest),
        _ => (None, rest),
    };
    let mut namespaces = None;
    for option in options.map_or_else(Vec::new, |o| split_outside_quotes(o, |c| c == ',')) {
        let (name, value) = option.split_once('=').unwrap_or((option.as_str(), ""));
        match name.to_ascii_lowercase().as_str() {
            "namespaces" => {
                namespaces = Some(split_outside_quotes(unquote(value), |c| c == ','));
            }
            // OpenSSH's own options are named; anything else is not repeated: the file may
            // be one the clerk cannot read (issue 15), and a message must not show it.
            known @ ("cert-authority" | "valid-after" | "valid-before") => {
                return Err(format!(
                    "the option {known:?} is not supported by kense (only namespaces=)"
                ));
            }
            _ => {
                return Err("an option other than namespaces= is not supported by kense".into());
            }
        }
    }
    let [key_type, base64, ..] = rest else {
        return Err("no key type and key".into());
    };
    let key = PublicKey::from_openssh(&format!("{key_type} {base64}"))
        .map_err(|e| format!("the key cannot be read: {e}"))?;
    Ok(Signer {
        principals,
        namespaces,
        key: key.key_data().clone(),
    })
}

impl AllowedSigners {
    /// The file's text; the error names the line and what is wrong with it.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut signers = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            signers.push(parse_line(line).map_err(|e| format!("line {}: {e}", n + 1))?);
        }
        Ok(Self { signers })
    }

    /// True when a line allows `key` to sign day closes as `account`.
    pub fn allows(&self, account: &str, key: &KeyData) -> bool {
        self.signers.iter().any(|s| {
            s.key == *key
                && matches_list(&s.principals, account)
                && s.namespaces
                    .as_ref()
                    .is_none_or(|ns| matches_list(ns, NAMESPACE))
        })
    }

    /// How many lines allow a key.
    pub fn len(&self) -> usize {
        self.signers.len()
    }

    /// True when no line allows any key.
    pub fn is_empty(&self) -> bool {
        self.signers.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILM+rvN+ot98qgEN796jTiQfZfG1KaT0PtFDJ/XFSqti";

    fn key() -> KeyData {
        PublicKey::from_openssh(KEY)
            .unwrap_or_else(|e| panic!("{e}"))
            .key_data()
            .clone()
    }

    fn parsed(text: &str) -> AllowedSigners {
        AllowedSigners::parse(text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_plain_line_allows_its_principal_only() {
        let signers = parsed(&format!("# heads\n\naigul {KEY} aigul@office\n"));
        assert_eq!(signers.len(), 1);
        assert!(signers.allows("aigul", &key()));
        assert!(!signers.allows("bolat", &key()));
    }

    #[test]
    fn patterns_lists_and_negation_match_as_openssh_does() {
        let signers = parsed(&format!("\"head*,!headless\" {KEY}\n"));
        assert!(signers.allows("head1", &key()));
        assert!(!signers.allows("headless", &key()));
        assert!(!signers.allows("clerk", &key()));
        let one = parsed(&format!("a?c,z {KEY}\n"));
        assert!(one.allows("abc", &key()) && one.allows("z", &key()));
        assert!(!one.allows("abbc", &key()));
    }

    #[test]
    fn namespaces_restrict_the_line() {
        let git = parsed(&format!("aigul namespaces=\"git,file\" {KEY}\n"));
        assert!(!git.allows("aigul", &key()));
        let ours = parsed(&format!("aigul namespaces=\"git,kense-*\" {KEY}\n"));
        assert!(ours.allows("aigul", &key()));
    }

    #[test]
    fn what_kense_cannot_honour_is_named_with_its_line() {
        let ca = AllowedSigners::parse(&format!("\naigul cert-authority {KEY}\n"));
        assert!(
            matches!(&ca, Err(e) if e.contains("line 2") && e.contains("cert-authority")),
            "{ca:?}"
        );
        let valid = AllowedSigners::parse(&format!("aigul valid-after=\"20260101\" {KEY}\n"));
        assert!(
            matches!(&valid, Err(e) if e.contains("valid-after")),
            "{valid:?}"
        );
        let bad = AllowedSigners::parse("aigul ssh-ed25519 AAAAnot-base64\n");
        assert!(
            matches!(&bad, Err(e) if e.contains("line 1") && e.contains("key")),
            "{bad:?}"
        );
        let short = AllowedSigners::parse("aigul\n");
        assert!(
            matches!(&short, Err(e) if e.contains("line 1")),
            "{short:?}"
        );
    }
}
