//! The passphrase of an encrypted database, typed on the terminal without
//! echo or, for scripts, read from `FRONTERA_PASSPHRASE` (weaker: the
//! environment of a process can be read by the same user's other programs and
//! may end up in shell history). Never a command-line argument, which every
//! user of the machine can see in the process list.

use std::io::{BufRead, Write};
use std::path::Path;

use anyhow::Result;

use super::invalid;
use crate::domain::lang::Lang;
use crate::messages::pick;
use crate::store::cipher::Passphrase;

/// The passphrase of the database, for scripts.
pub const ENV: &str = "FRONTERA_PASSPHRASE";
/// The new passphrase of `frontera db rekey`, for scripts.
pub const NEW_ENV: &str = "FRONTERA_NEW_PASSPHRASE";

fn from_env(var: &str) -> Option<String> {
    std::env::var(var).ok()
}

fn empty(lang: Lang) -> anyhow::Error {
    invalid(pick(
        lang,
        [
            "an empty passphrase is not allowed; nothing was changed",
            "no se admite una frase de paso vacía; no se modificó nada",
            "uma frase-senha vazia não é permitida; nada foi alterado",
        ],
    ))
}

fn no_terminal(lang: Lang, var: &str) -> anyhow::Error {
    invalid(match lang {
        Lang::En => format!(
            "cannot ask for the passphrase: there is no terminal; a script can set {var} (weaker than typing it); nothing was changed"
        ),
        Lang::Es => format!(
            "no se puede pedir la frase de paso: no hay terminal; un script puede definir {var} (más débil que teclearla); no se modificó nada"
        ),
        Lang::Pt => format!(
            "não é possível pedir a frase-senha: não há terminal; um script pode definir {var} (mais fraco que digitá-la); nada foi alterado"
        ),
    })
}

/// Whether a passphrase can be had: from the environment, or asked because
/// a person is at the terminal (not a script with its input redirected).
pub fn can_ask() -> bool {
    use std::io::IsTerminal;
    from_env(ENV).is_some()
        || (std::io::stdin().is_terminal() && std::fs::File::open("/dev/tty").is_ok())
}

/// The passphrase that opens the database at `path`.
pub fn current(lang: Lang, path: &Path) -> Result<Passphrase> {
    let text = match from_env(ENV) {
        Some(text) => text,
        None => {
            let question = match lang {
                Lang::En => format!("Passphrase of {}: ", path.display()),
                Lang::Es => format!("Frase de paso de {}: ", path.display()),
                Lang::Pt => format!("Frase-senha de {}: ", path.display()),
            };
            ask(&question)?.ok_or_else(|| no_terminal(lang, ENV))?
        }
    };
    Passphrase::new(text).ok_or_else(|| empty(lang))
}

/// A new passphrase: from `var`, or typed twice on the terminal.
pub fn new_one(lang: Lang, var: &str) -> Result<Passphrase> {
    if let Some(text) = from_env(var) {
        return Passphrase::new(text).ok_or_else(|| empty(lang));
    }
    let [first, again] = pick(
        lang,
        [
            ["New passphrase: ", "The same again: "],
            ["Nueva frase de paso: ", "La misma otra vez: "],
            ["Nova frase-senha: ", "A mesma outra vez: "],
        ],
    );
    let text = ask(first)?.ok_or_else(|| no_terminal(lang, var))?;
    let repeated = ask(again)?.ok_or_else(|| no_terminal(lang, var))?;
    if text != repeated {
        return Err(invalid(pick(
            lang,
            [
                "the two passphrases differ; nothing was changed",
                "las dos frases de paso no coinciden; no se modificó nada",
                "as duas frases-senha são diferentes; nada foi alterado",
            ],
        )));
    }
    Passphrase::new(text).ok_or_else(|| empty(lang))
}

/// Asks `question` on the controlling terminal with echo off; `None` when the
/// process has no terminal.
fn ask(question: &str) -> Result<Option<String>> {
    let Ok(tty) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
    else {
        return Ok(None);
    };
    // Echo goes off before the question shows, so that nothing typed as soon
    // as it appears is echoed.
    let echo = EchoOff::on(&tty);
    let mut out = &tty;
    out.write_all(question.as_bytes())?;
    out.flush()?;
    let mut line = String::new();
    let read = std::io::BufReader::new(&tty).read_line(&mut line);
    drop(echo);
    // The Enter that ended the line was not echoed either.
    out.write_all(b"\n")?;
    read?;
    Ok(Some(line.trim_end_matches(['\n', '\r']).to_string()))
}

/// Turns the terminal's echo off until dropped (also on an early return).
struct EchoOff {
    #[cfg(unix)]
    saved: Option<(std::os::fd::RawFd, libc::termios)>,
}

impl EchoOff {
    #[cfg(unix)]
    fn on(tty: &std::fs::File) -> EchoOff {
        use std::os::fd::AsRawFd;
        let fd = tty.as_raw_fd();
        // SAFETY: tcgetattr/tcsetattr only read and write the termios struct
        // given, on a descriptor that stays open while `tty` lives.
        let saved = unsafe {
            let mut term: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(fd, &mut term) != 0 {
                None
            } else {
                let mut quiet = term;
                quiet.c_lflag &= !libc::ECHO;
                (libc::tcsetattr(fd, libc::TCSANOW, &quiet) == 0).then_some((fd, term))
            }
        };
        EchoOff { saved }
    }

    #[cfg(not(unix))]
    fn on(_tty: &std::fs::File) -> EchoOff {
        EchoOff {}
    }
}

impl Drop for EchoOff {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some((fd, term)) = self.saved {
            // SAFETY: restores the settings read in `on` on the same descriptor.
            unsafe {
                libc::tcsetattr(fd, libc::TCSANOW, &term);
            }
        }
    }
}
