//! The forms: registering a post and starting an assessment, with the fields,
//! the focused one, and why an entry was refused.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::block;
use super::dialogs::input_line;
use super::style::Theme;
use super::text::cell;
use crate::domain::assessment::{AssessmentKind, Depth};
use crate::domain::post::{ControlModel, PostKind};
use crate::tui::i18n::{Texts, fill, plan_texts};
use crate::tui::state::form::{FieldError, FieldId, FieldValue, Form, FormKind};

fn field_label(id: FieldId, t: &Texts) -> &'static str {
    match id {
        FieldId::Code => t.f_code,
        FieldId::Name => t.f_name,
        FieldId::Country => t.f_country,
        FieldId::Neighbour => t.f_neighbour,
        FieldId::Kind => t.f_kind,
        FieldId::Cargo => t.f_cargo,
        FieldId::Model => t.f_model,
        FieldId::Lanes => t.f_lanes,
        FieldId::CargoLanes => t.f_cargo_lanes,
        FieldId::Booths => t.f_booths,
        FieldId::Shifts => t.f_shifts,
        FieldId::Agencies => t.f_agencies,
        FieldId::AssessmentKind => t.f_assessment_kind,
        FieldId::Evaluators => t.f_evaluators,
        FieldId::Depth => t.f_depth,
        FieldId::NationalFrom => t.f_national_from,
        FieldId::CarryOver => t.f_carry_over,
        FieldId::VisitFrom => plan_texts(t.lang).f_visit_from,
        FieldId::VisitTo => plan_texts(t.lang).f_visit_to,
        FieldId::Interviewed => plan_texts(t.lang).f_interviewed,
        FieldId::SitesSeen => plan_texts(t.lang).f_sites_seen,
        FieldId::Traffic => plan_texts(t.lang).f_traffic,
    }
}

fn choice_name(form: &Form, id: FieldId, index: usize, t: &Texts) -> String {
    match id {
        FieldId::Depth => {
            crate::messages::terms::depth(t.lang, Depth::ALL[index.min(Depth::ALL.len() - 1)])
                .to_string()
        }
        FieldId::NationalFrom => match (&form.kind, index.checked_sub(1)) {
            (FormKind::Start { national, .. }, Some(i)) => national
                .get(i)
                .map_or_else(String::new, |(_, label)| label.clone()),
            _ => t.none.to_string(),
        },
        FieldId::Kind => t.post_kind(PostKind::ALL[index.min(3)]).to_string(),
        FieldId::Model => t.model(ControlModel::ALL[index.min(3)]).to_string(),
        FieldId::Cargo => if index == 1 { t.yes } else { t.no }.to_string(),
        FieldId::CarryOver => match (&form.kind, index) {
            (
                FormKind::Start {
                    previous_final: Some(label),
                    ..
                },
                1,
            ) => format!("{} — {label}", t.yes),
            _ => t.no.to_string(),
        },
        FieldId::AssessmentKind => t
            .kind(AssessmentKind::ALL[index.min(AssessmentKind::ALL.len() - 1)])
            .to_string(),
        _ => String::new(),
    }
}

fn error_text(error: FieldError, t: &Texts) -> &'static str {
    match error {
        FieldError::Code => t.err_code,
        FieldError::Country => t.err_country,
        FieldError::SameCountry => t.err_same_country,
        FieldError::Empty => t.err_empty,
        FieldError::Number => t.err_number,
        FieldError::Shifts => t.err_shifts,
        FieldError::CargoLanes => t.err_cargo_lanes,
        FieldError::Date => plan_texts(t.lang).err_date,
        FieldError::DateOrder => plan_texts(t.lang).err_date_order,
    }
}

/// The form in `area` (already placed by the caller).
pub fn draw(frame: &mut Frame<'_>, area: Rect, form: &Form, t: &Texts, theme: Theme) {
    let title = match &form.kind {
        FormKind::Post => t.new_post.to_string(),
        FormKind::Start { post, .. } => fill(t.start_title, &[("post", post.as_str())]),
        FormKind::Method => plan_texts(t.lang).method_title.to_string(),
        FormKind::EditPost { code } => fill(t.edit_post_title, &[("code", code.as_str())]),
    };
    frame.render_widget(Clear, area);
    let outer = block(format!(" {title} "), true, theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let longest = form
        .fields
        .iter()
        .map(|(id, _)| field_label(*id, t).chars().count() as u16)
        .max()
        .unwrap_or(10);
    let label_w = (longest + 3).min(inner.width.saturating_sub(26));
    for (i, (id, value)) in form.fields.iter().enumerate() {
        let y = inner.y + i as u16;
        if y >= inner.y + inner.height {
            break;
        }
        let focused = i == form.focus;
        let invalid = form.error_of(*id).is_some();
        let mark = match (invalid, focused) {
            (true, _) => "✗ ",
            (false, true) => "▸ ",
            _ => "  ",
        };
        let label = format!(
            "{mark}{}",
            cell(field_label(*id, t), (label_w as usize).saturating_sub(3))
        );
        let style = if invalid {
            theme.error()
        } else if focused {
            theme.bold()
        } else {
            theme.plain()
        };
        frame.render_widget(
            Paragraph::new(Line::styled(label, style)),
            Rect::new(inner.x, y, label_w, 1),
        );
        let field = Rect::new(inner.x + label_w, y, inner.width.saturating_sub(label_w), 1);
        match value {
            FieldValue::Text(input) => input_line(frame, field, input, focused, theme),
            FieldValue::Choice { index, .. } => {
                let text = format!("◀ {} ▶", choice_name(form, *id, *index, t));
                let style = if focused {
                    theme.selected_unfocused()
                } else {
                    theme.plain()
                };
                frame.render_widget(Paragraph::new(Line::styled(text, style)), field);
            }
        }
    }
    // The focused field's error, else the first one: one line, whatever the count.
    let shown = form
        .fields
        .get(form.focus)
        .and_then(|(id, _)| form.error_of(*id).map(|e| (*id, e)))
        .or_else(|| form.errors.first().copied());
    let mut lines = vec![Line::raw("")];
    if let Some(failure) = &form.failure {
        lines.push(Line::styled(failure.clone(), theme.error()));
    } else if let Some((id, error)) = shown {
        let text = format!("✗ {}: {}", field_label(id, t), error_text(error, t));
        lines.push(Line::styled(text, theme.error()));
    }
    lines.push(Line::styled(t.form_hint, theme.dim()));
    let y = inner.y + form.fields.len() as u16;
    let rest = Rect::new(
        inner.x,
        y,
        inner.width,
        (inner.y + inner.height).saturating_sub(y),
    );
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), rest);
}
