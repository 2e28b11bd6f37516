//! Every error a person can meet, in their language. English is each error's
//! own `Display` (written beside the type); Spanish and Portuguese are here,
//! one exhaustive `match` per error type, so a new variant does not compile
//! until it is translated. Hints name a command on the command line and a key
//! in the interface.

use std::path::Path;

use super::{Surface, pick, terms};
use crate::bundle::BundleError;
use crate::commands::InvalidInput;
use crate::content::PackError;
use crate::content::source::SourceError;
use crate::demo::DemoError;
use crate::domain::counts::CountProblem;
use crate::domain::lang::Lang;
use crate::evidence::EvidenceFileError;
use crate::output::{OutputError, WriteError};
use crate::report::ReportError;
use crate::store::StoreError;

/// One line for a person: the error in `lang`, its causes after it.
pub fn describe(error: &anyhow::Error, lang: Lang, surface: Surface) -> String {
    if let Some(e) = error.downcast_ref::<StoreError>() {
        return store(e, lang, surface);
    }
    if let Some(e) = error.downcast_ref::<BundleError>() {
        return bundle(e, lang, surface);
    }
    if let Some(e) = error.downcast_ref::<ReportError>() {
        return report(e, lang, surface);
    }
    if let Some(e) = error.downcast_ref::<DemoError>() {
        return demo(e, lang, surface);
    }
    if let Some(e) = error.downcast_ref::<PackError>() {
        return pack(e, lang);
    }
    if let Some(e) = error.downcast_ref::<SourceError>() {
        return source(e, lang);
    }
    if let Some(e) = error.downcast_ref::<EvidenceFileError>() {
        return evidence::file(e, lang);
    }
    if let Some(e) = error.downcast_ref::<WriteError>() {
        return write(e, lang);
    }
    if let Some(e) = error.downcast_ref::<OutputError>() {
        return stdout(e, lang);
    }
    if let Some(InvalidInput(text)) = error.downcast_ref::<InvalidInput>() {
        // Made in the person's language where it was raised.
        return text.clone();
    }
    format!("{error:#}")
}

fn path(p: &Path) -> String {
    p.display().to_string()
}

/// Contradictory counts, named in `lang`: "functional (5) is more than present (2)".
pub fn counts(lang: Lang, problems: &[CountProblem]) -> String {
    let more = pick(lang, ["is more than", "es mayor que", "é maior que"]);
    problems
        .iter()
        .map(|p| {
            let [(a, x), (b, y)] = p.counts();
            format!(
                "{} ({x}) {more} {} ({y})",
                terms::count_field(lang, a),
                terms::count_field(lang, b)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A store error for a person.
pub fn store(e: &StoreError, lang: Lang, surface: Surface) -> String {
    let cli = surface == Surface::Cli;
    match e {
        StoreError::NotADatabase { path: p } => match lang {
            Lang::En => e.to_string(),
            Lang::Es => format!(
                "{} no es una base de datos de frontera (no es un archivo SQLite); no se modificó",
                path(p)
            ),
            Lang::Pt => format!(
                "{} não é um banco de dados do frontera (não é um arquivo SQLite); não foi alterado",
                path(p)
            ),
        },
        StoreError::Foreign { path: p } => match lang {
            Lang::En => e.to_string(),
            Lang::Es => format!(
                "{} es una base de datos SQLite de otro programa, no de frontera; no se modificó",
                path(p)
            ),
            Lang::Pt => format!(
                "{} é um banco de dados SQLite de outro programa, não do frontera; não foi alterado",
                path(p)
            ),
        },
        StoreError::Newer {
            path: p,
            found,
            supported,
        } => match lang {
            Lang::En => e.to_string(),
            Lang::Es => format!(
                "{} fue escrita por una versión más nueva de frontera (esquema {found}; esta lee hasta el {supported}); actualice frontera para abrirla. El archivo no se modificó",
                path(p)
            ),
            Lang::Pt => format!(
                "{} foi gravado por uma versão mais nova do frontera (esquema {found}; esta lê até o {supported}); atualize o frontera para abri-lo. O arquivo não foi alterado",
                path(p)
            ),
        },
        StoreError::Corrupt { path: p, detail } => {
            let check = if cli {
                "`frontera db check`"
            } else {
                "frontera db check"
            };
            match lang {
                Lang::En => e.to_string(),
                Lang::Es => format!(
                    "{} está dañada ({detail}); no se modificó. Ejecute {check} para ver el detalle y, si lo confirma, restáurela desde una copia de respaldo",
                    path(p)
                ),
                Lang::Pt => format!(
                    "{} está danificado ({detail}); não foi alterado. Execute {check} para ver os detalhes e, se confirmar o dano, restaure-o a partir de uma cópia de segurança",
                    path(p)
                ),
            }
        }
        StoreError::WalMismatch { path: p } => match lang {
            Lang::En => e.to_string(),
            Lang::Es => format!(
                "el archivo -wal junto a {} contiene cambios de otra base de datos, no de esta; no se modificó ninguno de los dos. Aparte ese archivo -wal para abrir la base tal como se guardó por última vez",
                path(p)
            ),
            Lang::Pt => format!(
                "o arquivo -wal ao lado de {} contém alterações de outro banco de dados, não deste; nenhum dos dois foi alterado. Retire esse arquivo -wal para abrir o banco como foi salvo pela última vez",
                path(p)
            ),
        },
        StoreError::Missing { path: p } => match (lang, cli) {
            (Lang::En, true) => e.to_string(),
            (Lang::En, false) => format!("there is no database at {}", path(p)),
            (Lang::Es, _) => format!(
                "no hay ninguna base de datos en {}; revise --db (o FRONTERA_DB), o cree una con `frontera post add` o `frontera demo`",
                path(p)
            ),
            (Lang::Pt, _) => format!(
                "não há nenhum banco de dados em {}; verifique --db (ou FRONTERA_DB), ou crie um com `frontera post add` ou `frontera demo`",
                path(p)
            ),
        },
        StoreError::NeedsUpgrade { path: p } => match lang {
            Lang::En => e.to_string(),
            Lang::Es => format!(
                "{} fue creada por una versión anterior de frontera y debe actualizarse antes de leerla, pero es de solo lectura; permita escribir en ella (o cópiela a un lugar con permiso de escritura) y vuelva a intentarlo",
                path(p)
            ),
            Lang::Pt => format!(
                "{} foi criado por uma versão anterior do frontera e precisa ser atualizado antes de ser lido, mas é somente leitura; permita a gravação (ou copie-o para um local gravável) e tente novamente",
                path(p)
            ),
        },
        StoreError::Busy { path: p } => {
            let what = p.as_deref().map_or_else(
                || {
                    pick(
                        lang,
                        ["the database", "la base de datos", "o banco de dados"],
                    )
                    .to_string()
                },
                path,
            );
            match lang {
                Lang::En => e.to_string(),
                Lang::Es => format!(
                    "{what} está en uso: otro programa mantiene un bloqueo sobre ella (una transacción que no ha terminado); no se cambió nada. Vuelva a intentarlo en un momento"
                ),
                Lang::Pt => format!(
                    "{what} está em uso: outro programa mantém um bloqueio sobre ele (uma transação que não terminou); nada foi alterado. Tente novamente em instantes"
                ),
            }
        }
        StoreError::ReadOnly { path: p } => {
            let what = p.as_deref().map_or_else(
                || {
                    pick(
                        lang,
                        ["the database", "la base de datos", "o banco de dados"],
                    )
                    .to_string()
                },
                path,
            );
            match lang {
                Lang::En => e.to_string(),
                Lang::Es => format!(
                    "{what} es de solo lectura (sin permiso de escritura, o en un disco de solo lectura); no se cambió nada. Los comandos de consulta siguen funcionando"
                ),
                Lang::Pt => format!(
                    "{what} é somente leitura (sem permissão de gravação, ou num disco somente leitura); nada foi alterado. Os comandos de consulta continuam funcionando"
                ),
            }
        }
        StoreError::Damaged { detail } => match lang {
            Lang::En => e.to_string(),
            Lang::Es => format!(
                "la base de datos contiene un valor o una página dañados ({detail}); no se cambió nada. Ejecute `frontera db check`"
            ),
            Lang::Pt => format!(
                "o banco de dados contém um valor ou uma página danificados ({detail}); nada foi alterado. Execute `frontera db check`"
            ),
        },
        StoreError::Io { path: p, source } => match lang {
            Lang::En => e.to_string(),
            Lang::Es => format!("no se puede acceder a {}: {source}", path(p)),
            Lang::Pt => format!("não é possível acessar {}: {source}", path(p)),
        },
        StoreError::Open { path: p, source } => match lang {
            Lang::En => e.to_string(),
            Lang::Es => format!("base de datos {}: {source}", path(p)),
            Lang::Pt => format!("banco de dados {}: {source}", path(p)),
        },
        StoreError::Sql(source) => match lang {
            Lang::En => e.to_string(),
            Lang::Es => format!("error de la base de datos: {source}"),
            Lang::Pt => format!("erro do banco de dados: {source}"),
        },
        StoreError::UnknownPost(code) => match (lang, cli) {
            (Lang::En, true) => e.to_string(),
            (Lang::En, false) => format!("no post with code '{code}'"),
            (Lang::Es, true) => {
                format!("no hay ningún puesto con el código '{code}' (vea `frontera post list`)")
            }
            (Lang::Es, false) => format!("no hay ningún puesto con el código '{code}'"),
            (Lang::Pt, true) => {
                format!("não há nenhum posto com o código '{code}' (veja `frontera post list`)")
            }
            (Lang::Pt, false) => format!("não há nenhum posto com o código '{code}'"),
        },
        StoreError::PostInUse { code, fields } => match lang {
            Lang::En => e.to_string(),
            Lang::Es => format!(
                "{code} tiene una evaluación final cuyos puntajes dependen de: {}; eso no puede cambiar mientras sea final (reábrala antes, o registre el puesto modificado con otro código); el nombre, el país vecino y los organismos sí pueden editarse",
                fields.join(", ")
            ),
            Lang::Pt => format!(
                "{code} tem uma avaliação final cujas pontuações dependem de: {}; isso não pode mudar enquanto ela for final (reabra-a antes, ou registre o posto alterado com outro código); o nome, o país vizinho e os órgãos podem ser editados",
                fields.join(", ")
            ),
        },
        StoreError::DuplicatePost(code) => match lang {
            Lang::En => e.to_string(),
            Lang::Es => format!("ya existe un puesto con el código '{code}'"),
            Lang::Pt => format!("já existe um posto com o código '{code}'"),
        },
        StoreError::UnknownAssessment(id) => match (lang, cli) {
            (Lang::En, true) => e.to_string(),
            (Lang::En, false) => format!("no assessment with id '{id}'"),
            (Lang::Es, true) => {
                format!("no hay ninguna evaluación con el id '{id}' (vea `frontera assess list`)")
            }
            (Lang::Es, false) => format!("no hay ninguna evaluación con el id '{id}'"),
            (Lang::Pt, true) => {
                format!("não há nenhuma avaliação com o id '{id}' (veja `frontera assess list`)")
            }
            (Lang::Pt, false) => format!("não há nenhuma avaliação com o id '{id}'"),
        },
        StoreError::AmbiguousAssessment { prefix, matches } => {
            let list = matches.join(", ");
            match lang {
                Lang::En => e.to_string(),
                Lang::Es => format!(
                    "el id de evaluación '{prefix}' es ambiguo: así empiezan {list}; escriba más caracteres"
                ),
                Lang::Pt => format!(
                    "o id de avaliação '{prefix}' é ambíguo: assim começam {list}; digite mais caracteres"
                ),
            }
        }
        StoreError::Locked(id) => match (lang, cli) {
            (Lang::En, true) => e.to_string(),
            (Lang::En, false) => format!(
                "assessment {id} is final and read-only (it may have been finalised elsewhere meanwhile); press O to reopen it with a reason"
            ),
            (Lang::Es, true) => format!(
                "la evaluación {id} es final y no puede cambiarse; reábrala primero: frontera assess reopen {id} --reason TEXTO"
            ),
            (Lang::Es, false) => format!(
                "la evaluación {id} es final y de solo lectura (quizá otra persona la finalizó mientras tanto); pulse O para reabrirla indicando el motivo"
            ),
            (Lang::Pt, true) => format!(
                "a avaliação {id} é final e não pode ser alterada; reabra-a primeiro: frontera assess reopen {id} --reason TEXTO"
            ),
            (Lang::Pt, false) => format!(
                "a avaliação {id} é final e somente leitura (talvez outra pessoa a tenha finalizado nesse meio-tempo); pressione O para reabri-la indicando o motivo"
            ),
        },
        StoreError::Transition { id, action, why } => {
            let action_es = match action.as_str() {
                "submitted" => "enviarse para revisión",
                "finalised" => "finalizarse",
                _ => "reabrirse",
            };
            let action_pt = match action.as_str() {
                "submitted" => "ser enviada para revisão",
                "finalised" => "ser finalizada",
                _ => "ser reaberta",
            };
            match lang {
                Lang::En => e.to_string(),
                Lang::Es => format!(
                    "la evaluación {id} no puede {action_es}: {}",
                    transition_why(lang, why)
                ),
                Lang::Pt => format!(
                    "a avaliação {id} não pode {action_pt}: {}",
                    transition_why(lang, why)
                ),
            }
        }
        StoreError::NotDraft(id) => match lang {
            Lang::En => e.to_string(),
            Lang::Es => {
                format!("la evaluación {id} no es un borrador; solo se eliminan borradores")
            }
            Lang::Pt => {
                format!("a avaliação {id} não é um rascunho; só rascunhos podem ser excluídos")
            }
        },
        StoreError::MissingPack(hash) => match lang {
            Lang::En => e.to_string(),
            Lang::Es => {
                format!("falta el paquete de contenido guardado {hash}, o no se puede leer")
            }
            Lang::Pt => {
                format!("o pacote de conteúdo guardado {hash} está faltando ou não pode ser lido")
            }
        },
        StoreError::NoteTooLong { chars, max } => match lang {
            Lang::En => e.to_string(),
            Lang::Es => format!(
                "una observación puede tener como máximo {max} caracteres (unas tres páginas impresas; el material más largo va en un archivo de evidencia); esta tiene {chars}, así que no se guardó"
            ),
            Lang::Pt => format!(
                "uma observação pode ter no máximo {max} caracteres (cerca de três páginas impressas; material mais longo vai num arquivo de evidência); esta tem {chars}, por isso não foi salva"
            ),
        },
        StoreError::NoteChanged { target, by, at, .. } => match lang {
            Lang::En => e.to_string(),
            Lang::Es => format!(
                "{by} cambió mientras tanto la observación de {target} ({at}); no se sobrescribió nada"
            ),
            Lang::Pt => format!(
                "{by} alterou nesse meio-tempo a observação de {target} ({at}); nada foi sobrescrito"
            ),
        },
        StoreError::UnknownAction { .. }
        | StoreError::ActionMove { .. }
        | StoreError::ReviewRefused { .. }
        | StoreError::UnknownFlag { .. }
        | StoreError::FlagResolved { .. }
        | StoreError::EmptyComment
        | StoreError::OpenFlags { .. }
        | StoreError::NoPreviousPlan { .. }
        | StoreError::BadTarget => plan::store(e, lang, surface),
        StoreError::UnknownEvidence { .. }
        | StoreError::EvidenceRemoved { .. }
        | StoreError::RemovalNeedsReason => evidence::store(e, lang, surface),
        StoreError::Encrypted { .. }
        | StoreError::WrongPassphrase { .. }
        | StoreError::NoEncryption => cipher::store(e, lang),
        StoreError::OpenConflicts { .. }
        | StoreError::UnknownConflict { .. }
        | StoreError::AmbiguousConflict { .. }
        | StoreError::BadConflictValue { .. } => conflicts::store(e, lang),
        StoreError::InvalidCounts { type_id, problems } => match lang {
            Lang::En => e.to_string(),
            Lang::Es => format!(
                "equipamiento {type_id}: {}; no se guardó nada",
                counts(lang, problems)
            ),
            Lang::Pt => format!(
                "equipamento {type_id}: {}; nada foi salvo",
                counts(lang, problems)
            ),
        },
    }
}

/// The domain's reasons a life-cycle move is refused (see `Status::apply`).
fn transition_why(lang: Lang, why: &str) -> String {
    let known: &[(&str, [&str; 3])] = &[
        (
            "reopening needs a reason",
            [
                "reopening needs a reason",
                "reabrir exige un motivo",
                "reabrir exige um motivo",
            ],
        ),
        (
            "finalising an incomplete assessment needs a reason",
            [
                "finalising an incomplete assessment needs a reason",
                "finalizar una evaluación incompleta exige un motivo",
                "finalizar uma avaliação incompleta exige um motivo",
            ],
        ),
        (
            "it is already submitted",
            [
                "it is already submitted",
                "ya está enviada",
                "já está enviada",
            ],
        ),
        (
            "it is already final; reopen it with a reason first",
            [
                "it is already final; reopen it with a reason first",
                "ya es final; primero reábrala indicando el motivo",
                "já é final; primeiro reabra-a indicando o motivo",
            ],
        ),
        (
            "it is already a draft",
            [
                "it is already a draft",
                "ya es un borrador",
                "já é um rascunho",
            ],
        ),
    ];
    known
        .iter()
        .find(|(en, _)| *en == why)
        .map_or_else(|| why.to_string(), |(_, t)| pick(lang, *t).to_string())
}

pub fn bundle(e: &BundleError, lang: Lang, surface: Surface) -> String {
    match e {
        BundleError::Store(inner) => store(inner, lang, surface),
        BundleError::Pack { id, first_error } => match lang {
            Lang::En => e.to_string(),
            Lang::Es => format!(
                "el paquete de contenido guardado con la evaluación {id} ya no se carga: {first_error}"
            ),
            Lang::Pt => format!(
                "o pacote de conteúdo guardado com a avaliação {id} não carrega mais: {first_error}"
            ),
        },
    }
}

pub fn report(e: &ReportError, lang: Lang, surface: Surface) -> String {
    match e {
        ReportError::Store(inner) => store(inner, lang, surface),
        ReportError::Bundle(inner) => bundle(inner, lang, surface),
        ReportError::Write(inner) => write(inner, lang),
        ReportError::Font(inner) => match lang {
            Lang::En => e.to_string(),
            Lang::Es => format!("no se pudo preparar la fuente del informe: {inner}"),
            Lang::Pt => format!("não foi possível preparar a fonte do relatório: {inner}"),
        },
        ReportError::Pdf(inner) => match lang {
            Lang::En => e.to_string(),
            Lang::Es => format!("no se pudo generar el PDF: {inner}"),
            Lang::Pt => format!("não foi possível gerar o PDF: {inner}"),
        },
        ReportError::Pack => match lang {
            Lang::En => e.to_string(),
            Lang::Es => {
                "el paquete de contenido integrado no se carga; ejecute `frontera content check`"
                    .to_string()
            }
            Lang::Pt => {
                "o pacote de conteúdo embutido não carrega; execute `frontera content check`"
                    .to_string()
            }
        },
    }
}

pub fn demo(e: &DemoError, lang: Lang, surface: Surface) -> String {
    match e {
        DemoError::Store(inner) => store(inner, lang, surface),
        DemoError::CodeTaken(code) => match lang {
            Lang::En => e.to_string(),
            Lang::Es => format!(
                "existe un puesto con el código de demostración {code} que no es de la demostración; no se cargaron los datos de demostración"
            ),
            Lang::Pt => format!(
                "existe um posto com o código de demonstração {code} que não é da demonstração; os dados de demonstração não foram carregados"
            ),
        },
    }
}

pub fn pack(e: &PackError, lang: Lang) -> String {
    match e {
        PackError::Source(inner) => source(inner, lang),
        PackError::Invalid { origin, errors } => {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            let head = match lang {
                Lang::En => e.to_string(),
                Lang::Es => format!(
                    "el paquete de contenido ({origin}) tiene {} error(es); ejecute `frontera content check` para ver el detalle",
                    errors.len()
                ),
                Lang::Pt => format!(
                    "o pacote de conteúdo ({origin}) tem {} erro(s); execute `frontera content check` para ver os detalhes",
                    errors.len()
                ),
            };
            format!("{head}:\n{}", lines.join("\n"))
        }
    }
}

pub fn source(e: &SourceError, lang: Lang) -> String {
    match e {
        SourceError::Folder { path: p, reason } => match lang {
            Lang::En => e.to_string(),
            Lang::Es => format!("carpeta de contenido {}: {reason}", path(p)),
            Lang::Pt => format!("pasta de conteúdo {}: {reason}", path(p)),
        },
        SourceError::File { path: p, reason } => match lang {
            Lang::En => e.to_string(),
            Lang::Es => format!("{}: no se puede leer: {reason}", path(p)),
            Lang::Pt => format!("{}: não pode ser lido: {reason}", path(p)),
        },
    }
}

pub fn write(e: &WriteError, lang: Lang) -> String {
    match lang {
        Lang::En => e.to_string(),
        Lang::Es => format!("no se puede escribir {}: {}", path(&e.path), e.source),
        Lang::Pt => format!("não é possível gravar {}: {}", path(&e.path), e.source),
    }
}

pub fn stdout(e: &OutputError, lang: Lang) -> String {
    match lang {
        Lang::En => e.to_string(),
        Lang::Es => format!("no se puede escribir en la salida estándar: {}", e.0),
        Lang::Pt => format!("não é possível gravar na saída padrão: {}", e.0),
    }
}

mod cipher;
mod conflicts;
mod evidence;
mod plan;
#[cfg(test)]
mod tests;
