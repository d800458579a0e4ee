//! `Formulary::example`: a complete, valid formulary for each filling code, to show the
//! format and to print as a template the import accepts as it is.

use super::grounds::{BirthCertificateGround, DataChange, FilledAt, StayReason};
use super::model::{Citizenship, Formulary, PreviousResidence, Residence, Signature};
use super::notes::{BasisKind, Note};
use super::rules::code_rule;
use crate::domain::iin::Iin;
use crate::domain::{DocumentKind, Sex};
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn text(s: &str) -> Option<String> {
    Some(s.to_string())
}

/// The first issued IIN for that birth date and sex.
fn iin_for(birth: Option<NaiveDate>, sex: Sex) -> Option<String> {
    let (iin, _) = Iin::next_after(birth?, sex, 1)?;
    Some(iin.as_str().to_string())
}

impl Formulary {
    /// A complete formulary that `validate` accepts for `code` on its filled-on date
    /// (15 March 2024) or later; `None` for a code M-31 does not have. The data are
    /// invented; the IIN is generated from the stated birth date and sex.
    pub fn example(code: &str) -> Option<Formulary> {
        let row = code_rule(code)?;
        let mut f = adult_citizen();
        f.filling_code = Some(row.code.to_string());
        match row.code {
            "00" => child(&mut f),
            "01" => sixteen(&mut f),
            "03" => foreigner(&mut f),
            "11" => stateless(&mut f),
            "09" | "15" => f.document = Some(DocumentKind::IdCard),
            _ => {}
        }
        f.reverse_side.extend(notes(row.code));
        grounds(row.code, &mut f);
        f.iin = iin_for(f.birth_date, f.sex.unwrap_or(Sex::Male));
        Some(f)
    }
}

fn adult_citizen() -> Formulary {
    Formulary {
        document: Some(DocumentKind::Passport),
        filling_code: None,
        iin: None,
        surname: text("СЕЙТҚАЛИЕВ"),
        given_name: text("АРМАН"),
        patronymic: text("НҰРЛАНҰЛЫ"),
        birth_date: date(1990, 5, 14),
        birth_place: text("АКМОЛИНСКАЯ ОБЛАСТЬ, Г. КОКШЕТАУ"),
        sex: Some(Sex::Male),
        nationality: text("КАЗАХ"),
        citizenship: Some(Citizenship::Kazakhstan),
        region_code: text("1902"),
        district_code: text("402"),
        residence: Some(Residence {
            address: text("Г. КОКШЕТАУ, УЛ. АБАЯ, Д. 10, КВ. 5"),
            arrival_date: date(2015, 9, 1),
        }),
        previous_residence: Some(PreviousResidence {
            address: text("АККОЛЬСКИЙ РАЙОН, Г. АККОЛЬ, УЛ. НАУРЫЗБАЙ БАТЫРА, Д. 3"),
        }),
        signature: Some(Signature::Present),
        reverse_side: Vec::new(),
        additional_information: None,
        filled_on: date(2024, 3, 15),
        clerk: text("ЖУМАБЕКОВА А. К."),
        overrides: Vec::new(),
        filled_at: Some(FilledAt::PermanentRegistration),
        birth_certificate_ground: None,
        representative_present: None,
        data_change: None,
        birth_place_changed: Some(false),
        lives_abroad: Some(false),
        convict: Some(false),
        signature_document: None,
    }
}

/// "00": a girl of seven, registered since birth, no previous address.
fn child(f: &mut Formulary) {
    f.document = Some(DocumentKind::IdCard);
    f.surname = text("СЕЙТҚАЛИЕВА");
    f.given_name = text("АЙША");
    f.patronymic = text("АРМАНҚЫЗЫ");
    f.birth_date = date(2016, 4, 10);
    f.sex = Some(Sex::Female);
    f.nationality = text("КАЗАШКА");
    first_registration(f);
}

/// "01": turned 16 two weeks before the filled-on date.
fn sixteen(f: &mut Formulary) {
    f.document = Some(DocumentKind::IdCard);
    f.given_name = text("ДӘУЛЕТ");
    f.birth_date = date(2008, 3, 1);
    first_registration(f);
}

fn first_registration(f: &mut Formulary) {
    f.residence = Some(Residence {
        address: text("Г. КОКШЕТАУ, УЛ. АБАЯ, Д. 10, КВ. 5"),
        arrival_date: f.birth_date,
    });
    f.previous_residence = None;
}

/// "03": a citizen of Uzbekistan with a residence permit, named in Latin letters.
fn foreigner(f: &mut Formulary) {
    f.document = Some(DocumentKind::ResidencePermit);
    f.citizenship = Some(Citizenship::Foreign("UZ".to_string()));
    f.surname = text("KARIMOV");
    f.given_name = text("RUSTAM");
    f.patronymic = None;
    f.birth_date = date(1985, 7, 2);
    f.birth_place = text("TASHKENT, UZBEKISTAN");
    f.nationality = text("УЗБЕК");
}

/// "11": a stateless person documented for the first time.
fn stateless(f: &mut Formulary) {
    f.document = Some(DocumentKind::StatelessCertificate);
    f.citizenship = Some(Citizenship::Stateless);
    f.surname = text("ПЕТРЕНКО");
    f.given_name = text("ОЛЬГА");
    f.patronymic = text("ВИКТОРОВНА");
    f.birth_date = date(1972, 12, 30);
    f.sex = Some(Sex::Female);
    f.birth_place = text("Г. ХАРЬКОВ");
    f.nationality = text("УКРАИНКА");
    f.previous_residence = None;
}

/// The grounds a code states (issue 14): a minor on a birth certificate with the parent
/// present (M-12.c), the basis of a change of data (M-12.d), a replacement for expiry
/// filled at the place of actual stay (M-4).
fn grounds(code: &str, f: &mut Formulary) {
    match code {
        "00" | "01" => {
            f.birth_certificate_ground = Some(BirthCertificateGround::Minor);
            f.representative_present = Some(true);
        }
        "04" => f.data_change = Some(DataChange::MarriageSurname),
        "05" => {
            f.data_change = Some(DataChange::Conclusion {
                number: text("17"),
                date: date(2024, 2, 20),
            })
        }
        "18" => {
            f.filled_at = Some(FilledAt::ActualStay {
                reason: Some(StayReason::Expiry),
            })
        }
        _ => {}
    }
}

/// The reverse-side notes a code needs.
fn notes(code: &str) -> Vec<Note> {
    match code {
        "00" | "01" => vec![Note::ParentId {
            number: text("045123789"),
            date: date(2019, 6, 20),
            issuer: text("МВД РК"),
        }],
        "04" => vec![Note::BasisDocument {
            document: Some(BasisKind::MarriageRecord),
            number: text("1152"),
            date: date(2024, 2, 10),
        }],
        "05" => vec![Note::BasisDocument {
            document: Some(BasisKind::DataChangeConclusion),
            number: text("17"),
            date: date(2024, 2, 20),
        }],
        "06" => vec![Note::IdentificationProtocol {
            number: text("6"),
            date: date(2024, 3, 12),
        }],
        _ => Vec::new(),
    }
}
