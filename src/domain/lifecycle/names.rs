//! What the states and moves are called in the three languages, and the illegal-move
//! message built from them. The Kazakh and English wordings are Kense's: document 000 is in
//! Russian only.

use super::{IllegalMove, MoveKind, State};
use crate::domain::Text;

impl State {
    /// The state's name for the clerk.
    pub fn text(self) -> Text {
        let (ru, kk, en) = match self {
            State::Draft => ("черновик", "жоба", "draft"),
            State::Registered => ("зарегистрирован", "тіркелген", "registered"),
            State::UnderVerification => ("на проверке", "тексеруде", "under verification"),
            State::Sent => (
                "отправлен на изготовление",
                "дайындауға жіберілген",
                "sent for manufacture",
            ),
            State::Returned => ("возвращён", "қайтарылған", "returned"),
            State::Manufactured => ("изготовлен", "дайындалған", "manufactured"),
            State::Issued => ("выдан", "берілген", "issued"),
            State::Cancelled => ("аннулирован", "күші жойылған", "cancelled"),
            State::Spoiled => ("испорчен", "бүлінген", "spoiled"),
            State::Destroyed => ("уничтожен", "жойылған", "destroyed"),
        };
        Text::new(ru, kk, en)
    }
}

impl State {
    /// The state's name where a column is narrow (the register's table, 16 cells): the
    /// same as [`State::text`] but for the long ones; the full wording stays in the history
    /// and on papers.
    pub fn short_text(self) -> Text {
        match self {
            State::Sent => Text::new("на изготовлении", "дайындауда", "at manufacture"),
            State::UnderVerification => Text::new("на проверке", "тексеруде", "in verification"),
            state => state.text(),
        }
    }
}

impl MoveKind {
    /// The move's name for the clerk, as a menu lists it.
    pub fn text(self) -> Text {
        let (ru, kk, en) = match self {
            MoveKind::Register => ("зарегистрировать", "тіркеу", "register"),
            MoveKind::StartVerification => (
                "начать дополнительную проверку",
                "қосымша тексеруді бастау",
                "start additional verification",
            ),
            MoveKind::Confirm => (
                "заключение: личность установлена",
                "қорытынды: жеке басы анықталды",
                "conclusion: identity established",
            ),
            MoveKind::Refuse => (
                "заключение: в выдаче отказать",
                "қорытынды: беруден бас тарту",
                "conclusion: refuse the documents",
            ),
            MoveKind::Send => (
                "отправить на изготовление",
                "дайындауға жіберу",
                "send for manufacture",
            ),
            MoveKind::Return => (
                "вернуть без изготовления",
                "дайындамай қайтару",
                "return without manufacture",
            ),
            MoveKind::Resend => (
                "исправить и отправить повторно",
                "түзетіп, қайта жіберу",
                "correct and send again",
            ),
            MoveKind::Manufacture => (
                "отметить изготовление",
                "дайындалғанын белгілеу",
                "mark as manufactured",
            ),
            MoveKind::Issue => ("выдать документ", "құжатты беру", "issue the document"),
            MoveKind::Cancel => ("аннулировать", "күшін жою", "cancel"),
            MoveKind::Spoil => ("отметить порчу", "бүлінгенін белгілеу", "mark as spoiled"),
            MoveKind::Destroy => ("уничтожить по акту", "акт бойынша жою", "destroy by an act"),
        };
        Text::new(ru, kk, en)
    }
}

impl IllegalMove {
    /// The explanation for the clerk: the state, the move, and what is allowed instead.
    pub fn text(&self) -> Text {
        let from = self.from.text();
        let attempted = self.attempted.text();
        let list = |pick: fn(&Text) -> &str| {
            self.allowed
                .iter()
                .map(|m| format!("«{}»", pick(&m.text())))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let ru = format!("в статусе «{}» нельзя «{}»", from.ru, attempted.ru);
        let kk = format!(
            "«{}» күйінде «{}» әрекеті мүмкін емес",
            from.kk, attempted.kk
        );
        let en = format!(
            "cannot «{}» a formulary that is «{}»",
            attempted.en, from.en
        );
        if self.allowed.is_empty() {
            Text::new(
                format!("{ru}: это состояние конечное"),
                format!("{kk}: бұл соңғы күй"),
                format!("{en}: that state is final"),
            )
        } else {
            Text::new(
                format!("{ru}; допустимо: {}", list(|t| &t.ru)),
                format!("{kk}; рұқсат етілгені: {}", list(|t| &t.kk)),
                format!("{en}; allowed: {}", list(|t| &t.en)),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Lang;

    /// The register's status column is 16 cells: every short name fits it whole.
    #[test]
    fn every_short_state_name_fits_the_registers_column() {
        for state in State::ALL {
            for lang in [Lang::Ru, Lang::Kk, Lang::En] {
                let name = state.short_text().get(lang).to_string();
                assert!(name.chars().count() <= 16, "{state:?} {lang:?}: {name}");
            }
        }
    }
}
