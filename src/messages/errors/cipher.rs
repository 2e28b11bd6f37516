//! Errors of encryption at rest (a passphrase needed, a wrong one, a build
//! without SQLCipher), in Spanish and Portuguese (English is each `Display`).

use std::path::Path;

use crate::domain::lang::Lang;
use crate::store::StoreError;

/// The encryption errors; any other error is shown as it is.
pub fn store(e: &StoreError, lang: Lang) -> String {
    let p = |p: &Path| p.display().to_string();
    match (e, lang) {
        (_, Lang::En) => e.to_string(),
        (StoreError::Encrypted { path }, Lang::Es) => format!(
            "{} está cifrada (o no es un archivo SQLite): necesita su frase de paso, pedida en el terminal o leída de FRONTERA_PASSPHRASE; no se modificó",
            p(path)
        ),
        (StoreError::Encrypted { path }, Lang::Pt) => format!(
            "{} está criptografado (ou não é um arquivo SQLite): precisa da sua frase-senha, pedida no terminal ou lida de FRONTERA_PASSPHRASE; não foi alterado",
            p(path)
        ),
        (StoreError::WrongPassphrase { path }, Lang::Es) => format!(
            "{} no se abre con esta frase de paso (una frase equivocada, o el archivo no es una base de datos de frontera); no se modificó",
            p(path)
        ),
        (StoreError::WrongPassphrase { path }, Lang::Pt) => format!(
            "{} não abre com esta frase-senha (uma frase errada, ou o arquivo não é um banco de dados do frontera); não foi alterado",
            p(path)
        ),
        (StoreError::NoEncryption, Lang::Es) => "este frontera se compiló sin cifrado (compílelo con `--features encryption`); no se modificó nada".into(),
        (StoreError::NoEncryption, Lang::Pt) => "este frontera foi compilado sem criptografia (compile-o com `--features encryption`); nada foi alterado".into(),
        _ => e.to_string(),
    }
}
