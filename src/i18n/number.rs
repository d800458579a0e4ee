//! The words of `kense iin check` and `kense bin check` (`--lang ru|kk|en`): the number's
//! name, the verdict on its structure and check digit, the decoded parts' labels and values.

use crate::domain::Text;

/// A word of the number checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberWord {
    Iin,
    Bin,
    /// The structure and the check digit are right (not a claim of legal validity).
    Correct,
    Incorrect,
    Male,
    Female,
    SexNotEncoded,
    BirthDate,
    Yymmdd,
    Sex,
    Warning,
    BirthInFuture,
    ResidentLegalEntity,
    NonResidentLegalEntity,
    JointEntrepreneurship,
    HeadUnit,
    Branch,
    RepresentativeOffice,
    PeasantFarm,
    Registered,
    EntityType,
    Unit,
    Serial,
}

/// The word in the three languages.
pub fn number_word(word: NumberWord) -> Text {
    use NumberWord::*;
    let (ru, kk, en) = match word {
        Iin => ("ИИН", "ЖСН", "IIN"),
        Bin => ("БИН", "БСН", "BIN"),
        Correct => ("корректен", "дұрыс", "correct"),
        Incorrect => ("некорректен", "қате", "not correct"),
        Male => ("мужской", "ер", "male"),
        Female => ("женский", "әйел", "female"),
        SexNotEncoded => (
            "не указан (иностранный гражданин)",
            "көрсетілмеген (шетел азаматы)",
            "not encoded (foreign national)",
        ),
        BirthDate => ("дата рождения", "туған күні", "birth date"),
        Yymmdd => ("ГГММДД", "ЖЖААКК", "YYMMDD"),
        Sex => ("пол", "жынысы", "sex"),
        Warning => ("внимание", "назар аударыңыз", "warning"),
        BirthInFuture => (
            "дата рождения в будущем: такой ИИН ещё не мог быть выдан",
            "туған күні болашақта: мұндай ЖСН әлі берілуі мүмкін емес",
            "the birth date is in the future: no such IIN can have been issued yet",
        ),
        ResidentLegalEntity => (
            "юридическое лицо-резидент",
            "резидент заңды тұлға",
            "resident legal entity",
        ),
        NonResidentLegalEntity => (
            "юридическое лицо-нерезидент",
            "бейрезидент заңды тұлға",
            "non-resident legal entity",
        ),
        JointEntrepreneurship => (
            "совместное индивидуальное предпринимательство",
            "бірлескен жеке кәсіпкерлік",
            "joint individual entrepreneurship",
        ),
        HeadUnit => ("головное подразделение", "бас бөлімше", "head unit"),
        Branch => ("филиал", "филиал", "branch"),
        RepresentativeOffice => ("представительство", "өкілдік", "representative office"),
        PeasantFarm => ("крестьянское хозяйство", "шаруа қожалығы", "peasant farm"),
        Registered => (
            "год и месяц регистрации (ГГ-ММ)",
            "тіркелген жылы мен айы (ЖЖ-АА)",
            "registered (YY-MM)",
        ),
        EntityType => ("тип", "түрі", "entity type"),
        Unit => ("подразделение", "бөлімше", "unit"),
        Serial => ("порядковый номер", "реттік нөмір", "serial"),
    };
    Text::new(ru, kk, en)
}

/// A foreign national's birth date, whose century the IIN does not encode.
pub fn date_without_century(yy: &str, mm: &str, dd: &str) -> Text {
    Text::new(
        format!("{dd}.{mm}.??{yy} (век не указан)"),
        format!("{dd}.{mm}.??{yy} (ғасыры көрсетілмеген)"),
        format!("??{yy}-{mm}-{dd} (century not encoded)"),
    )
}
