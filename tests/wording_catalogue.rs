//! Issue 16: every Russian and Kazakh word the program shows lives in one of three places —
//! the catalogue (`src/i18n`), the rules' own message tables (`src/domain`, `Text::new(ru,
//! kk, en)`) and the papers' words (`src/papers`) — so that one term per concept can be
//! kept by reading them. This test reads the rest of `src/` and fails on a string literal
//! with a Cyrillic letter in it, outside comments and tests.

use std::fs;
use std::path::{Path, PathBuf};

/// The three places the words live.
const CATALOGUES: &[&str] = &["src/i18n/", "src/domain/", "src/papers/"];

/// Cyrillic outside the catalogues that is not a word shown to the clerk, and why it must
/// stay where it is.
const ALLOWED: &[(&str, &str)] = &[
    // The directories are extracted from the legal sources' own Russian and Kazakh text
    // (headings, markers, names to clean), and the search folds Kazakh letters to the
    // letters a clerk types on a Russian keyboard: data about text, not messages.
    ("src/codes/", "reads and folds the sources' text"),
    // The demonstration register is filled with made-up people: their names are data.
    ("src/store/demo/", "demo people's names"),
    // A name is folded as clerks type it: «ё» read as «е».
    ("src/store/numbers.rs", "folds ё to е in names"),
    // The register's filter accepts its keywords in Russian too (status:, статус:):
    // words the clerk types, matched, never shown.
    (
        "src/tui/screens/formularies/filter.rs",
        "filter keywords typed in Russian",
    ),
    // The keys printed on a Cyrillic keyboard: д/и answer yes, н/ж no (the key table's
    // names for the footer).
    (
        "src/tui/keys/table.rs",
        "names of keys on a Cyrillic keyboard",
    ),
    // The program's own name in its help: Kense is «кеңсе».
    ("src/cli/args.rs", "the program's name, кеңсе"),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// A test file: `tests.rs`, `*_tests.rs`, or under a `tests` directory.
fn is_test_file(relative: &str) -> bool {
    relative.ends_with("/tests.rs")
        || relative.ends_with("_tests.rs")
        || relative.contains("/tests/")
}

/// The string literals of `source` outside comments and outside `#[cfg(test)]` modules,
/// with their line numbers. A small lexer: enough for rustfmt-formatted code.
fn strings_outside_tests(source: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = source.chars().collect();
    let mut found = Vec::new();
    let (mut i, mut line, mut depth) = (0, 1, 0usize);
    // The brace depth at which a test module ends, while inside one.
    let mut test_module: Option<usize> = None;
    let mut cfg_test_pending = false;
    let at = |i: usize, s: &str| {
        chars[i..]
            .iter()
            .take(s.chars().count())
            .copied()
            .eq(s.chars())
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if at(i, "//") {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if at(i, "/*") {
            while i < chars.len() && !at(i, "*/") {
                line += usize::from(chars[i] == '\n');
                i += 1;
            }
            i += 2;
        } else if at(i, "#[cfg(test)]") {
            cfg_test_pending = true;
            i += "#[cfg(test)]".len();
        } else if c == '"'
            || (c == 'r' && (at(i + 1, "\"") || at(i + 1, "#\"") || at(i + 1, "##\"")))
        {
            // A string literal, raw or not.
            let start_line = line;
            let mut text = String::new();
            if c == 'r' {
                let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
                let end: String = std::iter::once('"')
                    .chain("#".repeat(hashes).chars())
                    .collect();
                i += 2 + hashes;
                while i < chars.len() && !at(i, &end) {
                    line += usize::from(chars[i] == '\n');
                    text.push(chars[i]);
                    i += 1;
                }
                i += end.len();
            } else {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        text.push(chars[i]);
                        i += 1;
                    }
                    line += usize::from(chars[i] == '\n');
                    text.push(chars[i]);
                    i += 1;
                }
                i += 1;
            }
            if test_module.is_none() {
                found.push((start_line, text));
            }
        } else if c == '\'' {
            // A char literal ('x', '\n', '"') or a lifetime ('a).
            if at(i + 1, "\\") {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if i + 2 < chars.len() && chars[i + 2] == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else if c == '{' {
            if cfg_test_pending && test_module.is_none() {
                test_module = Some(depth);
            }
            cfg_test_pending = false;
            depth += 1;
            i += 1;
        } else if c == '}' {
            depth = depth.saturating_sub(1);
            if test_module == Some(depth) {
                test_module = None;
            }
            i += 1;
        } else if c == ';' {
            // `#[cfg(test)] mod x;` or a test-only `use`: nothing to skip.
            cfg_test_pending = false;
            i += 1;
        } else {
            i += 1;
        }
    }
    found
}

fn cyrillic(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}'))
}

#[test]
fn no_cyrillic_string_outside_the_catalogues() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut outside = Vec::new();
    for path in &files {
        let relative = path
            .strip_prefix(root)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        if CATALOGUES.iter().any(|c| relative.starts_with(c))
            || ALLOWED.iter().any(|(a, _)| relative.starts_with(a))
            || is_test_file(&relative)
        {
            continue;
        }
        let source = fs::read_to_string(path).unwrap_or_else(|e| panic!("{relative}: {e}"));
        for (line, text) in strings_outside_tests(&source) {
            if cyrillic(&text) {
                outside.push(format!("{relative}:{line}: \"{text}\""));
            }
        }
    }
    assert!(
        outside.is_empty(),
        "Russian or Kazakh text outside src/i18n, src/domain and src/papers (put it in the \
         catalogue):\n{}",
        outside.join("\n")
    );
}

#[test]
fn the_lexer_skips_comments_and_test_modules() {
    let source = "// «комментарий»\nfn a() -> &'static str { \"слово\" }\nconst C: char = '\"';\n\
                  #[cfg(test)]\nmod tests {\n    fn b() { let _ = \"тест\"; }\n}\nfn c() { r#\"ещё\"# }\n";
    let strings: Vec<String> = strings_outside_tests(source)
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    assert_eq!(strings, ["слово", "ещё"]);
}
