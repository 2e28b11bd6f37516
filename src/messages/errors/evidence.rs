//! Errors of evidence files, in Spanish and Portuguese (English is each
//! error's `Display`).

use std::path::Path;

use super::super::Surface;
use super::write;
use crate::domain::evidence::MAX_BYTES;
use crate::domain::lang::Lang;
use crate::evidence::EvidenceFileError;
use crate::store::StoreError;

fn p(path: &Path) -> String {
    path.display().to_string()
}

fn mb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

/// The evidence store errors; any other error is shown as it is.
pub fn store(e: &StoreError, lang: Lang, surface: Surface) -> String {
    let cli = surface == Surface::Cli;
    match (e, lang) {
        (StoreError::UnknownEvidence { id, evidence }, Lang::En) if !cli => {
            format!("assessment {id} has no evidence {evidence}")
        }
        (StoreError::RemovalNeedsReason, Lang::En) if !cli => {
            "say why the evidence is removed; it was kept".into()
        }
        (_, Lang::En) => e.to_string(),
        (StoreError::UnknownEvidence { id, evidence }, Lang::Es) => {
            format!("la evaluación {id} no tiene la evidencia {evidence}")
        }
        (StoreError::UnknownEvidence { id, evidence }, Lang::Pt) => {
            format!("a avaliação {id} não tem a evidência {evidence}")
        }
        (StoreError::EvidenceRemoved { evidence }, Lang::Es) => {
            format!("la evidencia {evidence} ya fue retirada")
        }
        (StoreError::EvidenceRemoved { evidence }, Lang::Pt) => {
            format!("a evidência {evidence} já foi retirada")
        }
        (StoreError::RemovalNeedsReason, Lang::Es) => {
            let how = if cli { " (--reason TEXTO)" } else { "" };
            format!("indique por qué se retira la evidencia{how}; se conservó")
        }
        (StoreError::RemovalNeedsReason, Lang::Pt) => {
            let how = if cli { " (--reason TEXTO)" } else { "" };
            format!("diga por que a evidência é retirada{how}; ela foi mantida")
        }
        _ => e.to_string(),
    }
}

/// A file that could not be taken as evidence, or written out.
pub fn file(e: &EvidenceFileError, lang: Lang) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    let es = lang == Lang::Es;
    match e {
        EvidenceFileError::Unreadable { path, source } => {
            if es {
                format!(
                    "{}: no se puede leer ({source}); no se agregó nada",
                    p(path)
                )
            } else {
                format!(
                    "{}: não é possível lê-lo ({source}); nada foi adicionado",
                    p(path)
                )
            }
        }
        EvidenceFileError::NotAFile { path } => {
            if es {
                format!(
                    "{} es una carpeta, no un archivo; no se agregó nada",
                    p(path)
                )
            } else {
                format!(
                    "{} é uma pasta, não um arquivo; nada foi adicionado",
                    p(path)
                )
            }
        }
        EvidenceFileError::Empty { path } => {
            if es {
                format!("{} está vacío; no se agregó nada", p(path))
            } else {
                format!("{} está vazio; nada foi adicionado", p(path))
            }
        }
        EvidenceFileError::TooLarge { path, size } => {
            if es {
                format!(
                    "{} pesa {} MB; una evidencia puede pesar como máximo {} MB (haga una copia más liviana: una foto de menor resolución, un PDF escaneado a 150 ppp); no se agregó nada",
                    p(path),
                    mb(*size),
                    mb(MAX_BYTES)
                )
            } else {
                format!(
                    "{} tem {} MB; uma evidência pode ter no máximo {} MB (faça uma cópia menor: uma foto de menor resolução, um PDF digitalizado a 150 dpi); nada foi adicionado",
                    p(path),
                    mb(*size),
                    mb(MAX_BYTES)
                )
            }
        }
        EvidenceFileError::Unsupported { path, kind } => {
            if es {
                format!(
                    "{} es un archivo de tipo {kind}, que no se admite como evidencia (JPEG, PNG, PDF, texto plano, DOCX, XLSX); no se agregó nada",
                    p(path)
                )
            } else {
                format!(
                    "{} é um arquivo do tipo {kind}, que não é aceito como evidência (JPEG, PNG, PDF, texto simples, DOCX, XLSX); nada foi adicionado",
                    p(path)
                )
            }
        }
        EvidenceFileError::WouldOverwrite { path, evidence } => {
            if es {
                format!(
                    "{} ya existe y es distinto de la evidencia {evidence}; no se sobrescribió (extraiga en una carpeta vacía)",
                    p(path)
                )
            } else {
                format!(
                    "{} já existe e é diferente da evidência {evidence}; não foi sobrescrito (extraia numa pasta vazia)",
                    p(path)
                )
            }
        }
        EvidenceFileError::HashMismatch { evidence, expected } => {
            if es {
                format!(
                    "el contenido guardado de la evidencia {evidence} ya no coincide con su SHA-256 ({expected}); la base de datos está dañada, ejecute `frontera db check`"
                )
            } else {
                format!(
                    "o conteúdo guardado da evidência {evidence} não corresponde mais ao seu SHA-256 ({expected}); o banco de dados está danificado, execute `frontera db check`"
                )
            }
        }
        EvidenceFileError::Write(w) => write(w, lang),
    }
}
