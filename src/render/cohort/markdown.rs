//! `cohort --format markdown`: the cohort page as Markdown, to paste into a
//! programme's notes — the grid with its marks (✓ met, −N to go), each
//! theme's figures against the target and the norms, and who is due.

use std::fmt::Write;

use super::{View, cell_words, made_line, middle, theme_words};
use crate::cohort::{Group, MIN_GROUP};
use crate::render::markdown::inline;
use crate::render::roster::{due_sentence, status_words, unnamed_sentence};

/// The Markdown of `view`.
pub fn markdown(view: &View<'_>) -> String {
    let mut out = String::new();
    let cohort = view.cohort;
    let _ = writeln!(out, "# Cohort\n");
    let _ = writeln!(out, "{}", made_line(view));
    if cohort.groups.is_empty() {
        let _ = writeln!(
            out,
            "\nNo self-assessments with a respondent name in these folders."
        );
    }
    for group in &cohort.groups {
        group_section(&mut out, view, group);
    }
    if let Some(due) = &view.due {
        let _ = writeln!(out, "\n## Who is due\n");
        let _ = writeln!(
            out,
            "{}\n",
            inline(&due_sentence(&due.roster.entries, due.every))
        );
        let _ = writeln!(out, "| Person | Latest self-assessment | Days ago | |");
        let _ = writeln!(out, "|---|---|--:|---|");
        for entry in &due.roster.entries {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                inline(&entry.name),
                entry
                    .latest
                    .map_or_else(|| "never".to_owned(), |d| d.to_string()),
                entry.days.map(|d| d.to_string()).unwrap_or_default(),
                inline(&status_words(entry))
            );
        }
        if let Some(sentence) = unnamed_sentence(due.roster) {
            let _ = writeln!(out, "\n{}", inline(&sentence));
        }
    }
    out
}

fn group_section(out: &mut String, view: &View<'_>, group: &Group) {
    let versions = super::versions(group);
    let _ = writeln!(
        out,
        "\n## {} ({} {})\n",
        inline(&group.title),
        inline(&group.questionnaire),
        inline(&versions)
    );
    if group.hidden {
        let _ = writeln!(
            out,
            "Hidden: fewer than {MIN_GROUP} people, who could be recognised."
        );
        return;
    }
    let _ = write!(out, "| Person |");
    for theme in &group.themes {
        let _ = write!(out, " {} |", inline(&theme.title));
    }
    let _ = write!(out, "\n|---|");
    for _ in &group.themes {
        out.push_str("--:|");
    }
    out.push('\n');
    for person in &group.people {
        let _ = write!(out, "| {} |", inline(&person.name));
        for theme in &person.themes {
            let _ = write!(out, " {} |", cell_words(theme));
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "\n✓ the person's target is met; −N the points still to go; ✗ the score reaches the \
         target, the facts do not; — not scored.\n"
    );
    let people = group.size.unwrap_or(group.people.len());
    for theme in &group.themes {
        if theme.hidden {
            let _ = writeln!(
                out,
                "- **{}**: hidden, fewer than {MIN_GROUP} people have a score for it.",
                inline(&theme.title)
            );
            continue;
        }
        let _ = writeln!(
            out,
            "- **{}**: {}.",
            inline(&theme.title),
            theme_words(theme, middle(view, group, theme), people)
        );
    }
}
