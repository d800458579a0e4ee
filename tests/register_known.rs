//! Issue 11, what the register knows of a person: a second formulary while one is in its
//! course (K-OPEN) and other names for the same IIN (K-PERSON, M-12.d) are warnings,
//! named, let pass with a reason; a known IIN fills the form (`Store::prefill`). The
//! rules on their own, the register on a real file, and `kense formulary add`.

mod common;
mod register_common;

use common::{kense_in, known_person_passes};
use kense::domain::formulary::{
    Formulary, Known, KnownNames, OpenFormulary, Override, Residence, rule, validate_known,
};
use kense::domain::lifecycle::{Event, State};
use kense::store::StoreError;
use register_common::*;

fn today() -> chrono::NaiveDate {
    day(2024, 4, 1)
}

fn let_pass(f: &mut Formulary, rule: &str, field: &str) {
    f.overrides.push(Override {
        rule: rule.into(),
        field: field.into(),
        reason: Some("lost during manufacture, code 13".into()),
    });
}

/// The (rule, field) of the formulary's warnings.
fn warnings(f: &Formulary, known: &Known) -> Vec<(&'static str, String)> {
    validate_known(f, today(), known)
        .warnings
        .iter()
        .map(|v| (v.rule, v.field.clone()))
        .collect()
}

#[test]
fn the_rules_warn_of_an_open_formulary_and_of_other_names() {
    let f = person("18", "ЖҰМАБЕКОВ", "ҚАЙРАТ", 1);
    assert!(warnings(&f, &Known::default()).is_empty());
    let known = Known {
        open: vec![OpenFormulary {
            number: "2024-0000007".into(),
            state: State::Sent,
        }],
        names: Some(KnownNames {
            surname: "Жұмабеков".into(),
            given_name: "ҚАЙРАТ".into(),
            patronymic: Some("НҰРЛАНҰЛЫ".into()),
            from: Some("2024-0000007".into()),
        }),
    };
    // Case aside, the names are the register's: only the open formulary is warned of,
    // and the warning names it and its state.
    let report = validate_known(&f, today(), &known);
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    let open = &report.warnings[0];
    assert_eq!((open.rule, open.field.as_str()), (rule::OPEN, "iin"));
    assert!(open.message.ru.contains("2024-0000007") && open.message.ru.contains("отправлен"));
    assert!(
        open.message.en.contains("2024-0000007"),
        "{}",
        open.message.en
    );

    // Other names: one warning per field, naming the formulary the register's came from
    // and M-12.d, never the register's name itself.
    let mut renamed = person("18", "ЖУМАБЕКОВ", "КАЙРАТ", 1);
    renamed.patronymic = None;
    let found = warnings(&renamed, &known);
    assert!(
        found.contains(&(rule::PERSON, "surname".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&(rule::PERSON, "given_name".into())),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(_, f)| f == "patronymic"),
        "an empty field is not a name"
    );
    let report = validate_known(&renamed, today(), &known);
    for v in report.warnings.iter().filter(|v| v.rule == rule::PERSON) {
        assert!(v.message.kk.contains("M-12.d") && v.message.en.contains("2024-0000007"));
        assert!(!v.message.ru.contains("Жұмабеков"), "{}", v.message.ru);
    }
    // M-31 code 04 is the change of names: no K-PERSON there.
    let mut change = renamed.clone();
    change.filling_code = Some("04".into());
    assert!(
        !warnings(&change, &known)
            .iter()
            .any(|(r, _)| *r == rule::PERSON)
    );

    // Let pass with a reason, each: the report accepts the formulary.
    let mut passed = renamed;
    let_pass(&mut passed, rule::OPEN, "iin");
    let_pass(&mut passed, rule::PERSON, "surname");
    let_pass(&mut passed, rule::PERSON, "given_name");
    let report = validate_known(&passed, today(), &known);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert_eq!(report.overridden.len(), 3);
}

#[test]
fn the_register_refuses_a_second_open_formulary_until_let_pass_or_closed() {
    let dir = tempdir();
    let db = register_in(&dir);
    let mut store = open(&db, "aigul");
    let first = person("18", "ЖҰМАБЕКОВ", "ҚАЙРАТ", 1);
    let iin = first.iin.clone().unwrap_or_default();
    let n1 = register(&mut store, &first, at(today(), 9));

    let known = store.known(&iin, None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        known.open,
        [OpenFormulary {
            number: n1.clone(),
            state: State::Registered
        }]
    );
    assert_eq!(
        known.names.as_ref().map(|n| n.surname.as_str()),
        Some("ЖҰМАБЕКОВ")
    );
    // The formulary being corrected is not its own rival.
    let own = store
        .known(&iin, Some(&n1))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(own, Known::default());

    let again = person("13", "ЖҰМАБЕКОВ", "ҚАЙРАТ", 1);
    match store.register_formulary_at(&again, at(today(), 10)) {
        Err(StoreError::Invalid(found)) => {
            assert!(
                found
                    .iter()
                    .any(|v| v.rule == rule::OPEN && v.message.en.contains(&n1)),
                "{found:?}"
            );
        }
        other => panic!("K-OPEN refuses the second formulary: {other:?}"),
    }
    // Let pass with the reason, it is registered, and the reason kept with it.
    let mut passed = again.clone();
    let_pass(&mut passed, rule::OPEN, "iin");
    let n2 = register(&mut store, &passed, at(today(), 11));
    let both = store.known(&iin, None).unwrap_or_else(|e| panic!("{e}"));
    let numbers: Vec<&str> = both.open.iter().map(|o| o.number.as_str()).collect();
    assert_eq!(numbers, [n2.as_str(), n1.as_str()], "newest first");

    // Cancelled, they are no longer in their course: a new one needs no reason.
    for n in [&n1, &n2] {
        store
            .move_formulary(
                n,
                Event::Cancel {
                    reason: "wrong office".into(),
                },
                None,
                at(today(), 12),
            )
            .unwrap_or_else(|e| panic!("{e}"));
    }
    register(&mut store, &again, at(today(), 13));

    // The same IIN under another surname is refused as K-PERSON, not a silent rename.
    let mut other = person("18", "ИВАНОВ", "ҚАЙРАТ", 1);
    known_person_passes(&mut other);
    other.overrides.retain(|o| o.rule != rule::PERSON);
    match store.register_formulary_at(&other, at(today(), 14)) {
        Err(StoreError::Invalid(found)) => assert!(
            found
                .iter()
                .any(|v| v.rule == rule::PERSON && v.field == "surname"),
            "{found:?}"
        ),
        other => panic!("K-PERSON refuses the rename: {other:?}"),
    }
}

#[test]
fn a_known_iin_fills_the_form_from_its_latest_trusted_formulary() {
    let dir = tempdir();
    let db = register_in(&dir);
    let mut store = open(&db, "aigul");
    let mut first = person("18", "ЖҰМАБЕКОВ", "ҚАЙРАТ", 1);
    first.nationality = Some("КАЗАХ".into());
    let iin = first.iin.clone().unwrap_or_default();
    assert_eq!(store.prefill(&iin).unwrap_or_else(|e| panic!("{e}")), None);
    assert_eq!(
        store
            .prefill("not an iin")
            .unwrap_or_else(|e| panic!("{e}")),
        None
    );
    let n1 = register(&mut store, &first, at(today(), 9));

    // A later formulary spoiled (its data may be what spoiled it) is not read.
    let mut spoiled = first.clone();
    spoiled.birth_place = Some("ҚАТЕ".into());
    known_person_passes(&mut spoiled);
    let n2 = register(&mut store, &spoiled, at(today(), 10));
    store
        .move_formulary(
            &n2,
            Event::Spoil {
                reason: "torn".into(),
            },
            None,
            at(today(), 11),
        )
        .unwrap_or_else(|e| panic!("{e}"));

    let prefill = store
        .prefill(&format!(" {iin} "))
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("the person is known"));
    assert_eq!(
        (prefill.from_number.as_str(), prefill.from_date),
        (n1.as_str(), today())
    );
    assert_eq!(prefill.surname, "ЖҰМАБЕКОВ");
    assert_eq!(prefill.birth_place, first.birth_place);
    assert_eq!(prefill.nationality.as_deref(), Some("КАЗАХ"));
    assert_eq!(prefill.citizenship, first.citizenship);
    assert_eq!(prefill.residence, first.residence);

    // Onto a new form: the empty fields are filled and named; a typed one stays.
    let mut form = Formulary {
        iin: Some(iin.clone()),
        given_name: Some("Қайрат".into()),
        residence: Some(Residence::default()),
        ..Formulary::default()
    };
    let filled = prefill.fill(&mut form);
    assert_eq!(
        filled,
        [
            "surname",
            "patronymic",
            "birth_place",
            "nationality",
            "citizenship",
            "residence.address",
            "residence.arrival_date"
        ]
    );
    assert_eq!(form.given_name.as_deref(), Some("Қайрат"));
    assert_eq!(form.residence, first.residence);
}

#[test]
fn formulary_add_names_the_open_formulary_and_takes_an_override() {
    let dir = tempdir();
    let db = register_in(&dir);
    let f = person("18", "ЖҰМАБЕКОВ", "ҚАЙРАТ", 1);
    let json = |f: &Formulary| f.to_json().unwrap_or_else(|e| panic!("{e}"));
    let add = |text: &str| kense_in(&db, &["--lang", "en", "formulary", "add", "-"], Some(text));
    let first = add(&json(&f));
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    let n1 = first
        .stdout
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string();

    let second = add(&json(&f));
    assert_eq!(second.code, Some(2), "{}", second.stderr);
    assert!(
        second.stderr.contains("K-OPEN") && second.stderr.contains(&n1),
        "{}",
        second.stderr
    );
    // Nothing personal in the refusal: neither the IIN nor the name.
    let iin = f.iin.clone().unwrap_or_default();
    assert!(!second.stderr.contains(&iin) && !second.stderr.contains("ЖҰМАБЕКОВ"));

    let mut passed = f;
    let_pass(&mut passed, rule::OPEN, "iin");
    let third = add(&json(&passed));
    assert_eq!(third.code, Some(0), "{}", third.stderr);
}
