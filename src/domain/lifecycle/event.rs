//! The moves with their data: what the law asks to be recorded with each.

use super::MoveKind;
use crate::domain::Text;
use crate::domain::shown_date as shown;
use crate::domain::text::{self, TextProblem, limit};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// A move of a formulary, with the data the Rules ask for. Serialised with a `move` tag
/// holding the [`MoveKind`] name (`{"move":"return","reason":"photo_mismatch"}`). A key the
/// move does not have (`"reson"`) is a deserialisation error, not a silently lost why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "move", rename_all = "snake_case", from = "EventJson")]
pub enum Event {
    /// Register the filled formulary.
    Register,
    /// Hold it for additional identity verification, on one of the M-16 grounds.
    StartVerification { ground: VerificationGround },
    /// M-16: the conclusion establishes identity; the formulary goes on.
    Confirm { conclusion: Conclusion },
    /// M-16: the conclusion refuses the documents; the formulary is cancelled.
    Refuse { conclusion: Conclusion },
    /// Send for manufacture.
    Send,
    /// M-40: returned without manufacture, with the reason of return.
    Return { reason: ReturnReason },
    /// M-40: corrected and sent again; what was corrected, in the clerk's words (the
    /// photo retaken, the filling code changed…), is required.
    Resend { correction: String },
    /// The document is made.
    Manufacture,
    /// M-57: handed over; issue is recorded by the number of the application registration
    /// coupon (read from the info sheet when the coupon is lost).
    Issue { coupon: String },
    /// The office will not go on with the application; why, in the clerk's words.
    Cancel { reason: String },
    /// The form is spoiled; how, in the clerk's words.
    Spoil { reason: String },
    /// Destroyed by the act with this number.
    Destroy { act_number: String },
}

/// [`Event`] as it is read from JSON. serde's `deny_unknown_fields` holds for the struct
/// variants of an internally tagged enum but not for its unit variants, which ignore every
/// other key (`{"move":"send","reson":"…"}` would read as a bare `send`); here every move is
/// a struct variant, so every unknown key is refused.
#[derive(Deserialize)]
#[serde(tag = "move", rename_all = "snake_case", deny_unknown_fields)]
enum EventJson {
    Register {},
    StartVerification { ground: VerificationGround },
    Confirm { conclusion: Conclusion },
    Refuse { conclusion: Conclusion },
    Send {},
    Return { reason: ReturnReason },
    Resend { correction: String },
    Manufacture {},
    Issue { coupon: String },
    Cancel { reason: String },
    Spoil { reason: String },
    Destroy { act_number: String },
}

impl From<EventJson> for Event {
    fn from(json: EventJson) -> Self {
        match json {
            EventJson::Register {} => Event::Register,
            EventJson::StartVerification { ground } => Event::StartVerification { ground },
            EventJson::Confirm { conclusion } => Event::Confirm { conclusion },
            EventJson::Refuse { conclusion } => Event::Refuse { conclusion },
            EventJson::Send {} => Event::Send,
            EventJson::Return { reason } => Event::Return { reason },
            EventJson::Resend { correction } => Event::Resend { correction },
            EventJson::Manufacture {} => Event::Manufacture,
            EventJson::Issue { coupon } => Event::Issue { coupon },
            EventJson::Cancel { reason } => Event::Cancel { reason },
            EventJson::Spoil { reason } => Event::Spoil { reason },
            EventJson::Destroy { act_number } => Event::Destroy { act_number },
        }
    }
}

impl Event {
    /// The kind of this move.
    pub fn kind(&self) -> MoveKind {
        match self {
            Event::Register => MoveKind::Register,
            Event::StartVerification { .. } => MoveKind::StartVerification,
            Event::Confirm { .. } => MoveKind::Confirm,
            Event::Refuse { .. } => MoveKind::Refuse,
            Event::Send => MoveKind::Send,
            Event::Return { .. } => MoveKind::Return,
            Event::Resend { .. } => MoveKind::Resend,
            Event::Manufacture => MoveKind::Manufacture,
            Event::Issue { .. } => MoveKind::Issue,
            Event::Cancel { .. } => MoveKind::Cancel,
            Event::Spoil { .. } => MoveKind::Spoil,
            Event::Destroy { .. } => MoveKind::Destroy,
        }
    }

    /// The M-16 conclusion this move records, if it ends a verification.
    pub fn conclusion(&self) -> Option<&Conclusion> {
        match self {
            Event::Confirm { conclusion } | Event::Refuse { conclusion } => Some(conclusion),
            _ => None,
        }
    }

    /// The move's texts, by field name, with their limits (issue 15).
    fn texts(&self) -> Option<(&'static str, &str, usize)> {
        match self {
            Event::Confirm { conclusion } | Event::Refuse { conclusion } => {
                Some(("conclusion_number", &conclusion.number, limit::NUMBER))
            }
            Event::Issue { coupon } => Some(("coupon", coupon, limit::NUMBER)),
            Event::Cancel { reason } | Event::Spoil { reason } => {
                Some(("reason", reason, limit::NOTE))
            }
            Event::Resend { correction } => Some(("correction", correction, limit::NOTE)),
            Event::Destroy { act_number } => Some(("act_number", act_number, limit::NUMBER)),
            _ => None,
        }
    }

    /// Issue 15: the move's text is printable and within its limit (K-TEXT, K-LENGTH).
    /// Checked on a new move only: a history recorded before still replays.
    pub fn check_texts(&self) -> Result<(), DataError> {
        match self.texts() {
            Some((field, value, max)) => check_text(field, value, max),
            None => Ok(()),
        }
    }

    /// What is missing or impossible in the data of this move, made at `at`.
    pub fn check(&self, at: NaiveDateTime) -> Result<(), DataError> {
        let blank = |s: &str| s.trim().is_empty();
        match self {
            Event::Confirm { conclusion } | Event::Refuse { conclusion } => {
                // M-16: the conclusion is registered in the journal under a number and a date.
                if blank(&conclusion.number) {
                    return Err(DataError::EmptyConclusionNumber);
                }
                // A conclusion cannot be recorded before it is made.
                if conclusion.date > at.date() {
                    return Err(DataError::ConclusionAfterMove {
                        date: conclusion.date,
                        recorded: at.date(),
                    });
                }
            }
            Event::Issue { coupon } if blank(coupon) => return Err(DataError::EmptyCoupon),
            Event::Cancel { reason } | Event::Spoil { reason } if blank(reason) => {
                return Err(DataError::EmptyReason(self.kind()));
            }
            // M-40: a returned formulary goes again only once its fault is corrected.
            Event::Resend { correction } if blank(correction) => {
                return Err(DataError::EmptyCorrection);
            }
            Event::Destroy { act_number } if blank(act_number) => {
                return Err(DataError::EmptyActNumber);
            }
            _ => {}
        }
        Ok(())
    }
}

/// M-16: the conclusion on establishing identity, as registered in the journal of
/// conclusions. Its number and date go on the reverse side of the formulary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conclusion {
    /// The number in the journal of conclusions.
    pub number: String,
    /// The date of the conclusion.
    pub date: NaiveDate,
}

/// M-16: why a person's identity is verified further.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerificationGround {
    /// The authenticity of the documents presented is in doubt.
    DocumentAuthenticity,
    /// The identity of the photos is in doubt.
    PhotoIdentity,
    /// Citizenship of the Republic of Kazakhstan is in doubt.
    Citizenship,
    /// The formulary was filled without grounds.
    UnfoundedFilling,
}

impl VerificationGround {
    /// Every ground, in the order of point 16.
    pub const ALL: [VerificationGround; 4] = [
        VerificationGround::DocumentAuthenticity,
        VerificationGround::PhotoIdentity,
        VerificationGround::Citizenship,
        VerificationGround::UnfoundedFilling,
    ];

    /// The ground for the clerk; Russian after point 16, Kazakh and English Kense's.
    pub fn text(self) -> Text {
        match self {
            VerificationGround::DocumentAuthenticity => Text::new(
                "подлинность представленных документов вызывает сомнения",
                "ұсынылған құжаттардың түпнұсқалығы күмән тудырады",
                "the authenticity of the documents presented is in doubt",
            ),
            VerificationGround::PhotoIdentity => Text::new(
                "тождественность фотоизображений вызывает сомнения",
                "фотосуреттердің сәйкестігі күмән тудырады",
                "the identity of the photos is in doubt",
            ),
            VerificationGround::Citizenship => Text::new(
                "принадлежность к гражданству Республики Казахстан вызывает сомнения",
                "Қазақстан Республикасының азаматтығына тиесілілігі күмән тудырады",
                "citizenship of the Republic of Kazakhstan is in doubt",
            ),
            VerificationGround::UnfoundedFilling => Text::new(
                "необоснованное заполнение формуляра",
                "формулярдың негізсіз толтырылуы",
                "the formulary was filled without grounds",
            ),
        }
    }
}

/// M-40: why the manufacturer returned an electronic formulary without manufacture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReturnReason {
    /// The photo does not match the one in the database.
    PhotoMismatch,
    /// The formulary's data do not match the database.
    DataMismatch,
    /// The filling code does not fit (M-31).
    WrongFillingCode,
    /// Poor graphics: the photo or the signature.
    PoorGraphics,
}

impl ReturnReason {
    /// Every reason, in the order of point 40.
    pub const ALL: [ReturnReason; 4] = [
        ReturnReason::PhotoMismatch,
        ReturnReason::DataMismatch,
        ReturnReason::WrongFillingCode,
        ReturnReason::PoorGraphics,
    ];

    /// The reason for the clerk; Russian after point 40, Kazakh and English Kense's.
    pub fn text(self) -> Text {
        match self {
            ReturnReason::PhotoMismatch => Text::new(
                "несоответствие фотоизображения имеющемуся в базе данных",
                "фотосуреттің дерекқордағы фотосуретке сәйкес келмеуі",
                "the photo does not match the database",
            ),
            ReturnReason::DataMismatch => Text::new(
                "несоответствие сведений электронного формуляра имеющимся в базе данных",
                "электрондық формуляр мәліметтерінің дерекқордағы мәліметтерге сәйкес келмеуі",
                "the formulary's data do not match the database",
            ),
            ReturnReason::WrongFillingCode => Text::new(
                "несоответствие кодов оформления",
                "ресімдеу кодтарының сәйкес келмеуі",
                "the filling code does not fit",
            ),
            ReturnReason::PoorGraphics => Text::new(
                "некачественная графическая информация (фото, подпись)",
                "сапасыз графикалық ақпарат (фото, қолтаңба)",
                "poor graphics (photo, signature)",
            ),
        }
    }
}

/// What is missing or impossible in a move's data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataError {
    /// M-16: a conclusion without its journal number.
    EmptyConclusionNumber,
    /// A conclusion dated after the day the move is recorded.
    ConclusionAfterMove {
        date: NaiveDate,
        recorded: NaiveDate,
    },
    /// M-16: a conclusion dated before the verification began.
    ConclusionBeforeVerification { date: NaiveDate, started: NaiveDate },
    /// M-57: an issue without the coupon number.
    EmptyCoupon,
    /// A cancellation or spoiling without its reason.
    EmptyReason(MoveKind),
    /// A destruction without the act number.
    EmptyActNumber,
    /// M-40: sending again without saying what was corrected.
    EmptyCorrection,
    /// A text of the move (its field: `conclusion_number`, `coupon`, `reason`,
    /// `correction`, `act_number`, `note`, `document_number`) holds a control character
    /// or is too long (issue 15). The text is not repeated.
    BadText {
        field: &'static str,
        problem: TextProblem,
    },
}

/// A move's text checked: printable and within `max` characters (issue 15).
pub fn check_text(field: &'static str, value: &str, max: usize) -> Result<(), DataError> {
    text::check(value, max).map_err(|problem| DataError::BadText { field, problem })
}

/// A move's field for the clerk, in the three languages.
fn field_name(field: &str) -> Text {
    match field {
        "conclusion_number" => {
            Text::new("номер заключения", "қорытынды нөмірі", "conclusion number")
        }
        "coupon" => Text::new("номер талона", "талон нөмірі", "coupon number"),
        "reason" => Text::new("причина", "себебі", "reason"),
        "correction" => Text::new("исправление", "түзету", "correction"),
        "act_number" => Text::new("номер акта", "акт нөмірі", "act number"),
        "document_number" => Text::new("номер документа", "құжат нөмірі", "document number"),
        _ => Text::new("примечание", "ескертпе", "note"),
    }
}

impl DataError {
    /// The explanation for the clerk.
    pub fn text(&self) -> Text {
        match self {
            DataError::EmptyConclusionNumber => Text::new(
                "укажите номер заключения по журналу регистрации заключений",
                "қорытындыларды тіркеу журналы бойынша қорытынды нөмірін көрсетіңіз",
                "give the conclusion's number in the journal of conclusions",
            ),
            DataError::ConclusionAfterMove { date, recorded } => {
                let (date, recorded) = (shown(*date), shown(*recorded));
                Text::new(
                    format!("дата заключения ({date}) позже даты записи ({recorded})"),
                    format!("қорытынды күні ({date}) жазба күнінен ({recorded}) кейін"),
                    format!("a conclusion of {date} cannot be recorded on {recorded}"),
                )
            }
            DataError::ConclusionBeforeVerification { date, started } => {
                let (date, started) = (shown(*date), shown(*started));
                Text::new(
                    format!("дата заключения ({date}) раньше начала проверки ({started})"),
                    format!("қорытынды күні ({date}) тексеру басталған күннен ({started}) бұрын"),
                    format!("a conclusion of {date} precedes the verification begun {started}"),
                )
            }
            DataError::EmptyCoupon => Text::new(
                "укажите номер талона регистрации заявки",
                "өтінімді тіркеу талонының нөмірін көрсетіңіз",
                "give the number of the application registration coupon",
            ),
            DataError::EmptyReason(kind) => {
                let name = kind.text();
                Text::new(
                    format!("укажите причину (действие «{}»)", name.ru),
                    format!("«{}» әрекетінің себебін көрсетіңіз", name.kk),
                    format!("give the reason to «{}»", name.en),
                )
            }
            DataError::EmptyActNumber => Text::new(
                "укажите номер акта об уничтожении",
                "жою актісінің нөмірін көрсетіңіз",
                "give the number of the destruction act",
            ),
            DataError::EmptyCorrection => Text::new(
                "укажите, что исправлено перед повторной отправкой",
                "қайта жіберер алдында не түзетілгенін көрсетіңіз",
                "say what was corrected before sending again",
            ),
            DataError::BadText { field, problem } => {
                let (name, why, rule) = (field_name(field), problem.text(), problem.rule());
                Text::new(
                    format!("{}: {} [{rule}]", name.ru, why.ru),
                    format!("{}: {} [{rule}]", name.kk, why.kk),
                    format!("{} ({field}): {} [{rule}]", name.en, why.en),
                )
            }
        }
    }
}

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl std::error::Error for DataError {}
