//! The command line's lines for spreadsheets, XLSForms and imported
//! submissions, in the three languages.

use crate::domain::lang::Lang;

use super::pick;

/// `{path}` written (a workbook, a CSV table or a form).
pub fn written(lang: Lang) -> &'static str {
    pick(
        lang,
        ["Wrote {path}.", "Se escribió {path}.", "Gravado {path}."],
    )
}

/// After an import: how many submissions were recorded and skipped.
pub fn imported(lang: Lang) -> &'static str {
    pick(
        lang,
        [
            "Recorded {imported} submission(s) in {id}; {duplicates} already recorded, skipped.",
            "Se registraron {imported} envío(s) en {id}; {duplicates} ya registrados, omitidos.",
            "Registrados {imported} envio(s) em {id}; {duplicates} já registrados, ignorados.",
        ],
    )
}

/// Errors found and nothing recorded.
pub fn nothing_written(lang: Lang) -> &'static str {
    pick(
        lang,
        [
            "{n} error(s) in {path}; nothing was recorded (fix the rows, or give --partial to record the valid ones).",
            "{n} error(es) en {path}; no se registró nada (corrija las filas, o use --partial para registrar las válidas).",
            "{n} erro(s) em {path}; nada foi registrado (corrija as linhas, ou use --partial para registrar as válidas).",
        ],
    )
}

/// With --partial: rows left out.
pub fn rows_skipped(lang: Lang) -> &'static str {
    pick(
        lang,
        [
            "{n} error(s): those rows were left out (--partial).",
            "{n} error(es): esas filas se omitieron (--partial).",
            "{n} erro(s): essas linhas foram deixadas de fora (--partial).",
        ],
    )
}

/// The input file cannot be read.
pub fn unreadable(lang: Lang) -> &'static str {
    pick(
        lang,
        [
            "cannot read {path}: {error}",
            "no se puede leer {path}: {error}",
            "não é possível ler {path}: {error}",
        ],
    )
}

/// A binary table asked for on a terminal.
pub fn binary_on_terminal(lang: Lang) -> &'static str {
    pick(
        lang,
        [
            "an XLSX workbook is not for a terminal: give -o FILE.xlsx",
            "un libro XLSX no es para una terminal: indique -o ARCHIVO.xlsx",
            "uma pasta de trabalho XLSX não é para um terminal: indique -o ARQUIVO.xlsx",
        ],
    )
}
