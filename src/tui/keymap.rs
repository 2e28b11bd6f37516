//! The one key table: (mode, key) → action, with the help text of every binding
//! in each language. The footer hints and the `?` help are generated from it.

use crate::domain::lang::Lang;

use super::action::Action;
pub use super::availability::{KeyContext, available};
use super::keys::{Key, KeyPress};

/// Where the keyboard is: what decides which bindings apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Home,
    Items,
    Equipment,
    Summary,
    Reader,
    Help,
    Confirm,
    Prompt,
    Form,
    Editor,
    Search,
    Plan,
    FollowUp,
    Choice,
}

impl Mode {
    /// Modes that take typed text: unbound keys go to the text, and the global
    /// single-letter keys (`q`, `?`) are letters.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Mode::Prompt | Mode::Form | Mode::Editor | Mode::Search
        )
    }
}

/// The groups of the help screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Everywhere,
    Home,
    Items,
    Equipment,
    Plan,
    Summary,
    Reader,
    Editor,
    Dialogs,
}

pub struct Binding {
    pub section: Section,
    pub modes: &'static [Mode],
    pub keys: &'static [KeyPress],
    /// How the keys are written (en, es, pt) when listing them one by one
    /// would be clumsy.
    pub label: Option<[&'static str; 3]>,
    pub action: Action,
    /// en, es, pt.
    pub help: [&'static str; 3],
    /// Shown in the footer of its modes.
    pub footer: bool,
}

/// One label for all three languages.
const fn same(label: Option<&'static str>) -> Option<[&'static str; 3]> {
    match label {
        Some(l) => Some([l, l, l]),
        None => None,
    }
}

const fn k(key: Key) -> KeyPress {
    KeyPress::plain(key)
}
const fn c(ch: char) -> KeyPress {
    KeyPress::ch(ch)
}

use Mode as M;

const BROWSE: &[Mode] = &[
    M::Home,
    M::Items,
    M::Equipment,
    M::Plan,
    M::FollowUp,
    M::Summary,
    M::Reader,
    M::Help,
];
const WORK: &[Mode] = &[M::Items, M::Equipment, M::Plan, M::FollowUp, M::Summary];
const LISTS: &[Mode] = &[
    M::Home,
    M::Items,
    M::Equipment,
    M::Plan,
    M::FollowUp,
    M::Help,
    M::Reader,
    M::Summary,
];
const NOT_TEXT: &[Mode] = &[
    M::Home,
    M::Items,
    M::Equipment,
    M::Plan,
    M::FollowUp,
    M::Summary,
    M::Reader,
    M::Help,
    M::Confirm,
    M::Choice,
];
const ALL: &[Mode] = &[
    M::Home,
    M::Items,
    M::Equipment,
    M::Plan,
    M::FollowUp,
    M::Summary,
    M::Reader,
    M::Help,
    M::Confirm,
    M::Prompt,
    M::Form,
    M::Editor,
    M::Search,
    M::Choice,
];

macro_rules! bind {
    ($section:ident, $modes:expr, [$($key:expr),+], $label:expr, $action:expr, $footer:expr, $en:literal, $es:literal, $pt:literal) => {
        Binding {
            section: Section::$section,
            modes: $modes,
            keys: &[$($key),+],
            label: same($label),
            action: $action,
            help: [$en, $es, $pt],
            footer: $footer,
        }
    };
}

#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind!(Everywhere, BROWSE, [k(Key::Up), c('k')], None, Action::MoveUp, false, "move up", "subir", "subir"),
    bind!(Everywhere, BROWSE, [k(Key::Down), c('j')], None, Action::MoveDown, false, "move down", "bajar", "descer"),
    bind!(Everywhere, LISTS, [k(Key::Home), c('g')], None, Action::MoveFirst, false, "first", "primero", "primeiro"),
    bind!(Everywhere, LISTS, [k(Key::End), c('G')], None, Action::MoveLast, false, "last", "último", "último"),
    bind!(Everywhere, NOT_TEXT, [c('?')], None, Action::ShowHelp, true, "help", "ayuda", "ajuda"),
    bind!(Everywhere, NOT_TEXT, [c('q')], None, Action::Quit, true, "quit (everything is already saved)", "salir (todo ya está guardado)", "sair (tudo já está salvo)"),
    bind!(Everywhere, ALL, [KeyPress::ctrl('c')], None, Action::Quit, false, "quit, saving an open editor first", "salir, guardando antes el editor abierto", "sair, salvando antes o editor aberto"),
    // Home.
    bind!(Home, &[M::Home], [k(Key::Tab), k(Key::BackTab), k(Key::Left), k(Key::Right), c('h'), c('l')], Some("Tab ←→"), Action::NextTab, false, "switch between posts and assessments", "cambiar entre puestos y evaluaciones", "alternar entre postos e avaliações"),
    bind!(Home, &[M::Home], [k(Key::Enter)], None, Action::Open, true, "open", "abrir", "abrir"),
    bind!(Home, &[M::Home], [c('a')], None, Action::NewPost, true, "new post", "nuevo puesto", "novo posto"),
    bind!(Home, &[M::Home], [c('e')], None, Action::EditPost, false, "edit the post (name, profile, agencies)", "editar el puesto (nombre, perfil, organismos)", "editar o posto (nome, perfil, órgãos)"),
    bind!(Home, &[M::Home], [c('s')], None, Action::StartAssessment, true, "start assessment", "iniciar evaluación", "iniciar avaliação"),
    bind!(Home, &[M::Home], [c('r')], None, Action::ExportReport, true, "report", "informe", "relatório"),
    bind!(Home, &[M::Home], [c('d')], None, Action::DeleteDraft, true, "delete draft", "eliminar borrador", "excluir rascunho"),
    bind!(Home, &[M::Home], [c('D')], None, Action::LoadDemo, false, "load the demo data", "cargar los datos de demostración", "carregar os dados de demonstração"),
    bind!(Home, &[M::Home], [k(Key::Esc)], None, Action::Back, false, "back to the posts", "volver a los puestos", "voltar aos postos"),
    // Checklist.
    bind!(Items, WORK, [k(Key::Tab)], None, Action::NextTab, false, "next tab", "pestaña siguiente", "próxima aba"),
    bind!(Items, WORK, [k(Key::BackTab)], None, Action::PrevTab, false, "previous tab", "pestaña anterior", "aba anterior"),
    bind!(Items, &[M::Items, M::FollowUp, M::Summary], [k(Key::Right), c('l')], None, Action::NextTab, false, "next tab", "pestaña siguiente", "próxima aba"),
    bind!(Items, &[M::Items, M::FollowUp, M::Summary], [k(Key::Left), c('h')], None, Action::PrevTab, false, "previous tab", "pestaña anterior", "aba anterior"),
    bind!(Items, &[M::Items], [c('0'), c('1'), c('2'), c('3'), c('4')], Some("0–4"), Action::SetLevel(0), true, "set level", "fijar nivel", "definir nível"),
    bind!(Items, &[M::Items], [k(Key::Enter)], None, Action::ToggleFocus, true, "read (the item on the whole screen, or the list again)", "leer (el ítem en toda la pantalla, o la lista otra vez)", "ler (o item na tela inteira, ou a lista de novo)"),
    bind!(Items, &[M::Items], [c('y')], None, Action::ConfirmCarried, true, "confirm (the carried-over answer, then the next open item)", "confirmar (la respuesta anterior, y pasar al siguiente abierto)", "confirmar (a resposta anterior, e passar ao próximo aberto)"),
    bind!(Items, &[M::Items], [c('x')], None, Action::MarkNotApplicable, true, "N/A (asks why)", "N/A (pide el motivo)", "N/A (pede o motivo)"),
    bind!(Items, &[M::Items], [c('c')], None, Action::ClearResponse, false, "clear the answer", "borrar la respuesta", "limpar a resposta"),
    bind!(Items, &[M::Items], [c('n')], None, Action::NextOpen, true, "next open", "siguiente abierto", "próximo aberto"),
    bind!(Items, &[M::Items], [c('e')], None, Action::EditNotes, true, "notes", "observaciones", "observações"),
    bind!(Items, &[M::Items], [c('p')], None, Action::OpenProcedure, false, "read the cited procedure", "leer el procedimiento citado", "ler o procedimento citado"),
    bind!(Items, &[M::Items, M::Equipment], [c('/')], None, Action::Search, false, "search items", "buscar ítems", "buscar itens"),
    bind!(Items, &[M::Items, M::Equipment], [c('A')], None, Action::AddAction, false, "add an action to the plan citing it (asks its title)", "agregar al plan una acción que lo cite (pide el título)", "adicionar ao plano uma ação que o cite (pede o título)"),
    bind!(Items, &[M::Items, M::Equipment], [c('v')], None, Action::ReviewFlag, false, "review flag: raise one (a reviewer, on a submitted assessment) or answer it (an evaluator)", "observación de revisión: registrarla (quien revisa, en una evaluación enviada) o responderla (quien evalúa)", "observação de revisão: registrá-la (quem revisa, numa avaliação enviada) ou respondê-la (quem avalia)"),
    bind!(Items, &[M::Items], [c('X')], None, Action::SectionNotApplicable, false, "the whole section N/A (asks why once, logged per item)", "toda la sección N/A (pide el motivo una vez; queda en el registro ítem por ítem)", "toda a seção N/A (pede o motivo uma vez; fica no registro item por item)"),
    bind!(Items, &[M::Items], [c('u')], None, Action::Undo, false, "undo the last answer changed (logged like any change)", "deshacer la última respuesta cambiada (queda en el registro como todo cambio)", "desfazer a última resposta alterada (fica no registro como toda alteração)"),
    bind!(Items, &[M::Items], [c('f')], None, Action::Filters, true, "filter", "filtrar", "filtrar"),
    bind!(Items, &[M::Items], [c('V')], None, Action::FlaggedOnly, false, "only items that need review, or all again", "solo los ítems que requieren revisión, o todos otra vez", "só os itens que requerem revisão, ou todos de novo"),
    bind!(Items, &[M::Items], [k(Key::PageDown), KeyPress::ctrl('d')], None, Action::ScrollDetailDown, false, "scroll the detail down", "desplazar el detalle hacia abajo", "rolar o detalhe para baixo"),
    bind!(Items, &[M::Items], [k(Key::PageUp), KeyPress::ctrl('u')], None, Action::ScrollDetailUp, false, "scroll the detail up", "desplazar el detalle hacia arriba", "rolar o detalhe para cima"),
    // Equipment.
    bind!(Equipment, &[M::Equipment], [k(Key::Left), k(Key::Right), c('h'), c('l')], Some("←→"), Action::MoveRight, true, "choose a count", "elegir un conteo", "escolher uma contagem"),
    bind!(Equipment, &[M::Equipment], [k(Key::Enter)], None, Action::Open, true, "edit the count", "editar el conteo", "editar a contagem"),
    bind!(Equipment, &[M::Equipment], [c('0'), c('1'), c('2'), c('3'), c('4'), c('5'), c('6'), c('7'), c('8'), c('9')], Some("0–9"), Action::Open, false, "type a count", "escribir un conteo", "digitar uma contagem"),
    bind!(Equipment, &[M::Equipment], [c('-'), k(Key::Delete)], None, Action::ClearResponse, false, "clear the count (required and needed return to the catalogue figure)", "borrar el conteo (requeridos y necesarios vuelven a la cifra del catálogo)", "limpar a contagem (necessários voltam ao número do catálogo)"),
    bind!(Equipment, &[M::Equipment], [c('e')], None, Action::EditNotes, true, "note", "observación", "observação"),
    bind!(Equipment, &[M::Equipment], [c('a')], None, Action::AddUncatalogued, true, "add equipment (not in the catalogue)", "agregar equipamiento (fuera del catálogo)", "adicionar equipamento (fora do catálogo)"),
    // Plan and follow-up.
    bind!(Plan, &[M::Plan], [c('p')], None, Action::ProposePlan, true, "propose actions (from the scores; adds only what is new)", "proponer acciones (a partir de los puntajes; solo agrega lo nuevo)", "propor ações (a partir das pontuações; só adiciona o que é novo)"),
    bind!(Plan, &[M::Plan], [k(Key::Enter)], None, Action::Open, true, "edit the field", "editar el campo", "editar o campo"),
    bind!(Plan, &[M::Plan], [k(Key::Left), k(Key::Right), c('h'), c('l')], Some("←→"), Action::MoveRight, true, "choose a field", "elegir un campo", "escolher um campo"),
    bind!(Plan, &[M::Plan], [c('o')], None, Action::GoToCited, false, "go to the item or equipment it cites", "ir al ítem o equipamiento que cita", "ir ao item ou equipamento que cita"),
    bind!(Plan, &[M::Plan], [c('f')], None, Action::FilterStatus, true, "filter by status", "filtrar por estado", "filtrar por situação"),
    bind!(Plan, &[M::Plan], [c('w')], None, Action::FilterAgency, false, "filter by agency", "filtrar por organismo", "filtrar por órgão"),
    bind!(Plan, &[M::Plan], [c('t')], None, Action::SetTarget, false, "set a pillar's target level", "fijar el nivel objetivo de un pilar", "definir o nível-alvo de um pilar"),
    bind!(Plan, &[M::FollowUp], [k(Key::Enter)], None, Action::Open, true, "record what became of the action", "registrar qué fue de la acción", "registrar o que aconteceu com a ação"),
    bind!(Plan, &[M::FollowUp, M::Plan], [k(Key::PageDown)], None, Action::PageDown, false, "page down", "página siguiente", "página seguinte"),
    bind!(Plan, &[M::FollowUp, M::Plan], [k(Key::PageUp)], None, Action::PageUp, false, "page up", "página anterior", "página anterior"),
    // Summary.
    bind!(Summary, &[M::Summary], [c('m')], None, Action::EditMethod, true, "the visit: dates, people interviewed, sites seen, traffic", "la visita: fechas, personas entrevistadas, lugares visitados, tránsito", "a visita: datas, pessoas entrevistadas, locais visitados, tráfego"),
    bind!(Summary, &[M::Summary], [k(Key::Enter)], None, Action::Open, true, "go to item", "ir al ítem", "ir ao item"),
    bind!(Summary, &[M::Summary], [k(Key::PageDown)], None, Action::PageDown, false, "scroll down", "desplazar hacia abajo", "rolar para baixo"),
    bind!(Summary, &[M::Summary], [k(Key::PageUp)], None, Action::PageUp, false, "scroll up", "desplazar hacia arriba", "rolar para cima"),
    // Life cycle and report, from any tab of the workspace.
    bind!(Items, WORK, [c('S')], None, Action::Submit, true, "submit for review", "enviar para revisión", "enviar para revisão"),
    bind!(Items, WORK, [c('F')], None, Action::Finalise, true, "finalise (read-only)", "finalizar (solo lectura)", "finalizar (somente leitura)"),
    bind!(Items, WORK, [c('O')], None, Action::Reopen, true, "reopen as a draft (asks why)", "reabrir como borrador (pide el motivo)", "reabrir como rascunho (pede o motivo)"),
    bind!(Items, WORK, [c('r')], None, Action::ExportReport, true, "export the PDF report", "exportar el informe PDF", "exportar o relatório PDF"),
    bind!(Items, WORK, [k(Key::Esc)], None, Action::Back, false, "back to the posts", "volver a los puestos", "voltar aos postos"),
    // Reader and help.
    bind!(Reader, &[M::Reader, M::Help], [k(Key::PageDown), c(' ')], None, Action::PageDown, false, "page down", "página siguiente", "página seguinte"),
    bind!(Reader, &[M::Reader, M::Help], [k(Key::PageUp)], None, Action::PageUp, false, "page up", "página anterior", "página anterior"),
    bind!(Reader, &[M::Reader], [k(Key::Left), k(Key::Right), k(Key::Tab), c('h'), c('l')], Some("←→"), Action::MoveRight, true, "other cited procedure", "otro procedimiento citado", "outro procedimento citado"),
    bind!(Reader, &[M::Reader, M::Help], [k(Key::Esc)], None, Action::Back, true, "close", "cerrar", "fechar"),
    // Notes editor.
    bind!(Editor, &[M::Editor], [k(Key::Esc)], None, Action::Back, true, "close (the note is saved as you type)", "cerrar (la observación se guarda mientras escribe)", "fechar (a observação é salva enquanto você digita)"),
    bind!(Editor, &[M::Editor], [KeyPress::ctrl('s')], None, Action::SaveEditor, false, "save now", "guardar ahora", "salvar agora"),
    bind!(Editor, &[M::Editor], [KeyPress::ctrl('k')], None, Action::KeepMine, true, "keep mine (in a note conflict)", "conservar el mío (en un conflicto)", "manter o meu (num conflito)"),
    bind!(Editor, &[M::Editor], [KeyPress::ctrl('t')], None, Action::TakeTheirs, true, "take theirs (in a note conflict; mine is kept in a file)", "tomar el otro (en un conflicto; el mío queda en un archivo)", "ficar com o outro (num conflito; o meu fica num arquivo)"),
    bind!(Editor, &[M::Editor], [KeyPress::ctrl('b')], None, Action::KeepBoth, true, "keep both (in a note conflict)", "conservar ambos (en un conflicto)", "manter os dois (num conflito)"),
    // Dialogs, forms, prompts, search.
    Binding { section: Section::Dialogs, modes: &[M::Confirm], keys: &[k(Key::Enter), c('y'), c('s')], label: Some(["Enter/y", "Enter/s", "Enter/s"]), action: Action::Confirm, help: ["yes", "sí", "sim"], footer: true },
    bind!(Dialogs, &[M::Confirm], [k(Key::Esc), c('n')], Some("Esc/n"), Action::Cancel, true, "no", "no", "não"),
    bind!(Dialogs, &[M::Prompt, M::Search], [k(Key::Enter)], None, Action::Confirm, true, "confirm", "confirmar", "confirmar"),
    bind!(Dialogs, &[M::Prompt, M::Search, M::Form], [k(Key::Esc)], None, Action::Cancel, true, "cancel", "cancelar", "cancelar"),
    bind!(Dialogs, &[M::Search], [k(Key::Up), k(Key::Down)], Some("↑↓"), Action::MoveDown, true, "choose a match", "elegir un resultado", "escolher um resultado"),
    bind!(Dialogs, &[M::Choice], [k(Key::Up), k(Key::Down), c('k'), c('j')], Some("↑↓"), Action::MoveDown, true, "choose", "elegir", "escolher"),
    bind!(Dialogs, &[M::Choice], [k(Key::Enter)], None, Action::Confirm, true, "confirm", "confirmar", "confirmar"),
    bind!(Dialogs, &[M::Choice], [k(Key::Esc)], None, Action::Cancel, true, "cancel", "cancelar", "cancelar"),
    bind!(Dialogs, &[M::Form], [k(Key::Tab), k(Key::Down)], None, Action::NextField, true, "next field", "campo siguiente", "próximo campo"),
    bind!(Dialogs, &[M::Form], [k(Key::BackTab), k(Key::Up)], None, Action::PrevField, false, "previous field", "campo anterior", "campo anterior"),
    bind!(Dialogs, &[M::Form], [k(Key::Enter)], None, Action::Confirm, true, "next field; on the last, save", "campo siguiente; en el último, guardar", "próximo campo; no último, salvar"),
    bind!(Dialogs, &[M::Form], [KeyPress::ctrl('s')], None, Action::SaveEditor, true, "save", "guardar", "salvar"),
];

/// The action for `key` while the terminal is too small to show anything:
/// only quitting (`q` or Ctrl-C).
pub fn resolve_too_small(key: KeyPress) -> Option<Action> {
    (key == KeyPress::ch('q') || key == KeyPress::ctrl('c')).then_some(Action::Quit)
}

/// The action for `key` in `mode`, if any.
pub fn resolve(mode: Mode, key: KeyPress) -> Option<Action> {
    for binding in BINDINGS {
        if binding.modes.contains(&mode) && binding.keys.contains(&key) {
            return Some(specialise(&binding.action, key));
        }
    }
    mode.takes_text().then_some(Action::Type(key))
}

/// A binding that covers several keys passes the key on (the level, the digit).
fn specialise(action: &Action, key: KeyPress) -> Action {
    match (action, key.key) {
        (Action::SetLevel(_), Key::Char(d)) => Action::SetLevel(d.to_digit(10).unwrap_or(0) as u8),
        (Action::Open, Key::Char(d)) if d.is_ascii_digit() => Action::Type(key),
        (Action::NextTab, Key::BackTab | Key::Left) => Action::PrevTab,
        (Action::NextTab, Key::Char('h')) => Action::PrevTab,
        (Action::MoveRight, Key::Left | Key::Char('h')) => Action::MoveLeft,
        (Action::MoveDown, Key::Up | Key::Char('k')) => Action::MoveUp,
        (other, _) => other.clone(),
    }
}

/// The label of a binding's keys, e.g. `↑/k`.
pub fn keys_label(binding: &Binding, lang: Lang) -> String {
    binding
        .label
        .map(|l| crate::messages::pick(lang, l))
        .map_or_else(
            || {
                binding
                    .keys
                    .iter()
                    .map(KeyPress::label)
                    .collect::<Vec<_>>()
                    .join("/")
            },
            str::to_string,
        )
}

pub fn help_text(binding: &Binding, lang: Lang) -> &'static str {
    match lang {
        Lang::En => binding.help[0],
        Lang::Es => binding.help[1],
        Lang::Pt => binding.help[2],
    }
}

/// (keys, help) pairs of the footer for `mode`, in table order: only keys that
/// act in `context` (no "0–4 set level" on a final assessment).
pub fn footer(mode: Mode, lang: Lang, context: &KeyContext) -> Vec<(String, &'static str)> {
    let shown =
        |b: &&Binding| b.footer && b.modes.contains(&mode) && available(&b.action, mode, context);
    let mut hints: Vec<(String, &'static str)> = BINDINGS
        .iter()
        .filter(shown)
        .filter(|b| b.section != Section::Everywhere)
        .map(|b| (keys_label(b, lang), short(help_text(b, lang))))
        .collect();
    // Help and quit last: the place people look for them.
    hints.extend(
        BINDINGS
            .iter()
            .filter(shown)
            .filter(|b| b.section == Section::Everywhere)
            .map(|b| (keys_label(b, lang), short(help_text(b, lang)))),
    );
    hints
}

/// The footer's form of a help text: without its parenthesis.
fn short(help: &'static str) -> &'static str {
    help.split(" (").next().unwrap_or(help)
}

/// The bindings of one help section, in table order.
pub fn section(section: Section) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.section == section)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_contract_holds() {
        assert!(matches!(
            resolve(Mode::Items, KeyPress::ch('3')),
            Some(Action::SetLevel(3))
        ));
        assert!(matches!(
            resolve(Mode::Items, KeyPress::ch('0')),
            Some(Action::SetLevel(0))
        ));
        assert!(matches!(
            resolve(Mode::Items, KeyPress::ch('x')),
            Some(Action::MarkNotApplicable)
        ));
        assert!(matches!(
            resolve(Mode::Items, KeyPress::ch('n')),
            Some(Action::NextOpen)
        ));
        assert!(matches!(
            resolve(Mode::Items, KeyPress::ch('e')),
            Some(Action::EditNotes)
        ));
        assert!(matches!(
            resolve(Mode::Items, KeyPress::ch('j')),
            Some(Action::MoveDown)
        ));
        assert!(matches!(
            resolve(Mode::Home, k(Key::Up)),
            Some(Action::MoveUp)
        ));
        assert!(matches!(
            resolve(Mode::Items, k(Key::BackTab)),
            Some(Action::PrevTab)
        ));
        assert!(matches!(
            resolve(Mode::Summary, k(Key::Tab)),
            Some(Action::NextTab)
        ));
        assert!(matches!(
            resolve(Mode::Home, k(Key::Enter)),
            Some(Action::Open)
        ));
        assert!(matches!(
            resolve(Mode::Items, k(Key::Esc)),
            Some(Action::Back)
        ));
        assert!(matches!(
            resolve(Mode::Editor, k(Key::Esc)),
            Some(Action::Back)
        ));
        for mode in [
            Mode::Home,
            Mode::Items,
            Mode::Equipment,
            Mode::Summary,
            Mode::Reader,
            Mode::Help,
        ] {
            assert!(
                matches!(resolve(mode, KeyPress::ch('q')), Some(Action::Quit)),
                "{mode:?}"
            );
            assert!(
                matches!(resolve(mode, KeyPress::ch('?')), Some(Action::ShowHelp)),
                "{mode:?}"
            );
        }
    }

    #[test]
    fn editors_take_letters_that_elsewhere_are_commands() {
        for mode in [Mode::Editor, Mode::Prompt, Mode::Form, Mode::Search] {
            assert!(
                matches!(resolve(mode, KeyPress::ch('q')), Some(Action::Type(_))),
                "{mode:?}"
            );
            assert!(
                matches!(resolve(mode, KeyPress::ch('3')), Some(Action::Type(_))),
                "{mode:?}"
            );
        }
        assert!(matches!(
            resolve(Mode::Equipment, KeyPress::ch('7')),
            Some(Action::Type(_))
        ));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        for &mode in ALL {
            let mut seen = Vec::new();
            for binding in BINDINGS.iter().filter(|b| b.modes.contains(&mode)) {
                for key in binding.keys {
                    assert!(!seen.contains(key), "{key:?} bound twice in {mode:?}");
                    seen.push(*key);
                }
            }
        }
    }

    #[test]
    fn every_binding_is_explained_in_every_language() {
        for binding in BINDINGS {
            assert!(
                binding.help.iter().all(|h| !h.trim().is_empty()),
                "{:?}",
                binding.keys
            );
        }
        let footer = footer(Mode::Items, Lang::Es, &KeyContext::default());
        assert!(
            footer
                .iter()
                .any(|(keys, help)| keys == "0–4" && *help == "fijar nivel")
        );
        assert_eq!(footer.last().map(|(k, _)| k.as_str()), Some("q"));
    }
}
