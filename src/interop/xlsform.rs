//! The pack as an XLSForm (survey, choices and settings sheets) for
//! KoboToolbox and ODK Collect: one group per pillar and section, one
//! `select_one` per item (levels 0–4 or N/A), a reason required only with
//! N/A, a note per item, and each item shown only where the pack applies it.
//!
//! The field names are the contract with `import-submissions`: an item's
//! level is the field named by its id, its reason and note the same id with
//! [`REASON_SUFFIX`] and [`NOTE_SUFFIX`], and every submission carries the
//! form's version in [`VERSION_FIELD`].

use super::{Cell, Table};
use crate::domain::lang::{Lang, Localized};
use crate::domain::pack::{Item, Pack, Pillar};
use crate::domain::post::PostKind;
use crate::messages::terms;

/// The hidden field that copies `settings.version` into every submission.
pub const VERSION_FIELD: &str = "frontera_version";
/// An item's N/A reason: `<item id>__reason`.
pub const REASON_SUFFIX: &str = "__reason";
/// An item's evidence notes: `<item id>__note`.
pub const NOTE_SUFFIX: &str = "__note";
/// The choice name of N/A in the level list.
pub const NA: &str = "na";

const POST_KIND: &str = "post_kind";
const POST_CARGO: &str = "post_cargo";
const POST_SHARED: &str = "post_shared";

/// The form version: the pack version and the start of its content hash, so a
/// form made from an edited pack is told apart from the original.
pub fn form_version(pack: &Pack) -> String {
    let hash: String = pack.meta.hash.chars().take(12).collect();
    format!("{}+{hash}", pack.meta.version)
}

/// The language column suffix XLSForm expects: `English (en)`.
fn language(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English (en)",
        Lang::Es => "Español (es)",
        Lang::Pt => "Português (pt)",
    }
}

/// Three texts, one per language, in `Lang::ALL` order.
type Texts = [String; 3];

fn localized(text: &Localized<String>) -> Texts {
    Lang::ALL.map(|l| text.get(l).clone())
}

fn fixed(en: &str, es: &str, pt: &str) -> Texts {
    [en.to_string(), es.to_string(), pt.to_string()]
}

struct Row {
    kind: String,
    name: String,
    label: Option<Texts>,
    hint: Option<Texts>,
    required: bool,
    relevant: String,
    calculation: String,
}

impl Row {
    fn new(kind: &str, name: &str, label: Option<Texts>) -> Row {
        Row {
            kind: kind.to_string(),
            name: name.to_string(),
            label,
            hint: None,
            required: false,
            relevant: String::new(),
            calculation: String::new(),
        }
    }
}

/// The whole form, or only pillar `pillar`, as the three XLSForm sheets.
/// `default` is the language the form opens in.
pub fn form(pack: &Pack, pillar: Option<u8>, default: Lang) -> Vec<Table> {
    let mut rows = vec![
        Row {
            calculation: format!("'{}'", form_version(pack)),
            ..Row::new("calculate", VERSION_FIELD, None)
        },
        Row {
            required: true,
            ..Row::new(
                &format!("select_one {POST_KIND}"),
                POST_KIND,
                Some(fixed(
                    "Kind of crossing",
                    "Tipo de paso",
                    "Tipo de passagem",
                )),
            )
        },
        Row {
            required: true,
            ..Row::new(
                "select_one yes_no",
                POST_CARGO,
                Some(fixed(
                    "Does the post handle cargo?",
                    "¿El paso controla carga?",
                    "O posto controla carga?",
                )),
            )
        },
        Row {
            required: true,
            ..Row::new(
                "select_one yes_no",
                POST_SHARED,
                Some(fixed(
                    "Is the control shared with the neighbour (juxtaposed, single-head or integrated area)?",
                    "¿El control se comparte con el país vecino (yuxtapuesto, cabecera única o área integrada)?",
                    "O controle é compartilhado com o país vizinho (justaposto, cabeceira única ou área integrada)?",
                )),
            )
        },
    ];
    for p in pack
        .pillars
        .iter()
        .filter(|p| pillar.is_none_or(|n| p.number == n))
    {
        pillar_rows(p, &mut rows);
    }
    vec![survey(rows), choices(pack), settings(pack, pillar, default)]
}

fn pillar_rows(pillar: &Pillar, rows: &mut Vec<Row>) {
    let name = format!("p{}", pillar.number);
    rows.push(Row::new(
        "begin_group",
        &name,
        Some(localized(&pillar.title)),
    ));
    for section in &pillar.sections {
        let items: Vec<&Item> = pillar
            .items
            .iter()
            .filter(|i| i.section == section.id)
            .collect();
        // A group with nothing in it is an error for pyxform.
        if items.is_empty() {
            continue;
        }
        rows.push(Row::new(
            "begin_group",
            &section.id,
            Some(localized(&section.title)),
        ));
        for item in items {
            item_rows(item, rows);
        }
        rows.push(Row::new("end_group", "", None));
    }
    rows.push(Row::new("end_group", "", None));
}

fn item_rows(item: &Item, rows: &mut Vec<Row>) {
    let question = Lang::ALL.map(|l| item.text.get(l).question.clone());
    let guidance = Lang::ALL.map(|l| item.text.get(l).guidance.clone());
    rows.push(Row {
        hint: Some(guidance),
        relevant: relevance(item),
        ..Row::new("select_one level", &item.id, Some(question))
    });
    rows.push(Row {
        required: true,
        relevant: format!("${{{}}} = '{NA}'", item.id),
        ..Row::new(
            "text",
            &format!("{}{REASON_SUFFIX}", item.id),
            Some(fixed(
                "Why does it not apply?",
                "¿Por qué no aplica?",
                "Por que não se aplica?",
            )),
        )
    });
    rows.push(Row {
        relevant: relevance(item),
        ..Row::new(
            "text",
            &format!("{}{NOTE_SUFFIX}", item.id),
            Some(fixed(
                "Evidence notes",
                "Notas de evidencia",
                "Notas de evidência",
            )),
        )
    });
}

/// The item's applicability as an XPath condition on the three post
/// questions; empty when it applies everywhere.
fn relevance(item: &Item) -> String {
    let a = &item.applicability;
    let mut parts = Vec::new();
    if PostKind::ALL.iter().any(|k| !a.kinds.contains(k)) {
        let kinds: Vec<String> = a
            .kinds
            .iter()
            .map(|k| format!("${{{POST_KIND}}} = '{}'", k.code()))
            .collect();
        parts.push(format!("({})", kinds.join(" or ")));
    }
    if a.cargo_only {
        parts.push(format!("${{{POST_CARGO}}} = 'yes'"));
    }
    if a.shared_control_only {
        parts.push(format!("${{{POST_SHARED}}} = 'yes'"));
    }
    parts.join(" and ")
}

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

fn survey(rows: Vec<Row>) -> Table {
    let mut headers = vec!["type".to_string(), "name".to_string()];
    headers.extend(Lang::ALL.map(|l| format!("label::{}", language(l))));
    headers.extend(Lang::ALL.map(|l| format!("hint::{}", language(l))));
    headers.extend(["required", "relevant", "calculation"].map(String::from));
    let rows = rows
        .into_iter()
        .map(|r| {
            let mut cells = vec![text(&r.kind), text(&r.name)];
            let none: Texts = Default::default();
            cells.extend(
                r.label
                    .unwrap_or_else(|| none.clone())
                    .iter()
                    .map(|s| text(s)),
            );
            cells.extend(r.hint.unwrap_or(none).iter().map(|s| text(s)));
            cells.push(text(if r.required { "yes" } else { "" }));
            cells.push(text(&r.relevant));
            cells.push(text(&r.calculation));
            cells
        })
        .collect();
    Table {
        name: "survey",
        headers,
        rows,
    }
}

fn choices(pack: &Pack) -> Table {
    let mut headers = vec!["list_name".to_string(), "name".to_string()];
    headers.extend(Lang::ALL.map(|l| format!("label::{}", language(l))));
    let mut rows = Vec::new();
    let mut push = |list: &str, name: &str, labels: Texts| {
        let mut row = vec![text(list), text(name)];
        row.extend(labels.iter().map(|s| text(s)));
        rows.push(row);
    };
    for (level, label) in pack.scoring.levels.iter().enumerate() {
        push(
            "level",
            &level.to_string(),
            Lang::ALL.map(|l| format!("{level} — {}", label.name.get(l))),
        );
    }
    push(
        "level",
        NA,
        fixed(
            "N/A — does not apply",
            "N/A — no aplica",
            "N/A — não se aplica",
        ),
    );
    for kind in PostKind::ALL {
        push(
            POST_KIND,
            kind.code(),
            Lang::ALL.map(|l| terms::post_kind(l, kind).to_string()),
        );
    }
    push("yes_no", "yes", fixed("Yes", "Sí", "Sim"));
    push("yes_no", "no", fixed("No", "No", "Não"));
    Table {
        name: "choices",
        headers,
        rows,
    }
}

fn settings(pack: &Pack, pillar: Option<u8>, default: Lang) -> Table {
    let safe: String = pack
        .meta
        .id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let (form_id, title) = match pillar.and_then(|n| pack.pillar(n)) {
        Some(p) => (
            format!("frontera_{safe}_p{}", p.number),
            format!(
                "{} — {}",
                pack.meta.title.get(default),
                p.title.get(default)
            ),
        ),
        None => (
            format!("frontera_{safe}"),
            pack.meta.title.get(default).clone(),
        ),
    };
    Table {
        name: "settings",
        headers: ["form_title", "form_id", "version", "default_language"]
            .map(String::from)
            .to_vec(),
        rows: vec![vec![
            text(&title),
            text(&form_id),
            text(&form_version(pack)),
            text(language(default)),
        ]],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::{item, pack};
    use crate::domain::post::PostKind::{Air, Land, River, Sea};

    #[test]
    fn relevance_follows_kinds_cargo_and_shared_control() {
        assert_eq!(
            relevance(&item(
                "p1.s.a",
                1,
                1,
                false,
                &[Land, Air, Sea, River],
                false
            )),
            ""
        );
        assert_eq!(
            relevance(&item("p1.s.a", 1, 1, false, &[Land, River], true)),
            "(${post_kind} = 'land' or ${post_kind} = 'river') and ${post_cargo} = 'yes'"
        );
        let mut shared = item("p1.s.a", 1, 1, false, &[Land, Air, Sea, River], false);
        shared.applicability.shared_control_only = true;
        assert_eq!(relevance(&shared), "${post_shared} = 'yes'");
    }

    #[test]
    fn one_pillar_has_only_its_groups_and_the_version_names_the_hash() {
        let p = pack(
            vec![
                item("p1.s.a", 1, 1, false, &[Land], false),
                item("p2.s.b", 2, 1, false, &[Land], false),
            ],
            vec![],
        );
        let sheets = form(&p, Some(2), Lang::Es);
        let names: Vec<String> = sheets[0]
            .rows
            .iter()
            .filter_map(|r| match &r[1] {
                Cell::Text(t) => Some(t.clone()),
                _ => None,
            })
            .collect();
        assert!(names.contains(&"p2.s.b".to_string()));
        assert!(names.contains(&"p2.s.b__reason".to_string()));
        assert!(!names.iter().any(|n| n.starts_with("p1")), "{names:?}");
        assert_eq!(sheets[2].rows[0][2], Cell::Text("0+000000000000".into()));
        assert_eq!(sheets[2].rows[0][3], Cell::Text("Español (es)".into()));
        // Five levels and N/A in the level list.
        let levels = sheets[1]
            .rows
            .iter()
            .filter(|r| r[0] == Cell::Text("level".into()))
            .count();
        assert_eq!(levels, 6);
    }
}
