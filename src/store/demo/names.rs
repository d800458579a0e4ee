//! The small name lists the demo register draws from: common Kazakh and Russian surnames,
//! given names and fathers' names, in capitals as formularies are filled, and a few Latin
//! names for foreigners. Invented people only: these are frequent names, not anyone's data.

/// A surname in its male and female forms ("СЕЙТҚАЛИЕВ", "СЕЙТҚАЛИЕВА").
pub(super) type Surname = (&'static str, &'static str);

/// Kazakh surnames, male and female.
pub(super) const KAZAKH_SURNAMES: &[Surname] = &[
    ("АХМЕТОВ", "АХМЕТОВА"),
    ("СЕЙТҚАЛИЕВ", "СЕЙТҚАЛИЕВА"),
    ("ЖҰМАБЕКОВ", "ЖҰМАБЕКОВА"),
    ("ОМАРОВ", "ОМАРОВА"),
    ("ӘБІЛОВ", "ӘБІЛОВА"),
    ("НҰРЛАНОВ", "НҰРЛАНОВА"),
    ("ҚАЛИЕВ", "ҚАЛИЕВА"),
    ("СӘРСЕНБАЕВ", "СӘРСЕНБАЕВА"),
    ("ТОҚТАРОВ", "ТОҚТАРОВА"),
    ("ЕРМЕКОВ", "ЕРМЕКОВА"),
    ("БАЙМҰХАМЕДОВ", "БАЙМҰХАМЕДОВА"),
    ("ИСМАИЛОВ", "ИСМАИЛОВА"),
    ("ҚАСЫМОВ", "ҚАСЫМОВА"),
    ("МҰХАМЕДЖАНОВ", "МҰХАМЕДЖАНОВА"),
    ("ДҮЙСЕНОВ", "ДҮЙСЕНОВА"),
    ("ЖАКСЫБЕКОВ", "ЖАКСЫБЕКОВА"),
    ("ТӨЛЕГЕНОВ", "ТӨЛЕГЕНОВА"),
    ("ӨМІРБЕКОВ", "ӨМІРБЕКОВА"),
    ("БЕКМҰРАТОВ", "БЕКМҰРАТОВА"),
    ("АЙТЖАНОВ", "АЙТЖАНОВА"),
    ("СМАҒҰЛОВ", "СМАҒҰЛОВА"),
    ("ҚОЖАХМЕТОВ", "ҚОЖАХМЕТОВА"),
    ("ЕСЕНОВ", "ЕСЕНОВА"),
    ("АБДРАХМАНОВ", "АБДРАХМАНОВА"),
];

/// Russian surnames, male and female.
pub(super) const RUSSIAN_SURNAMES: &[Surname] = &[
    ("ИВАНОВ", "ИВАНОВА"),
    ("ПЕТРОВ", "ПЕТРОВА"),
    ("СМИРНОВ", "СМИРНОВА"),
    ("КУЗНЕЦОВ", "КУЗНЕЦОВА"),
    ("ПОПОВ", "ПОПОВА"),
    ("ВАСИЛЬЕВ", "ВАСИЛЬЕВА"),
    ("СОКОЛОВ", "СОКОЛОВА"),
    ("МИХАЙЛОВ", "МИХАЙЛОВА"),
    ("НОВИКОВ", "НОВИКОВА"),
    ("ФЁДОРОВ", "ФЁДОРОВА"),
    ("МОРОЗОВ", "МОРОЗОВА"),
    ("ВОЛКОВ", "ВОЛКОВА"),
    ("ЛЕБЕДЕВ", "ЛЕБЕДЕВА"),
    ("КОЗЛОВ", "КОЗЛОВА"),
    ("ПАВЛОВ", "ПАВЛОВА"),
    ("ШЕВЧЕНКО", "ШЕВЧЕНКО"),
    ("КИМ", "КИМ"),
    ("ЗАХАРОВ", "ЗАХАРОВА"),
];

/// Kazakh given names: male, then female.
pub(super) const KAZAKH_MALE: &[&str] = &[
    "АРМАН",
    "ДӘУЛЕТ",
    "НҰРЛАН",
    "ЕРЛАН",
    "АСҚАР",
    "ЕРБОЛ",
    "ДИАС",
    "АЛИХАН",
    "НҰРСҰЛТАН",
    "ТИМУР",
    "ЖАНДОС",
    "БАУЫРЖАН",
    "ҚАНАТ",
    "САЯН",
    "АЙБЕК",
    "МАРАТ",
    "СЕРІК",
    "ӘЛІШЕР",
];
pub(super) const KAZAKH_FEMALE: &[&str] = &[
    "АЙША",
    "ӘСЕЛ",
    "ГҮЛНАР",
    "ДИНАРА",
    "АЙГҮЛ",
    "ЖАНАР",
    "САЛТАНАТ",
    "ІНКӘР",
    "АРУЖАН",
    "ТОМИРИС",
    "ҚАРАКӨЗ",
    "МАДИНА",
    "АЛИЯ",
    "ЖҰЛДЫЗ",
    "АЙЕРКЕ",
    "ДАНА",
    "ӘЙГЕРІМ",
    "НАЗЫМ",
];
pub(super) const RUSSIAN_MALE: &[&str] = &[
    "АЛЕКСАНДР",
    "СЕРГЕЙ",
    "ДМИТРИЙ",
    "АНДРЕЙ",
    "АЛЕКСЕЙ",
    "МАКСИМ",
    "ЕВГЕНИЙ",
    "ВЛАДИМИР",
    "ИГОРЬ",
    "НИКОЛАЙ",
    "ПАВЕЛ",
    "АРТЁМ",
];
pub(super) const RUSSIAN_FEMALE: &[&str] = &[
    "ЕЛЕНА",
    "ОЛЬГА",
    "НАТАЛЬЯ",
    "ТАТЬЯНА",
    "ИРИНА",
    "СВЕТЛАНА",
    "АННА",
    "МАРИЯ",
    "ЮЛИЯ",
    "ЕКАТЕРИНА",
    "ВИКТОРИЯ",
    "ДАРЬЯ",
];

/// Russian patronymics from a father's name: (son's, daughter's).
pub(super) const RUSSIAN_PATRONYMICS: &[(&str, &str)] = &[
    ("АЛЕКСАНДРОВИЧ", "АЛЕКСАНДРОВНА"),
    ("СЕРГЕЕВИЧ", "СЕРГЕЕВНА"),
    ("ВИКТОРОВИЧ", "ВИКТОРОВНА"),
    ("НИКОЛАЕВИЧ", "НИКОЛАЕВНА"),
    ("ВЛАДИМИРОВИЧ", "ВЛАДИМИРОВНА"),
    ("ПЕТРОВИЧ", "ПЕТРОВНА"),
    ("ИВАНОВИЧ", "ИВАНОВНА"),
    ("ЮРЬЕВИЧ", "ЮРЬЕВНА"),
];

/// Foreigners documented under their passport's Latin names (codes "03", "11").
/// Surnames that are the same for men and women.
pub(super) const LATIN_SURNAMES: &[&str] = &[
    "WANG", "LI", "CHEN", "YILMAZ", "KAYA", "DEMIR", "MULLER", "SCHMIDT", "HOFFMANN",
];
pub(super) const LATIN_MALE: &[&str] = &["RUSTAM", "BEKZOD", "WEI", "MEHMET", "JONAS", "FARRUKH"];
pub(super) const LATIN_FEMALE: &[&str] = &["DILNOZA", "MEI", "AYSE", "ANNA", "MALIKA", "ZILOLA"];

/// Countries whose citizens live in Kazakhstan most often (ISO 3166-1 alpha-2).
pub(super) const FOREIGN_COUNTRIES: &[&str] = &["UZ", "RU", "KG", "CN", "TR", "TJ", "DE"];

/// Streets for the registration addresses.
pub(super) const STREETS: &[&str] = &[
    "АБАЯ",
    "ДОСТЫҚ",
    "ТӘУЕЛСІЗДІК",
    "БӨГЕНБАЙ БАТЫРА",
    "ЖЕЛТОҚСАН",
    "ПУШКИНА",
    "САТПАЕВА",
    "КУНАЕВА",
    "РЕСПУБЛИКИ",
    "НАУРЫЗБАЙ БАТЫРА",
];

/// Clerks of the demo office, recorded as having registered and moved the formularies.
pub(super) const CLERKS: &[&str] = &[
    "aigul.zh", "dauren.s", "elena.p", "marat.k", "saule.o", "timur.b",
];
