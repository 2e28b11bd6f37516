//! Pillar checklist files → validated pillars, sections and items.

use std::ops::Range;

use crate::domain::lang::Localized;
use crate::domain::pack::{
    Cooperation, IbmField, Item, ItemText, LABEL_MAX_CHARS, PILLARS, Pillar, Scope, Section,
};
use crate::domain::post::{Applicability, PostKind};
use crate::domain::scoring::Flag;

use super::diagnostics::FileDiagnostics;
use super::dto::{ItemDto, ItemTextDto, PillarFile, S, TitleText};
use super::localize::{Versions, list, text};

/// A title from three `TitleText` blocks.
pub fn title(
    blocks: [&Option<TitleText>; 3],
    diags: &mut FileDiagnostics<'_>,
    span: Range<usize>,
    what: &str,
) -> Option<Localized<String>> {
    Versions::of(blocks.map(Option::as_ref), |b: &TitleText| text(&b.title))
        .require(diags, span, what)
}

/// Post kinds from a `kinds` list; all kinds when the list is absent.
pub fn kinds(value: &Option<S<Vec<String>>>, diags: &mut FileDiagnostics<'_>) -> Vec<PostKind> {
    let Some(list) = value else {
        return PostKind::ALL.to_vec();
    };
    if list.get_ref().is_empty() {
        diags.error(
            list.span(),
            "kinds is empty: name at least one of land, air, sea, river",
        );
    }
    let mut kinds = Vec::new();
    for code in list.get_ref() {
        match code.parse::<PostKind>() {
            Ok(kind) if !kinds.contains(&kind) => kinds.push(kind),
            Ok(_) => {}
            Err(e) => diags.error(list.span(), e),
        }
    }
    kinds
}

/// Parses a spanned code into an enum, reporting an error at its span.
pub fn parse_code<T: std::str::FromStr<Err = String>>(
    value: &S<String>,
    diags: &mut FileDiagnostics<'_>,
) -> Option<T> {
    value
        .get_ref()
        .parse()
        .map_err(|e| diags.error(value.span(), e))
        .ok()
}

/// An integer that must lie in `range`.
pub fn in_range(
    value: &S<i64>,
    range: std::ops::RangeInclusive<i64>,
    what: &str,
    diags: &mut FileDiagnostics<'_>,
) -> Option<u8> {
    let v = *value.get_ref();
    if range.contains(&v) {
        u8::try_from(v).ok()
    } else {
        diags.error(
            value.span(),
            format!(
                "{what} {v} is out of range ({} to {})",
                range.start(),
                range.end()
            ),
        );
        None
    }
}

fn item_text(dto: &ItemDto, diags: &mut FileDiagnostics<'_>) -> Option<Localized<ItemText>> {
    let id = dto.id.get_ref();
    let span = dto.id.span();
    let blocks = [dto.en.as_ref(), dto.es.as_ref(), dto.pt.as_ref()];
    if dto.en.is_none() {
        diags.error(
            span.clone(),
            format!("item {id}: missing English text ([items.en])"),
        );
        return None;
    }
    for (block, lang) in blocks.iter().zip(["en", "es", "pt"]) {
        if let Some(levels) = block.and_then(|b| b.levels.as_ref())
            && levels.get_ref().len() != 5
        {
            diags.error(
                levels.span(),
                format!(
                    "item {id}: [{lang}] levels has {} descriptors; give exactly 5, for levels 0 to 4",
                    levels.get_ref().len()
                ),
            );
            return None;
        }
    }
    let field = |name: &str| format!("item {id}: {name}");
    let question = Versions::of(blocks, |b| text(&b.question)).require(
        diags,
        span.clone(),
        &field("question"),
    )?;
    let guidance = Versions::of(blocks, |b| text(&b.guidance)).require(
        diags,
        span.clone(),
        &field("guidance"),
    )?;
    let recommendation = Versions::of(blocks, |b| text(&b.recommendation)).require(
        diags,
        span.clone(),
        &field("recommendation"),
    )?;
    let levels = Versions::of(blocks, |b| {
        b.levels
            .as_ref()
            .map(|l| l.get_ref().clone())
            .filter(|l| l.iter().all(|s| !s.trim().is_empty()))
    })
    .require(diags, span, &field("levels"))?;
    let labels = labels(id, &blocks, diags)?;
    let build = |q: &String, g: &String, r: &String, l: &Vec<String>| ItemText {
        label: String::new(),
        question: q.clone(),
        guidance: g.clone(),
        recommendation: r.clone(),
        levels: std::array::from_fn(|i| l.get(i).cloned().unwrap_or_default()),
    };
    let with_label = |mut text: ItemText, label: &String| {
        text.label = label.clone();
        text
    };
    Some(Localized {
        en: with_label(
            build(&question.en, &guidance.en, &recommendation.en, &levels.en),
            &labels.en,
        ),
        es: with_label(
            build(&question.es, &guidance.es, &recommendation.es, &levels.es),
            &labels.es,
        ),
        pt: with_label(
            build(&question.pt, &guidance.pt, &recommendation.pt, &levels.pt),
            &labels.pt,
        ),
    })
}

/// The item's list labels: optional, but once English has one, Spanish and
/// Portuguese should too (a warning, like any missing translation), and each
/// must fit the list of an 80-column screen.
fn labels(
    id: &str,
    blocks: &[Option<&ItemTextDto>; 3],
    diags: &mut FileDiagnostics<'_>,
) -> Option<Localized<String>> {
    let mut fits = true;
    for (block, lang) in blocks.iter().zip(["en", "es", "pt"]) {
        if let Some(label) = block.and_then(|b| b.label.as_ref()) {
            let chars = label.get_ref().trim().chars().count();
            if chars == 0 || chars > LABEL_MAX_CHARS {
                diags.error(
                    label.span(),
                    format!(
                        "item {id}: [{lang}] label has {chars} characters; give 1 to {LABEL_MAX_CHARS}, so it fits a list"
                    ),
                );
                fits = false;
            }
        }
    }
    if !fits {
        return None;
    }
    let get = |b: &ItemTextDto| b.label.as_ref().map(|l| l.get_ref().trim().to_string());
    let Some(en) = blocks[0].and_then(get) else {
        if let Some(label) = blocks[1..].iter().flatten().find_map(|b| b.label.as_ref()) {
            diags.error(
                label.span(),
                format!("item {id}: a label in Spanish or Portuguese needs one in English ([en])"),
            );
            return None;
        }
        return Some(Localized {
            en: String::new(),
            es: String::new(),
            pt: String::new(),
        });
    };
    let span = blocks[0]
        .and_then(|b| b.label.as_ref())
        .map(|l| l.span())
        .unwrap_or_default();
    Versions::of(*blocks, get)
        .require(diags, span, &format!("item {id}: label"))
        .or(Some(Localized {
            es: en.clone(),
            pt: en.clone(),
            en,
        }))
}

fn item(
    dto: &ItemDto,
    pillar: u8,
    sections: &[Section],
    diags: &mut FileDiagnostics<'_>,
) -> Option<Item> {
    let id = dto.id.get_ref().clone();
    let section = dto.section.get_ref().clone();
    if !sections.iter().any(|s| s.id == section) {
        diags.error(
            dto.section.span(),
            format!("item {id}: section '{section}' is not declared in this file's [[sections]]"),
        );
    }
    let weight = in_range(&dto.weight, 1..=3, &format!("item {id}: weight"), diags);
    let cooperation = parse_code::<Cooperation>(&dto.cooperation, diags);
    let field = parse_code::<IbmField>(&dto.field, diags);
    let scope = match &dto.scope {
        None => Some(Scope::Post),
        Some(code) => parse_code::<Scope>(code, diags),
    };
    let kinds = kinds(&dto.kinds, diags);
    let sources = list(&Some(dto.sources.clone()));
    if sources.is_none() {
        diags.error(
            dto.id.span(),
            format!("item {id}: give at least one source in sources"),
        );
    }
    let text = item_text(dto, diags);
    let mut equipment_flags = Vec::new();
    for code in &dto.equipment_flags {
        match Flag::ALL.iter().find(|f| f.code() == code.get_ref()) {
            Some(flag) => equipment_flags.push(*flag),
            None => diags.error(
                code.span(),
                format!(
                    "item {id}: unknown equipment flag '{}' (use {})",
                    code.get_ref(),
                    Flag::ALL.map(|f| f.code()).join(", ")
                ),
            ),
        }
    }
    Some(Item {
        id,
        pillar,
        section,
        weight: weight?,
        critical: dto.critical,
        cooperation: cooperation?,
        field: field?,
        scope: scope?,
        core: dto.core,
        applicability: Applicability {
            kinds,
            cargo_only: dto.cargo_only,
            shared_control_only: dto.shared_control_only,
        },
        procedures: dto.procedures.iter().map(|p| p.get_ref().clone()).collect(),
        equipment: dto.equipment.iter().map(|e| e.get_ref().clone()).collect(),
        equipment_flags,
        sources: sources?,
        text: text?,
    })
}

/// Converts one pillar file; `None` when it has errors that leave no pillar.
pub fn pillar(file: &PillarFile, diags: &mut FileDiagnostics<'_>) -> Option<Pillar> {
    let number = in_range(
        &file.pillar,
        1..=i64::from(PILLARS.len() as u8),
        "pillar",
        diags,
    )?;
    let pillar_title = title(
        [&file.en, &file.es, &file.pt],
        diags,
        file.pillar.span(),
        &format!("pillar {number} title"),
    );
    let sections: Vec<Section> = file
        .sections
        .iter()
        .filter_map(|s| {
            let title = title(
                [&s.en, &s.es, &s.pt],
                diags,
                s.id.span(),
                &format!("section {}", s.id.get_ref()),
            )?;
            Some(Section {
                id: s.id.get_ref().clone(),
                title,
            })
        })
        .collect();
    let items: Vec<Item> = file
        .items
        .iter()
        .filter_map(|i| item(i, number, &sections, diags))
        .collect();
    if file.items.is_empty() {
        diags.error(file.pillar.span(), format!("pillar {number} has no items"));
    }
    Some(Pillar {
        number,
        title: pillar_title?,
        sections,
        items,
    })
}
