//! The workstation on a terminal smaller than 80×24, drawn into ratatui's TestBackend: it
//! says so, and keys do not change what it cannot show.

mod render_support;

use kense::domain::Lang;
use kense::tui::action::{Action, Move, Tab};
use kense::tui::app::Effect;
use kense::tui::screens::formulary::Focus;
use kense::tui::screens::formulary::spec::FieldId;
use ratatui::layout::Rect;
use render_support::{COLOR, form_app, render, text, type_text};
use tui_input::InputRequest;

#[test]
fn keys_do_not_reach_the_form_hidden_by_the_too_small_screen() {
    let mut app = form_app(Lang::En, COLOR, 60, 20);
    app.focus_field(FieldId::Surname);
    let screen = text(&render(&app, 60, 20));
    assert!(screen.contains("(60×20)"), "{screen}");
    assert_eq!(
        app.update(Action::Edit(InputRequest::InsertChar('A'))),
        Effect::None
    );
    for action in [
        Action::Focus(Focus::Next),
        Action::ShowTab(Tab::Register),
        Action::Select(Move::Down),
        Action::Save,
        Action::Pick,
        Action::OtherForm,
        Action::Confirm,
    ] {
        assert_eq!(app.update(action.clone()), Effect::None, "{action:?}");
    }
    assert_eq!(app.form().value(FieldId::Surname), "");
    assert_eq!(app.tab(), Tab::NewFormulary);
    // The help opens and Esc closes it; a blank form quits at once.
    assert_eq!(app.update(Action::Help), Effect::Redraw);
    assert_eq!(app.update(Action::Back), Effect::Redraw);
    assert_eq!(app.update(Action::Quit), Effect::Quit);
    // Back at 80×24 the keys work again, in the field that had the focus.
    app.resize(Rect::new(0, 0, 80, 24));
    assert_eq!(app.update(Action::Resize), Effect::Redraw);
    type_text(&mut app, "Ахметова");
    assert_eq!(app.form().value(FieldId::Surname), "Ахметова");
}

#[test]
fn a_quiet_moment_still_keeps_the_draft_on_a_too_small_screen() {
    let mut app = form_app(Lang::Ru, COLOR, 80, 24);
    app.focus_field(FieldId::Surname);
    type_text(&mut app, "Ахметова");
    app.resize(Rect::new(0, 0, 70, 24));
    assert_eq!(app.update(Action::Resize), Effect::Redraw);
    assert!(matches!(app.update(Action::Tick), Effect::SaveDraft(_)));
    // With an entry, Ctrl-Q asks first; a second Ctrl-Q quits, as `y` is no key here.
    assert_eq!(app.update(Action::Quit), Effect::Redraw);
    assert_eq!(app.update(Action::Quit), Effect::Quit);
}
