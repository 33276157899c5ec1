//! The interactive session (Elm architecture): `Model`, `Msg`, a pure `update`, and the loop
//! that feeds terminal events through it.

use std::path::Path;
use std::process::ExitCode;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind};

use crate::cli::exit;
use crate::domain::case::Case;
use crate::i18n::Lang;
use crate::store::case_file::{demo_case, load_case};

pub struct Model {
    pub case: Case,
    pub lang: Lang,
    pub quit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Quit,
}

pub fn update(model: &mut Model, msg: Msg) {
    match msg {
        Msg::Quit => model.quit = true,
    }
}

/// Opens FILE (or the demo) in the terminal UI; bad files are reported like `check` does.
pub fn open(file: Option<&Path>, lang: Option<Lang>) -> ExitCode {
    let case = match file {
        None => demo_case(),
        Some(path) => match load_case(path) {
            Ok((case, _warnings)) => case,
            Err(report) => {
                let mut out = String::new();
                report.render_text(&mut out);
                eprint!("{out}");
                return ExitCode::from(exit::ERRORS);
            }
        },
    };
    let lang = lang
        .or_else(Lang::from_env)
        .or_else(|| Lang::from_code(&case.lang))
        .unwrap_or_default();
    let mut model = Model {
        case,
        lang,
        quit: false,
    };
    let _ = color_eyre::install();
    let result = ratatui::run(|terminal| run_loop(terminal, &mut model));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("revmap: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run_loop(terminal: &mut DefaultTerminal, model: &mut Model) -> std::io::Result<()> {
    while !model.quit {
        terminal.draw(|f| f.render_widget(&*model, f.area()))?;
        if let Event::Key(key) = event::read()?
            && key.kind == KeyEventKind::Press
            && matches!(key.code, KeyCode::Char('q') | KeyCode::Esc)
        {
            update(model, Msg::Quit);
        }
    }
    Ok(())
}
