//! The words of the report's evidence annex in the three languages (one
//! constant each, so a missing text does not compile).

use crate::domain::lang::Lang;

pub struct EvidenceWords {
    pub heading: &'static str,
    /// Before the table: what it lists and how to get the files.
    pub intro: &'static str,
    /// Columns: caption, attached to, SHA-256, taken, place.
    pub columns: [&'static str; 5],
    pub whole_assessment: &'static str,
    pub no_caption: &'static str,
    /// After the table when files were taken off the record.
    pub removed_note: &'static str,
}

pub const EN: EvidenceWords = EvidenceWords {
    heading: "Evidence files",
    intro: "Files kept with the assessment, one line each. The hash is the start of the file's SHA-256: `frontera evidence extract` writes the files out and checks it. Time and place come from the photo's EXIF, as the camera recorded them.",
    columns: ["Caption", "Supports", "SHA-256", "Taken", "Place"],
    whole_assessment: "The assessment",
    no_caption: "(no caption)",
    removed_note: "Files taken off the record, kept in the change log with the reason: {n}.",
};

pub const ES: EvidenceWords = EvidenceWords {
    heading: "Archivos de evidencia",
    intro: "Archivos guardados con la evaluación, uno por línea. El hash es el comienzo del SHA-256 del archivo: `frontera evidence extract` escribe los archivos y lo verifica. La hora y el lugar provienen del EXIF de la foto, tal como los registró la cámara.",
    columns: ["Leyenda", "Respalda", "SHA-256", "Tomada", "Lugar"],
    whole_assessment: "La evaluación",
    no_caption: "(sin leyenda)",
    removed_note: "Archivos retirados del registro, que el registro de cambios conserva con el motivo: {n}.",
};

pub const PT: EvidenceWords = EvidenceWords {
    heading: "Arquivos de evidência",
    intro: "Arquivos guardados com a avaliação, um por linha. O hash é o início do SHA-256 do arquivo: `frontera evidence extract` grava os arquivos e o verifica. A hora e o local vêm do EXIF da foto, tal como a câmera os registrou.",
    columns: ["Legenda", "Apoia", "SHA-256", "Tirada", "Local"],
    whole_assessment: "A avaliação",
    no_caption: "(sem legenda)",
    removed_note: "Arquivos retirados do registro, que o registro de alterações mantém com o motivo: {n}.",
};

impl EvidenceWords {
    pub fn get(lang: Lang) -> &'static EvidenceWords {
        match lang {
            Lang::En => &EN,
            Lang::Es => &ES,
            Lang::Pt => &PT,
        }
    }
}
