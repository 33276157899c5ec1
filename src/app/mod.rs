//! The interactive session in the Elm architecture: a `Model`, `Msg`s, a pure `update`
//! returning `Cmd`s, and a loop (`runtime`) that feeds terminal events through it.

pub mod clock;
pub mod edit;
pub mod engine;
pub mod facilitator;
pub mod fuzzy;
pub mod history;
pub mod keymap;
pub mod model;
pub mod msg;
pub mod persist;
pub mod persist_io;
#[cfg(test)]
pub(crate) mod persist_tests;
pub mod popup;
pub mod privacy;
pub mod room;
pub mod runtime;
pub mod stage;
pub mod terminal;
#[cfg(test)]
pub mod testkit;
#[cfg(test)]
mod tests;
pub mod update;

use std::path::Path;
use std::process::ExitCode;

pub use model::Model;
pub use msg::{Action, Cmd, Msg};
pub use update::update;

use crate::cli::exit;
use crate::domain::case::Stage;
use crate::i18n::Lang;
use crate::store::case_file::demo_case;
use crate::store::library;
use crate::store::session_file::new_session;
use crate::ui::theme::{Theme, ThemeName};
use model::Popup;
use msg::Source;

/// Opens FILE — a case or a saved session — or the demo in the terminal UI; bad files are
/// reported like `check` does. `output` is where Ctrl-S saves (default: the opened session
/// file, or a new `CASE.session.ron` in the current folder).
pub fn open(
    file: Option<&Path>,
    output: Option<&Path>,
    lang: Option<Lang>,
    theme: Option<ThemeName>,
) -> ExitCode {
    let (session, source, session_file, report) = match file {
        None => (
            new_session(demo_case(), &clock::now_rfc3339()),
            Source::Demo,
            None,
            None,
        ),
        Some(path) => match runtime::read_source(path, lang.or_else(Lang::from_env)) {
            Ok((session, saved, report)) => {
                (session, Source::File(path.to_path_buf()), saved, report)
            }
            Err(report) => {
                eprintln!("{}", report.trim_end());
                return ExitCode::from(exit::ERRORS);
            }
        },
    };
    let lang = lang
        .or_else(Lang::from_env)
        .or_else(|| Lang::from_code(&session.case.lang))
        .unwrap_or_default();
    let theme = Theme::new(theme.unwrap_or_default(), Theme::color_allowed());
    let data = library::data_dir();
    let recent = data
        .as_deref()
        .map(library::load_recent)
        .unwrap_or_default();
    let entries = library::entries(&library::scenario_dirs(), &recent);
    let opened_file = file.is_some();
    let mut model = Model::new(session, source, lang, theme, entries);
    model.output = output.map(Path::to_path_buf);
    model.file = model.output.clone().or(session_file);
    model.data = data;
    if opened_file {
        model.stage = Stage::Case;
    }
    if let Some(text) = report {
        model.popup = Some(Popup::import_report(&model, &text));
    }
    offer_recovery(&mut model);
    terminal::run(&mut model)
}

/// Unsaved work from a crash: the copy of the session just opened if there is one, else
/// the most recent, is offered for restoring before anything else.
fn offer_recovery(m: &mut Model) {
    let Some(recovery) = m.recovery() else {
        return;
    };
    let mut pending = recovery.scan().pending;
    let this = pending.iter().position(|p| {
        p.session.id == m.session.id || (p.saved_as.is_some() && p.saved_as == m.file)
    });
    let Some(chosen) = this.or((!pending.is_empty()).then_some(0)) else {
        return;
    };
    let p = pending.swap_remove(chosen);
    let when = p
        .written
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| crate::domain::text::human_time(&clock::rfc3339(d.as_secs())))
        .unwrap_or_default();
    m.popup = Some(Popup::Restore(Box::new(persist::Restore::new(
        p, m.lang, when,
    ))));
}
