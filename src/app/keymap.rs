//! The one keymap. `BINDINGS` maps keys to actions per scope; the same table resolves key
//! presses, generates the `?` help and the status-line hints, so they cannot drift apart.
//!
//! Resolution: a pop-up sees only its own bindings; a text input sees only `Insert`
//! bindings and gets every other key as text; otherwise the current stage's bindings win
//! over the global ones.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::msg::{Action, Msg};
use crate::domain::case::Stage;
use crate::i18n::Strings;

/// A key with its modifiers (Ctrl, Alt). Shift is part of the character ('G', '?').
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyCombo {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn key(code: KeyCode) -> KeyCombo {
    KeyCombo {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> KeyCombo {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> KeyCombo {
    KeyCombo {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

impl KeyCombo {
    /// The combo a key event stands for: Shift dropped from characters and Shift-Tab, only
    /// Ctrl and Alt kept.
    pub fn of(ev: &KeyEvent) -> KeyCombo {
        KeyCombo {
            code: ev.code,
            mods: ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT),
        }
    }

    /// How help and hints print the key: "q", "Ctrl-s", "↓", "S-Tab".
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Backspace => "Bksp".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{base}")
        } else if self.mods.contains(KeyModifiers::ALT) {
            format!("Alt-{base}")
        } else {
            base
        }
    }
}

/// Pop-ups with their own keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PopupKind {
    Help,
    Confirm,
    Picker,
    Restore,
    Compare,
    Agenda,
    Report,
    Privacy,
}

impl PopupKind {
    pub const ALL: [PopupKind; 8] = [
        PopupKind::Help,
        PopupKind::Confirm,
        PopupKind::Picker,
        PopupKind::Restore,
        PopupKind::Compare,
        PopupKind::Agenda,
        PopupKind::Report,
        PopupKind::Privacy,
    ];
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Normal mode, in every stage (a stage binding for the same key wins).
    Global,
    /// Normal mode, in one stage.
    Stage(Stage),
    Popup(PopupKind),
    /// Typing into a filter, a path or the editor.
    Insert,
}

/// What the keyboard is talking to right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Normal(Stage),
    Popup(PopupKind),
    Insert,
}

impl Context {
    /// Scopes searched, in priority order.
    pub fn scopes(self) -> Vec<Scope> {
        match self {
            Context::Normal(stage) => vec![Scope::Stage(stage), Scope::Global],
            Context::Popup(kind) => vec![Scope::Popup(kind)],
            Context::Insert => vec![Scope::Insert],
        }
    }

    /// Whether unbound keys are text for an input.
    pub fn takes_text(self) -> bool {
        matches!(self, Context::Insert | Context::Popup(PopupKind::Picker))
    }
}

type Text = fn(&Strings) -> &'static str;

pub struct Binding {
    pub keys: &'static [KeyCombo],
    pub action: Action,
    pub scope: Scope,
    pub help: Text,
    /// A word for the status line, for the bindings worth a hint.
    pub hint: Option<Text>,
}

const fn b(keys: &'static [KeyCombo], action: Action, scope: Scope, help: Text) -> Binding {
    Binding {
        keys,
        action,
        scope,
        help,
        hint: None,
    }
}

const fn h(
    keys: &'static [KeyCombo],
    action: Action,
    scope: Scope,
    help: Text,
    hint: Text,
) -> Binding {
    Binding {
        keys,
        action,
        scope,
        help,
        hint: Some(hint),
    }
}

use KeyCode as K;
use Scope::{Global as G, Insert as I};
const START: Scope = Scope::Stage(Stage::Start);
const CASE: Scope = Scope::Stage(Stage::Case);
const GOALS: Scope = Scope::Stage(Stage::Goals);
const PAIRS: Scope = Scope::Stage(Stage::Pairs);
const MAP: Scope = Scope::Stage(Stage::Map);
const PRESENT: Scope = Scope::Stage(Stage::Present);
const HELP: Scope = Scope::Popup(PopupKind::Help);
const CONFIRM: Scope = Scope::Popup(PopupKind::Confirm);
const PICKER: Scope = Scope::Popup(PopupKind::Picker);
const RESTORE: Scope = Scope::Popup(PopupKind::Restore);
const COMPARE: Scope = Scope::Popup(PopupKind::Compare);
const AGENDA: Scope = Scope::Popup(PopupKind::Agenda);
const REPORT: Scope = Scope::Popup(PopupKind::Report);
const PRIVACY: Scope = Scope::Popup(PopupKind::Privacy);

/// Every key binding. Order is the help's order within a scope, and the hints' order.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    // Normal mode, every stage.
    h(&[ch('q'), ctrl('c')], Action::Quit, G, |s| s.keys.quit, |s| s.keys.hint_quit),
    h(&[ch('?')], Action::Help, G, |s| s.keys.help, |s| s.keys.hint_help),
    b(&[ctrl('s')], Action::Save, G, |s| s.persist.key_save),
    b(&[ch('W')], Action::SaveAs, G, |s| s.persist.key_save_as),
    b(&[ch('E')], Action::Export, G, |s| s.persist.key_export),
    h(&[key(K::Tab)], Action::NextStage, G, |s| s.keys.next_stage, |s| s.keys.hint_stage),
    b(&[key(K::BackTab)], Action::PrevStage, G, |s| s.keys.prev_stage),
    b(&[ch('1')], Action::Goto(Stage::Start), G, |s| s.keys.goto[0]),
    b(&[ch('2')], Action::Goto(Stage::Case), G, |s| s.keys.goto[1]),
    b(&[ch('3')], Action::Goto(Stage::Goals), G, |s| s.keys.goto[2]),
    b(&[ch('4')], Action::Goto(Stage::Pairs), G, |s| s.keys.goto[3]),
    b(&[ch('5')], Action::Goto(Stage::Map), G, |s| s.keys.goto[4]),
    b(&[ch('6')], Action::Goto(Stage::Present), G, |s| s.keys.goto[5]),
    b(&[ch('k'), key(K::Up)], Action::Up, G, |s| s.keys.up),
    b(&[ch('j'), key(K::Down)], Action::Down, G, |s| s.keys.down),
    b(&[ch('h'), key(K::Left)], Action::Left, G, |s| s.keys.left),
    b(&[ch('l'), key(K::Right)], Action::Right, G, |s| s.keys.right),
    b(&[key(K::PageUp), ctrl('b')], Action::PageUp, G, |s| s.keys.page_up),
    b(&[key(K::PageDown), ctrl('f')], Action::PageDown, G, |s| s.keys.page_down),
    b(&[ch('g'), key(K::Home)], Action::Top, G, |s| s.keys.top),
    b(&[ch('G'), key(K::End)], Action::Bottom, G, |s| s.keys.bottom),
    // The room: plan and timers, on every stage.
    h(&[ch('A')], Action::Agenda, G, |s| s.room.key_agenda, |s| s.room.hint_plan),
    h(&[ch('P')], Action::Pause, G, |s| s.room.key_pause, |s| s.room.hint_timer),
    b(&[ch('>')], Action::MoreTime, G, |s| s.room.key_more),
    b(&[ch('<')], Action::LessTime, G, |s| s.room.key_less),
    b(&[ch('}')], Action::NextItem, G, |s| s.room.key_next_item),
    b(&[ch('{')], Action::PrevItem, G, |s| s.room.key_prev_item),
    b(&[ch('V')], Action::Privacy, G, |s| s.room.key_privacy),
    b(&[ctrl('z')], Action::Undo, G, |s| s.room.key_undo),
    b(&[ctrl('y'), ctrl('r')], Action::Redo, G, |s| s.room.key_redo),
    b(&[ch('F')], Action::PresenterLock, G, |s| s.room.key_lock),
    b(&[ch('X')], Action::ResetStage, G, |s| s.room.key_reset),
    // Start.
    h(&[key(K::Enter)], Action::Activate, START, |s| s.keys.open, |s| s.keys.hint_open),
    h(&[ch('/')], Action::Filter, START, |s| s.keys.filter, |s| s.keys.hint_filter),
    b(&[ch('o')], Action::OpenPath, START, |s| s.keys.open_path),
    b(&[key(K::Esc)], Action::Back, START, |s| s.keys.back),
    // Case.
    h(&[ch('t')], Action::CaseTab, CASE, |s| s.keys.case_tab, |s| s.keys.hint_tab),
    h(&[ch('s')], Action::Sort, CASE, |s| s.keys.sort, |s| s.keys.hint_sort),
    b(&[ch('S')], Action::Reverse, CASE, |s| s.keys.reverse),
    h(&[ch('/')], Action::Filter, CASE, |s| s.keys.filter, |s| s.keys.hint_filter),
    b(&[key(K::Esc)], Action::Back, CASE, |s| s.keys.back),
    // Goals.
    h(&[ch('a')], Action::Pick, GOALS, |s| s.keys.pick, |s| s.keys.hint_pick),
    h(&[ch('i')], Action::Write, GOALS, |s| s.keys.write, |s| s.keys.hint_write),
    h(&[key(K::Enter), ch('e')], Action::Activate, GOALS, |s| s.keys.edit_entry, |s| s.keys.hint_edit),
    h(&[ch('d'), key(K::Delete)], Action::Delete, GOALS, |s| s.keys.delete, |s| s.keys.hint_delete),
    b(&[ch('K')], Action::MoveUp, GOALS, |s| s.keys.move_up),
    b(&[ch('J')], Action::MoveDown, GOALS, |s| s.keys.move_down),
    // Pairs.
    h(&[ch('m')], Action::NextMode, PAIRS, |s| s.keys.next_mode, |s| s.keys.hint_mode),
    h(&[ch('r')], Action::Solve, PAIRS, |s| s.keys.solve, |s| s.keys.hint_solve),
    h(&[ch('L')], Action::Lock, PAIRS, |s| s.keys.lock, |s| s.keys.hint_lock),
    b(&[ch('f')], Action::Forbid, PAIRS, |s| s.keys.forbid),
    b(&[ch('u')], Action::Unpair, PAIRS, |s| s.keys.unpair),
    b(&[ch('x')], Action::Swap, PAIRS, |s| s.keys.swap),
    b(&[ch('v')], Action::Network, PAIRS, |s| s.keys.network),
    b(&[key(K::Esc)], Action::Back, PAIRS, |s| s.keys.cancel_swap),
    // Map.
    h(&[ch(']')], Action::NextSubject, MAP, |s| s.keys.next_subject, |s| s.keys.hint_subject),
    b(&[ch('[')], Action::PrevSubject, MAP, |s| s.keys.prev_subject),
    h(&[key(K::Enter), ch('e')], Action::Activate, MAP, |s| s.keys.edit_field, |s| s.keys.hint_edit),
    b(&[ch('+')], Action::Longer, MAP, |s| s.keys.longer),
    b(&[ch('-')], Action::Shorter, MAP, |s| s.keys.shorter),
    b(&[ch('R')], Action::Refill, MAP, |s| s.keys.refill),
    b(&[ch('r')], Action::AddResource, MAP, |s| s.keys.add_resource),
    b(&[ch('t')], Action::ToggleTopic, MAP, |s| s.keys.toggle_topic),
    b(&[ch('d'), key(K::Delete)], Action::Delete, MAP, |s| s.keys.delete_activity),
    b(&[ch('c')], Action::Compare, MAP, |s| s.persist.key_compare),
    // Present.
    h(&[ch(' '), key(K::PageDown), key(K::Right), key(K::Down), ch('l'), ch('j')], Action::NextPage, PRESENT, |s| s.keys.next_page, |s| s.keys.hint_page),
    b(&[key(K::Backspace), key(K::PageUp), key(K::Left), key(K::Up), ch('h'), ch('k')], Action::PrevPage, PRESENT, |s| s.keys.prev_page),
    b(&[ch('p')], Action::PresentContent, PRESENT, |s| s.keys.present_content),
    b(&[ch(']')], Action::NextSubject, PRESENT, |s| s.keys.next_team),
    b(&[ch('[')], Action::PrevSubject, PRESENT, |s| s.keys.prev_team),
    b(&[ch('c')], Action::Compare, PRESENT, |s| s.persist.key_compare),
    b(&[key(K::Esc)], Action::Back, PRESENT, |s| s.keys.back_to_map),
    // Help pop-up.
    h(&[key(K::Esc), ch('?'), ch('q')], Action::Close, HELP, |s| s.keys.close, |s| s.keys.hint_close),
    b(&[ch('k'), key(K::Up)], Action::Up, HELP, |s| s.keys.scroll_up),
    b(&[ch('j'), key(K::Down)], Action::Down, HELP, |s| s.keys.scroll_down),
    b(&[key(K::PageUp)], Action::PageUp, HELP, |s| s.keys.page_up),
    b(&[key(K::PageDown), ch(' ')], Action::PageDown, HELP, |s| s.keys.page_down),
    // Import report pop-up.
    h(&[key(K::Esc), ch('q'), key(K::Enter)], Action::Close, REPORT, |s| s.keys.close, |s| s.keys.hint_close),
    b(&[ch('k'), key(K::Up)], Action::Up, REPORT, |s| s.keys.scroll_up),
    b(&[ch('j'), key(K::Down)], Action::Down, REPORT, |s| s.keys.scroll_down),
    b(&[key(K::PageUp)], Action::PageUp, REPORT, |s| s.keys.page_up),
    b(&[key(K::PageDown), ch(' ')], Action::PageDown, REPORT, |s| s.keys.page_down),
    // Yes/no pop-up.
    b(&[ch('y'), key(K::Enter)], Action::Yes, CONFIRM, |s| s.keys.confirm_yes),
    h(&[ch('n'), key(K::Esc)], Action::No, CONFIRM, |s| s.keys.confirm_no, |s| s.keys.hint_close),
    b(&[ch('d')], Action::Discard, CONFIRM, |s| s.persist.key_discard),
    // Restore pop-up (at start, when unsaved work was found).
    b(&[ch('y'), key(K::Enter)], Action::Yes, RESTORE, |s| s.persist.key_restore),
    b(&[ch('n')], Action::No, RESTORE, |s| s.persist.key_discard),
    h(&[key(K::Esc)], Action::Close, RESTORE, |s| s.persist.key_later, |s| s.keys.hint_close),
    // Compare pop-up.
    b(&[key(K::BackTab)], Action::OtherLeft, COMPARE, |s| s.persist.key_compare_left),
    b(&[key(K::Tab)], Action::OtherRight, COMPARE, |s| s.persist.key_compare_right),
    b(&[ch('h'), key(K::Left)], Action::Left, COMPARE, |s| s.persist.key_compare_prev),
    b(&[ch('l'), key(K::Right)], Action::Right, COMPARE, |s| s.persist.key_compare_next),
    b(&[ch('k'), key(K::Up)], Action::Up, COMPARE, |s| s.keys.scroll_up),
    b(&[ch('j'), key(K::Down)], Action::Down, COMPARE, |s| s.keys.scroll_down),
    h(&[key(K::Esc), ch('q'), ch('c')], Action::Close, COMPARE, |s| s.persist.key_close, |s| s.keys.hint_close),
    // Picker pop-up (other keys type into its filter).
    h(&[key(K::Enter)], Action::Accept, PICKER, |s| s.keys.picker_accept, |s| s.keys.hint_accept),
    h(&[key(K::Esc)], Action::Close, PICKER, |s| s.keys.close, |s| s.keys.hint_close),
    b(&[key(K::Up), ctrl('p')], Action::Up, PICKER, |s| s.keys.up),
    b(&[key(K::Down), ctrl('n')], Action::Down, PICKER, |s| s.keys.down),
    b(&[key(K::PageUp)], Action::PageUp, PICKER, |s| s.keys.page_up),
    b(&[key(K::PageDown)], Action::PageDown, PICKER, |s| s.keys.page_down),
    // The session plan pop-up.
    h(&[key(K::Enter)], Action::Activate, AGENDA, |s| s.room.key_item_start, |s| s.room.hint_start),
    h(&[key(K::Esc), ch('A'), ch('q')], Action::Close, AGENDA, |s| s.room.key_close, |s| s.keys.hint_close),
    b(&[ch('k'), key(K::Up)], Action::Up, AGENDA, |s| s.keys.up),
    b(&[ch('j'), key(K::Down)], Action::Down, AGENDA, |s| s.keys.down),
    h(&[ch('+'), ch('=')], Action::Longer, AGENDA, |s| s.room.key_item_longer, |s| s.room.hint_longer),
    h(&[ch('-')], Action::Shorter, AGENDA, |s| s.room.key_item_shorter, |s| s.room.hint_shorter),
    b(&[ch('K')], Action::MoveUp, AGENDA, |s| s.room.key_item_up),
    b(&[ch('J')], Action::MoveDown, AGENDA, |s| s.room.key_item_down),
    h(&[ch('e')], Action::Write, AGENDA, |s| s.room.key_item_rename, |s| s.room.hint_rename),
    h(&[ch('w')], Action::Presenter, AGENDA, |s| s.room.key_item_presenter, |s| s.room.hint_who),
    h(&[ch('a')], Action::AddItem, AGENDA, |s| s.room.key_item_add, |s| s.room.hint_add),
    h(&[ch('d'), key(K::Delete)], Action::Delete, AGENDA, |s| s.room.key_item_delete, |s| s.room.hint_remove),
    b(&[ch('P')], Action::Pause, AGENDA, |s| s.room.key_pause),
    b(&[ch('r')], Action::Restart, AGENDA, |s| s.room.key_item_restart),
    b(&[ch('b')], Action::Bell, AGENDA, |s| s.room.key_bell),
    b(&[ctrl('z')], Action::Undo, AGENDA, |s| s.room.key_undo),
    b(&[ctrl('y'), ctrl('r')], Action::Redo, AGENDA, |s| s.room.key_redo),
    // The privacy pop-up.
    h(&[ch(' '), key(K::Enter)], Action::Activate, PRIVACY, |s| s.room.key_privacy_toggle, |s| s.room.hint_toggle),
    h(&[ch('a')], Action::PrivacyAll, PRIVACY, |s| s.room.key_privacy_all, |s| s.room.hint_all),
    b(&[ch('k'), key(K::Up)], Action::Up, PRIVACY, |s| s.keys.up),
    b(&[ch('j'), key(K::Down)], Action::Down, PRIVACY, |s| s.keys.down),
    h(&[key(K::Esc), ch('V'), ch('q')], Action::Close, PRIVACY, |s| s.keys.close, |s| s.keys.hint_close),
    // Typing.
    h(&[key(K::Esc)], Action::InputDone, I, |s| s.keys.input_done, |s| s.keys.hint_done),
    b(&[ctrl('s')], Action::InputSave, I, |s| s.keys.input_save),
    b(&[key(K::Enter)], Action::InputEnter, I, |s| s.keys.input_enter),
];

/// The action bound to `combo` in `ctx`, if any.
pub fn resolve(combo: KeyCombo, ctx: Context) -> Option<Action> {
    ctx.scopes().into_iter().find_map(|scope| {
        BINDINGS
            .iter()
            .find(|b| b.scope == scope && b.keys.contains(&combo))
            .map(|b| b.action)
    })
}

/// The message for a key event in `ctx`: a bound action, text for an input, or nothing.
/// Only presses count (terminals that report releases and repeats send those too).
pub fn msg_for_key(ev: &KeyEvent, ctx: Context) -> Option<Msg> {
    if ev.kind != KeyEventKind::Press {
        return None;
    }
    match resolve(KeyCombo::of(ev), ctx) {
        Some(action) => Some(Msg::Act(action)),
        None if ctx.takes_text() => Some(Msg::Input((*ev).into())),
        None => None,
    }
}

/// The bindings of one scope, in table order.
pub fn in_scope(scope: Scope) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.scope == scope)
}

/// "j ↓": every key of a binding.
pub fn keys_label(b: &Binding) -> String {
    b.keys
        .iter()
        .map(KeyCombo::label)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Status-line hints for `ctx`: (first key, word). Help comes first, so a newcomer always
/// sees it; then the stage's hints, then the global ones.
pub fn hints(ctx: Context, s: &Strings) -> Vec<(String, &'static str)> {
    let mut bindings: Vec<&Binding> = ctx.scopes().into_iter().flat_map(in_scope).collect();
    bindings.sort_by_key(|b| b.action != Action::Help);
    bindings
        .into_iter()
        .filter_map(|b| Some((b.keys[0].label(), (b.hint?)(s))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn stage_bindings_win_over_global_ones() {
        let right = KeyCombo::of(&press(K::Right, KeyModifiers::NONE));
        assert_eq!(
            resolve(right, Context::Normal(Stage::Case)),
            Some(Action::Right)
        );
        assert_eq!(
            resolve(right, Context::Normal(Stage::Present)),
            Some(Action::NextPage)
        );
    }

    #[test]
    fn shift_is_part_of_the_character() {
        let g = press(K::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(
            resolve(KeyCombo::of(&g), Context::Normal(Stage::Case)),
            Some(Action::Bottom)
        );
        let back = press(K::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            resolve(KeyCombo::of(&back), Context::Normal(Stage::Goals)),
            Some(Action::PrevStage)
        );
    }

    #[test]
    fn typing_contexts_get_unbound_keys_as_text() {
        let q = press(K::Char('q'), KeyModifiers::NONE);
        assert!(matches!(
            msg_for_key(&q, Context::Insert),
            Some(Msg::Input(_))
        ));
        assert!(matches!(
            msg_for_key(&q, Context::Popup(PopupKind::Picker)),
            Some(Msg::Input(_))
        ));
        assert!(matches!(
            msg_for_key(&q, Context::Normal(Stage::Start)),
            Some(Msg::Act(Action::Quit))
        ));
        let ya = press(K::Char('я'), KeyModifiers::NONE);
        assert!(msg_for_key(&ya, Context::Normal(Stage::Goals)).is_none());
    }

    #[test]
    fn releases_are_ignored() {
        let mut q = press(K::Char('q'), KeyModifiers::NONE);
        q.kind = KeyEventKind::Release;
        assert!(msg_for_key(&q, Context::Normal(Stage::Start)).is_none());
    }

    /// A key bound twice in one scope would make the second binding dead.
    #[test]
    fn no_key_is_bound_twice_in_a_scope() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.scope == b.scope {
                    for k in a.keys {
                        assert!(
                            !b.keys.contains(k),
                            "{} bound twice in {:?}",
                            k.label(),
                            a.scope
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_binding_has_help_in_both_languages() {
        for lang in [Lang::En, Lang::Ru] {
            let s = lang.strings();
            for b in BINDINGS {
                assert!(!(b.help)(s).trim().is_empty(), "{:?}", b.action);
                if let Some(hint) = b.hint {
                    assert!(!hint(s).trim().is_empty());
                }
            }
        }
    }

    #[test]
    fn hints_follow_the_context() {
        let s = Lang::En.strings();
        let pairs = hints(Context::Normal(Stage::Pairs), s);
        assert_eq!(pairs[0], ("?".to_string(), "help"));
        assert_eq!(pairs[1], ("m".to_string(), "mode"));
        assert!(pairs.iter().any(|(k, w)| k == "q" && *w == "quit"));
        let typing = hints(Context::Insert, s);
        assert_eq!(typing, vec![("Esc".to_string(), "done")]);
    }
}
