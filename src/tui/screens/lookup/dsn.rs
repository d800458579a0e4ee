//! Code lookup's pane for a query read as a whole DSN code (D-App3): each facet with its
//! directory's name, and where the directories have none, the register's (issue 11).

use super::Detail;
use crate::codes::Names;
use crate::domain::Lang;
use crate::domain::dsn::{Decoded, Facet};
use crate::i18n::{Msg, tr};
use crate::store::dsn::DsnCodeNames;
use crate::tui::ui::theme::Theme;
use ratatui::text::{Line, Span};

/// The pane of `decoded`, with what the register `known` of it, once read.
pub(super) fn detail(
    decoded: &Decoded,
    known: Option<&DsnCodeNames>,
    lang: Lang,
    theme: Theme,
) -> Detail {
    let title = format!(
        "{} {}",
        tr(lang, Msg::DsnCode),
        decoded.code.format_facets()
    );
    let lines = decoded
        .facets()
        .iter()
        .map(|f| {
            let name = f.name_kk.map(|kk| {
                let names = Names {
                    kk,
                    ru: f.name_ru,
                    en: None,
                };
                names.get(lang)
            });
            // The register's names where the directories have none: the taxpayer of
            // the market subject, the product of the whole code (issue 11).
            let register = known.and_then(|n| match f.facet {
                Facet::Subject => n.subject.as_ref().map(|s| s.taxpayer.clone()),
                Facet::Brand => n.product.as_ref().map(|p| p.name.clone()),
                _ => None,
            });
            let name = name.map(str::to_string).or(register);
            let mark = if f.marked { " *" } else { "" };
            Line::from(vec![
                Span::styled(format!("{} {:<8}", f.facet.number(), f.code), theme.key()),
                Span::styled(format!("{}: ", f.facet.name().get(lang)), theme.dim()),
                Span::raw(format!("{}{mark}", name.as_deref().unwrap_or("—"))),
            ])
        })
        .collect();
    Detail {
        title,
        lines,
        pinned: Vec::new(),
    }
}
