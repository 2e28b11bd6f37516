//! The evaluator's terminal interface, in the Elm style: events → key table →
//! `update` (pure) → effects carried out by the runner on a worker thread →
//! outcomes back as events; drawing is a pure function of the state.
//! Nothing outside this module imports it but `commands` (to start it).

pub mod action;
pub mod availability;
pub mod effect;
pub mod event;
pub mod i18n;
pub mod keymap;
pub mod keys;
pub mod mouse;
pub mod runner;
pub mod state;
mod terminal;
pub mod update;
pub mod views;

#[cfg(test)]
mod carry_flow_tests;
#[cfg(test)]
mod day_flow_tests;
#[cfg(test)]
mod flow_tests;
#[cfg(test)]
mod mouse_flow_tests;
#[cfg(test)]
mod plan_flow_tests;
#[cfg(test)]
mod snapshot_day_tests;
#[cfg(test)]
mod snapshot_tests;
#[cfg(test)]
mod test_support;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc;

use anyhow::Context as _;

use crate::domain::lang::Lang;
use crate::store::Store;
use action::Action;
use effect::Effect;
use event::Event;
use runner::Runner;
use state::AppState;

/// What the interface needs to start.
#[derive(Debug, Clone)]
pub struct Options {
    pub db_path: PathBuf,
    pub content_dir: Option<PathBuf>,
    pub lang: Lang,
    pub actor: String,
    /// An assessment id (or prefix) to open straight away (`frontera open ID`).
    pub open: Option<String>,
}

/// Whether colours may be used: not when `NO_COLOR` is set to anything.
pub fn colour_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Carries out `effects` in place, feeding every outcome back through `update`
/// until nothing is left to do. Used before the first frame, and by tests.
pub fn settle(state: &mut AppState, runner: &mut Runner, effects: Vec<Effect>) {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        for outcome in runner.run(effect) {
            queue.extend(update::update(state, Action::Done(outcome)));
        }
    }
}

/// Opens the database and loads what the first screen shows (the home screen,
/// or the workspace of `options.open` on its first open item). A bad id is an
/// error here, before the terminal is touched.
pub fn start(options: &Options) -> anyhow::Result<(AppState, Runner)> {
    // Opening an assessment needs its database; the home screen may start
    // on a new one (it offers the demo data).
    let mut store = if options.open.is_some() {
        Store::open_existing(&options.db_path, &options.actor)?
    } else {
        Store::open(&options.db_path, &options.actor)?
    };
    // Changes made here join this machine's device chain, as on the command line.
    if let Some(key) = crate::device::current()? {
        store.set_device(&key.device_id())?;
    }
    let open = match &options.open {
        Some(text) => Some(store.resolve(text)?),
        None => None,
    };
    let mut runner = Runner::new(store, options.content_dir.clone(), options.lang);
    runner.set_db_path(options.db_path.clone());
    let mut state = AppState::new(
        options.lang,
        &options.actor,
        options.db_path.clone(),
        colour_allowed(),
    );
    let mut effects = vec![Effect::LoadHome { select: None }];
    if let Some(id) = open {
        effects.push(Effect::OpenAssessment(id));
    }
    settle(&mut state, &mut runner, effects);
    if options.open.is_some() && state.workspace.is_none() {
        let why = state.message.as_ref().map_or("", |m| m.text.as_str());
        let head = crate::messages::pick(
            options.lang,
            [
                "cannot open the assessment",
                "no se puede abrir la evaluación",
                "não é possível abrir a avaliação",
            ],
        );
        anyhow::bail!("{head}: {why}");
    }
    Ok((state, runner))
}

pub fn run(options: Options) -> anyhow::Result<()> {
    let (mut state, mut runner) = start(&options)?;
    let (tx, rx) = mpsc::channel::<Event>();
    let (effects_tx, effects_rx) = mpsc::channel::<Effect>();
    let sink_tx = tx.clone();
    runner.set_background(Arc::new(move |outcome| {
        // The loop may have ended; a late export result then has no screen.
        let _ = sink_tx.send(Event::Outcome(Box::new(outcome)));
    }));
    // The store worker: effects run in order, off the UI thread; each outcome
    // comes back as an event. It ends when the loop drops its sender.
    let worker_tx = tx.clone();
    let worker = std::thread::spawn(move || {
        for effect in effects_rx {
            for outcome in runner.run(effect) {
                let _ = worker_tx.send(Event::Outcome(Box::new(outcome)));
            }
        }
    });
    terminal::install_panic_hook();
    let lang = options.lang;
    event::spawn_signals(tx.clone()).context(crate::messages::pick(
        lang,
        [
            "cannot listen for termination signals",
            "no se pueden recibir las señales de terminación",
            "não é possível receber os sinais de encerramento",
        ],
    ))?;
    let (mut terminal, guard) = terminal::setup().context(crate::messages::pick(
        lang,
        [
            "cannot take over the terminal",
            "no se puede tomar el control de la terminal",
            "não é possível assumir o controle do terminal",
        ],
    ))?;
    if let Ok(size) = terminal.size() {
        update::update(&mut state, Action::Resize(size.width, size.height));
    }
    event::spawn_input(tx);
    let result = (|| -> anyhow::Result<()> {
        // Where the last frame put its rows and tabs, for the mouse.
        let mut hits = views::hits::Hits::default();
        loop {
            terminal.draw(|frame| hits = views::draw(frame, &state))?;
            let Ok(event) = rx.recv() else {
                return Ok(());
            };
            let action = match event {
                // Behind the "too small" notice only quitting acts.
                Event::Key(key) if state.too_small() => keymap::resolve_too_small(key),
                Event::Key(key) => keymap::resolve(state.mode(), key),
                Event::Mouse(_) if state.too_small() => None,
                Event::Mouse(input) => mouse::resolve(state.mode(), &hits, input),
                Event::Paste(text) => Some(Action::Paste(text)),
                Event::Tick => Some(Action::Tick),
                Event::Resize(width, height) => Some(Action::Resize(width, height)),
                Event::Outcome(outcome) => Some(Action::Done(*outcome)),
                Event::Signal => Some(Action::Quit),
            };
            if let Some(action) = action {
                for effect in update::update(&mut state, action) {
                    // The worker only stops when this sender is dropped.
                    let _ = effects_tx.send(effect);
                }
            }
            if state.quit {
                return Ok(());
            }
        }
    })();
    // Let queued saves finish before leaving: nothing typed is lost.
    drop(effects_tx);
    let _ = worker.join();
    drop(terminal);
    drop(guard);
    result
}
