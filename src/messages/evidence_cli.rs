//! The command line's lines for `frontera evidence`, in the three languages
//! (one constant each, so a missing text does not compile).

use crate::domain::lang::Lang;

pub struct EvidenceCliTexts {
    pub added: &'static str,
    pub already: &'static str,
    pub list_title: &'static str,
    pub list_empty: &'static str,
    /// Columns of `evidence list`: id, attached to, file, type, size, caption, taken, place.
    pub columns: [&'static str; 8],
    pub removed_line: &'static str,
    pub whole_assessment: &'static str,
    pub caption_saved: &'static str,
    pub removed: &'static str,
    pub extracted: &'static str,
    pub no_folder: &'static str,
    pub unknown_type: &'static str,
}

pub const EN: EvidenceCliTexts = EvidenceCliTexts {
    added: "Added {file} to {target} of {id} as evidence {evidence}.",
    already: "{file} is already attached to {target} of {id} (evidence {evidence}); nothing was added.",
    list_title: "Evidence of {id}: {n}",
    list_empty: "{id} has no evidence files. Attach one with `frontera evidence add {id} FILE`.",
    columns: [
        "id",
        "attached to",
        "file",
        "type",
        "size",
        "caption",
        "taken",
        "place",
    ],
    removed_line: "    removed {at} by {by}: {reason}",
    whole_assessment: "the assessment",
    caption_saved: "The caption of evidence {evidence} of {id} is saved.",
    removed: "Evidence {evidence} of {id} is removed; its record stays, with the reason.",
    extracted: "{written} files written to {dir} ({same} already there and identical); every SHA-256 checked.",
    no_folder: "cannot make the folder {dir}: {error}",
    unknown_type: "no equipment type '{type}' in the catalogue{hint}",
};

pub const ES: EvidenceCliTexts = EvidenceCliTexts {
    added: "Se agregó {file} a {target} de {id} como evidencia {evidence}.",
    already: "{file} ya está adjunto a {target} de {id} (evidencia {evidence}); no se agregó nada.",
    list_title: "Evidencias de {id}: {n}",
    list_empty: "{id} no tiene archivos de evidencia. Adjunte uno con `frontera evidence add {id} ARCHIVO`.",
    columns: [
        "id",
        "adjunto a",
        "archivo",
        "tipo",
        "tamaño",
        "leyenda",
        "tomada",
        "lugar",
    ],
    removed_line: "    retirada {at} por {by}: {reason}",
    whole_assessment: "la evaluación",
    caption_saved: "Se guardó la leyenda de la evidencia {evidence} de {id}.",
    removed: "Se retiró la evidencia {evidence} de {id}; su registro se conserva, con el motivo.",
    extracted: "{written} archivos escritos en {dir} ({same} ya estaban, idénticos); se verificó cada SHA-256.",
    no_folder: "no se puede crear la carpeta {dir}: {error}",
    unknown_type: "no hay un tipo de equipamiento '{type}' en el catálogo{hint}",
};

pub const PT: EvidenceCliTexts = EvidenceCliTexts {
    added: "{file} foi adicionado a {target} de {id} como evidência {evidence}.",
    already: "{file} já está anexado a {target} de {id} (evidência {evidence}); nada foi adicionado.",
    list_title: "Evidências de {id}: {n}",
    list_empty: "{id} não tem arquivos de evidência. Anexe um com `frontera evidence add {id} ARQUIVO`.",
    columns: [
        "id",
        "anexado a",
        "arquivo",
        "tipo",
        "tamanho",
        "legenda",
        "tirada",
        "local",
    ],
    removed_line: "    retirada {at} por {by}: {reason}",
    whole_assessment: "a avaliação",
    caption_saved: "A legenda da evidência {evidence} de {id} foi salva.",
    removed: "A evidência {evidence} de {id} foi retirada; o registro permanece, com o motivo.",
    extracted: "{written} arquivos gravados em {dir} ({same} já estavam lá, idênticos); cada SHA-256 foi verificado.",
    no_folder: "não é possível criar a pasta {dir}: {error}",
    unknown_type: "não há um tipo de equipamento '{type}' no catálogo{hint}",
};

pub fn texts(lang: Lang) -> &'static EvidenceCliTexts {
    match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
        Lang::Pt => &PT,
    }
}
